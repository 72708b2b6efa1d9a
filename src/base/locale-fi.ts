// Finnish for the shared status views (src/base/status-views.ts).
export const templates = {
  'common.loading': 'Ladataan…',
  'common.error-network': 'Tukipalveluun ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  'common.error-timeout': 'Tukipalvelu ei vastannut ajoissa. Yritä hetken kuluttua uudelleen.',
  'common.error-401': 'Istuntosi on päättynyt. Kirjaudu uudelleen.',
  'common.error-403': 'Sinulla ei ole oikeutta tähän.',
  'common.error-404': 'Tätä ei löytynyt. Se on ehkä poistettu tai kuuluu toiselle organisaatiolle.',
  'common.error-429': 'Liian monta pyyntöä. Odota hetki ja yritä uudelleen.',
  'common.error-5xx': 'Tukipalvelussa oli ongelma. Yritä hetken kuluttua uudelleen.',
  'common.error-unknown': 'Jokin meni vikaan. Yritä uudelleen.',
  'common.retry': 'Yritä uudelleen',
  'common.signed-out': 'Kirjaudu Business Account -tunnuksellasi nähdäksesi tämän.',
  'common.sign-in': 'Kirjaudu sisään',
  'common.checking-sign-in': 'Tarkistetaan kirjautumistasi…',
};
