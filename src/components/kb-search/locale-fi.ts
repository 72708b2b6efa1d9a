// Finnish translations for es-kb-search (ids 'kb-search.*').
import { str } from '@lit/localize';

export const templates = {
  'kb-search.region': 'Tietämyskanta',
  'kb-search.label': 'Hae tietämyskannasta',
  'kb-search.product': 'Tuote',
  'kb-search.all-products': 'Kaikki tuotteet',
  'kb-search.results.one': str`${0} tulos`,
  'kb-search.results.other': str`${0} tulosta`,
  'kb-search.hint': str`Kirjoita vähintään ${0} merkkiä hakeaksesi artikkeleita.`,
  'kb-search.searching': 'Haetaan…',
  'kb-search.results-label': 'Hakutulokset',
  'kb-search.empty': str`Mikään artikkeli ei vastaa hakua "${0}". Kokeile muita tai vähemmän sanoja.`,
  'kb-search.loading-more': 'Ladataan…',
  'kb-search.more': 'Näytä lisää tuloksia',
  'kb-search.updated': str`Päivitetty ${0}`,
  'kb-search.still-need-help': 'Tarvitsetko vielä apua?',
  'kb-search.open-case': 'Avaa tukipyyntö',
  'kb-search.back': 'Takaisin tuloksiin',
  'kb-search.back-to-search': 'Hae tietämyskannasta',
  'kb-search.loading-article': 'Ladataan artikkelia…',
  'kb-search.related': 'Aiheeseen liittyvät artikkelit',
  'kb-search.feedback-thanks': 'Kiitos palautteestasi.',
  'kb-search.feedback-question': 'Oliko tästä apua?',
  'kb-search.yes': 'Kyllä',
  'kb-search.no': 'Ei',
  'kb-search.feedback-error': 'Vastaustasi ei voitu lähettää. Yritä uudelleen.',
};
