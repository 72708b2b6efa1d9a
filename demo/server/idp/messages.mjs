// Every user-facing string of the Business Account provider's pages and emails, in English and Finnish. Values are
// plain text (the views and emailLayout escape them) or functions of plain values. Both languages must have the
// same keys and no empty strings (test/server/idp-messages.test.mjs). Product and brand names stay in English.
// Finnish: the register of a Finnish bank's support pages (sinuttelu, short sentences, "Business Account -tili").

const en = {
  language: {
    /** In the language itself: the text of the link that switches TO this language. */
    switchTo: 'In English',
  },
  layout: {
    footer: 'Demo identity provider · eService Widgets',
  },
  home: {
    title: 'Business Account',
    text: 'This is the demo Business Account identity provider. Sign in from a support portal.',
  },
  links: {
    portal: (/** @type {string} */ origin) => `Go to the support portal (${origin})`,
    goTo: (/** @type {string} */ origin) => `Go to ${origin}`,
    forgot: 'Forgot your password?',
  },
  login: {
    title: 'Sign in',
    toContinue: (/** @type {string} */ client) => `to continue to ${client}`,
    username: 'Email address (username)',
    password: 'Password',
    submit: 'Sign in',
    usernameHint: 'Your username is your email address, unless you changed it in your Business Account.',
    forgot: 'Forgot your password?',
    cancel: 'Cancel and go back',
    error: 'The email address or password is not correct.',
    tooMany: 'Too many sign-in attempts with this email address. Wait 15 minutes, or reset your password with “Forgot your password?”.',
    expiredTitle: 'Start the sign-in again',
    expired: 'This sign-in page has expired or was opened in another window. Go back to the portal and choose Sign in again.',
  },
  forgot: {
    title: 'Forgot your password?',
    intro: 'Type the email address of your Business Account. We will send you a link to choose a new password. One password works for every portal.',
    done: 'If an account exists for that email, we sent a link to reset the password. The link works once, for 30 minutes. Check your spam folder if it does not arrive in a few minutes.',
    email: 'Email address',
    send: 'Send me a link',
    sendAgain: 'Send the link again',
    back: 'Back to sign in',
    emailRequired: 'Type your email address.',
  },
  setPassword: {
    account: 'Business Account:',
    password: 'New password',
    confirm: 'Type the new password again',
    rule: (/** @type {number} */ min) => `Use at least ${min} characters. A passphrase of several words is easy to remember and hard to guess.`,
    mismatch: 'The two passwords are not the same. Type the new password twice.',
  },
  password: {
    tooShort: (/** @type {number} */ min) => `The password must be at least ${min} characters long.`,
    tooLong: (/** @type {number} */ max) => `The password must be at most ${max} characters long.`,
    blank: 'The password cannot be only spaces.',
  },
  reset: {
    title: 'Choose a new password',
    intro: 'Choose a new password for your Business Account. It works on every portal.',
    submit: 'Change password',
    used: 'This password reset link has already been used. Each link works only once.',
    expired: 'This password reset link has expired. Links work for 30 minutes.',
    unknown: 'This password reset link is not valid. Copy the whole link from the email, or ask for a new one.',
    again: 'Ask for a new link',
    doneTitle: 'Password changed',
    done: 'Your password has been changed. Go back to your portal and sign in with your email address and the new password.',
  },
  activation: {
    title: 'Activate your Business Account',
    intro: 'Choose the password for your new Business Account. Your username is your email address.',
    submit: 'Activate my account',
    used: 'This activation link has already been used, so your account is active. Sign in with your email address, or reset the password if you forgot it.',
    expired: 'This activation link has expired. Links work for 7 days. Ask for a new one with "Forgot your password?".',
    unknown: 'This activation link is not valid. Copy the whole link from the email, or ask for a new one.',
    again: 'Forgot your password? Ask for a new link',
    doneTitle: 'Account activated',
    done: 'Your Business Account is active. Sign in to the support portal with your email address and the password you chose.',
  },
  account: {
    title: 'Your Business Account',
    name: 'Name',
    email: 'Email address',
    username: 'Username',
    mismatch: 'Your username is not your email address. Support portals expect the email address as the username: use it, and sign in with your email address from now on.',
    useEmail: 'Use my email address as the username',
    usernameHint: 'We recommend your email address. 3 to 254 characters, no spaces.',
    changeUsername: 'Change username',
    changePassword: 'Change your password',
    changePasswordNote: '(we email you a link)',
    signedOut: 'You are not signed in. Sign in on your support portal first, then open this page again.',
    outOfDate: 'The page was out of date. Try again.',
    usernameInvalid: 'A username has 3 to 254 characters and no spaces.',
    usernameNow: (/** @type {string} */ username) => `Your username is now ${username}.`,
    usernameTaken: 'That username is already in use. Choose another one, or use your email address.',
  },
  logout: {
    title: 'Sign out',
    question: (/** @type {string | undefined} */ client) => `Do you want to sign out of your Business Account${client ? ` (you came from ${client})` : ''}? You will be signed out of every portal.`,
    yes: 'Yes, sign me out',
    no: 'No, stay signed in',
    doneTitle: 'You are signed out',
    done: 'You are signed out of your Business Account on every portal.',
  },
  error: {
    title: 'Something went wrong',
    description: 'The request could not be completed.',
    code: 'Error code:',
    advice: 'Go back to the portal and try to sign in again. If it keeps failing, try a private browser window or another browser.',
    server: 'The Business Account service had a problem. Try again in a moment.',
    tooLarge: 'The form was too large.',
  },
  email: {
    hello: (/** @type {string} */ name) => `Hello ${name},`,
    copyHint: 'If the button does not work, copy this address into your browser:',
    activation: {
      subject: 'Activate your Business Account',
      heading: 'Activate your Business Account',
      created: (/** @type {string} */ email) => `a Business Account was created for ${email}. Your username is your email address.`,
      setText: 'Set your password to activate it (the link works once, for 7 days):',
      setHtml: 'Set your password to activate it. The link works once, for 7 days.',
      after: 'After that, sign in to the support portal with your email address and the new password.',
      action: 'Set my password',
      ignore: 'If you did not ask for this, you can ignore this email.',
    },
    reset: {
      subject: 'Reset your Business Account password',
      heading: 'Reset your password',
      asked: (/** @type {string} */ email) => `someone asked to reset the password of the Business Account ${email}.`,
      username: (/** @type {string} */ username) => `Your username is ${username}.`,
      chooseText: 'Choose a new password here (the link works once, for 30 minutes):',
      lifetimeHtml: 'The link works once, for 30 minutes. One password works for every portal.',
      onePassword: 'One password works for every portal.',
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this email: your password stays the same.',
    },
  },
};

/** @type {typeof en} */
const fi = {
  language: {
    switchTo: 'Suomeksi',
  },
  layout: {
    footer: 'Demotunnistuspalvelu · eService Widgets',
  },
  home: {
    title: 'Business Account',
    text: 'Tämä on Business Account -tunnistuspalvelun demo. Kirjaudu sisään tukiportaalin kautta.',
  },
  links: {
    portal: (origin) => `Siirry tukiportaaliin (${origin})`,
    goTo: (origin) => `Siirry osoitteeseen ${origin}`,
    forgot: 'Unohditko salasanasi?',
  },
  login: {
    title: 'Kirjaudu sisään',
    toContinue: (client) => `jatkaaksesi palveluun ${client}`,
    username: 'Sähköpostiosoite (käyttäjätunnus)',
    password: 'Salasana',
    submit: 'Kirjaudu',
    usernameHint: 'Käyttäjätunnuksesi on sähköpostiosoitteesi, ellet ole vaihtanut sitä Business Account -tililläsi.',
    forgot: 'Unohditko salasanasi?',
    cancel: 'Peruuta ja palaa takaisin',
    error: 'Sähköpostiosoite tai salasana on väärin.',
    tooMany: 'Tällä sähköpostiosoitteella on yritetty kirjautua liian monta kertaa. Odota 15 minuuttia tai vaihda salasana kohdasta ”Unohditko salasanasi?”.',
    expiredTitle: 'Aloita kirjautuminen uudelleen',
    expired: 'Tämä kirjautumissivu on vanhentunut tai avattu toisessa ikkunassa. Palaa portaaliin ja valitse uudelleen Kirjaudu sisään.',
  },
  forgot: {
    title: 'Unohditko salasanasi?',
    intro: 'Kirjoita Business Account -tilisi sähköpostiosoite. Lähetämme sinulle linkin, jolla voit valita uuden salasanan. Sama salasana toimii kaikissa portaaleissa.',
    done: 'Jos sähköpostiosoitteelle on tili, lähetimme siihen linkin salasanan vaihtamista varten. Linkki toimii kerran ja on voimassa 30 minuuttia. Jos viestiä ei kuulu muutamassa minuutissa, katso roskapostikansio.',
    email: 'Sähköpostiosoite',
    send: 'Lähetä linkki',
    sendAgain: 'Lähetä linkki uudelleen',
    back: 'Takaisin kirjautumiseen',
    emailRequired: 'Kirjoita sähköpostiosoitteesi.',
  },
  setPassword: {
    account: 'Business Account -tili:',
    password: 'Uusi salasana',
    confirm: 'Kirjoita uusi salasana uudelleen',
    rule: (min) => `Käytä vähintään ${min} merkkiä. Useasta sanasta koostuva salalause on helppo muistaa ja vaikea arvata.`,
    mismatch: 'Salasanat eivät ole samat. Kirjoita uusi salasana kahteen kertaan.',
  },
  password: {
    tooShort: (min) => `Salasanassa on oltava vähintään ${min} merkkiä.`,
    tooLong: (max) => `Salasanassa voi olla enintään ${max} merkkiä.`,
    blank: 'Salasana ei voi koostua pelkistä välilyönneistä.',
  },
  reset: {
    title: 'Valitse uusi salasana',
    intro: 'Valitse Business Account -tilillesi uusi salasana. Se toimii kaikissa portaaleissa.',
    submit: 'Vaihda salasana',
    used: 'Tämä salasanan vaihtolinkki on jo käytetty. Kukin linkki toimii vain kerran.',
    expired: 'Tämä salasanan vaihtolinkki on vanhentunut. Linkit ovat voimassa 30 minuuttia.',
    unknown: 'Tämä salasanan vaihtolinkki ei kelpaa. Kopioi sähköpostista koko linkki tai pyydä uusi.',
    again: 'Pyydä uusi linkki',
    doneTitle: 'Salasana vaihdettu',
    done: 'Salasanasi on vaihdettu. Palaa portaaliin ja kirjaudu sähköpostiosoitteellasi ja uudella salasanalla.',
  },
  activation: {
    title: 'Ota Business Account -tili käyttöön',
    intro: 'Valitse salasana uudelle Business Account -tilillesi. Käyttäjätunnuksesi on sähköpostiosoitteesi.',
    submit: 'Ota tili käyttöön',
    used: 'Tämä aktivointilinkki on jo käytetty, joten tilisi on käytössä. Kirjaudu sähköpostiosoitteellasi tai vaihda salasana, jos olet unohtanut sen.',
    expired: 'Tämä aktivointilinkki on vanhentunut. Linkit ovat voimassa 7 päivää. Pyydä uusi linkki kohdasta ”Unohditko salasanasi?”.',
    unknown: 'Tämä aktivointilinkki ei kelpaa. Kopioi sähköpostista koko linkki tai pyydä uusi.',
    again: 'Unohditko salasanasi? Pyydä uusi linkki',
    doneTitle: 'Tili otettu käyttöön',
    done: 'Business Account -tilisi on nyt käytössä. Kirjaudu tukiportaaliin sähköpostiosoitteellasi ja valitsemallasi salasanalla.',
  },
  account: {
    title: 'Business Account -tilisi',
    name: 'Nimi',
    email: 'Sähköpostiosoite',
    username: 'Käyttäjätunnus',
    mismatch: 'Käyttäjätunnuksesi ei ole sähköpostiosoitteesi. Tukiportaaleissa käyttäjätunnuksena käytetään sähköpostiosoitetta: ota se käyttöön ja kirjaudu jatkossa sähköpostiosoitteellasi.',
    useEmail: 'Käytä sähköpostiosoitettani käyttäjätunnuksena',
    usernameHint: 'Suosittelemme sähköpostiosoitettasi. 3–254 merkkiä, ei välilyöntejä.',
    changeUsername: 'Vaihda käyttäjätunnus',
    changePassword: 'Vaihda salasana',
    changePasswordNote: '(lähetämme linkin sähköpostiisi)',
    signedOut: 'Et ole kirjautunut sisään. Kirjaudu ensin tukiportaaliin ja avaa sitten tämä sivu uudelleen.',
    outOfDate: 'Sivu oli vanhentunut. Yritä uudelleen.',
    usernameInvalid: 'Käyttäjätunnuksessa on oltava 3–254 merkkiä, eikä siinä saa olla välilyöntejä.',
    usernameNow: (username) => `Käyttäjätunnuksesi on nyt ${username}.`,
    usernameTaken: 'Käyttäjätunnus on jo käytössä. Valitse toinen tai käytä sähköpostiosoitettasi.',
  },
  logout: {
    title: 'Kirjaudu ulos',
    question: (client) => `Haluatko kirjautua ulos Business Account -tililtäsi${client ? ` (tulit palvelusta ${client})` : ''}? Sinut kirjataan ulos kaikista portaaleista.`,
    yes: 'Kyllä, kirjaa minut ulos',
    no: 'En, pysyn kirjautuneena',
    doneTitle: 'Olet kirjautunut ulos',
    done: 'Olet kirjautunut ulos Business Account -tililtäsi kaikissa portaaleissa.',
  },
  error: {
    title: 'Jokin meni vikaan',
    description: 'Pyyntöä ei voitu suorittaa loppuun.',
    code: 'Virhekoodi:',
    advice: 'Palaa portaaliin ja yritä kirjautua uudelleen. Jos kirjautuminen ei vieläkään onnistu, kokeile selaimen yksityistä ikkunaa tai toista selainta.',
    server: 'Business Account -palvelussa oli häiriö. Yritä hetken kuluttua uudelleen.',
    tooLarge: 'Lomake oli liian suuri.',
  },
  email: {
    hello: (name) => `Hei ${name},`,
    copyHint: 'Jos painike ei toimi, kopioi tämä osoite selaimeesi:',
    activation: {
      subject: 'Ota Business Account -tilisi käyttöön',
      heading: 'Ota Business Account -tilisi käyttöön',
      created: (email) => `Sinulle on luotu Business Account -tili osoitteelle ${email}. Käyttäjätunnuksesi on sähköpostiosoitteesi.`,
      setText: 'Ota tili käyttöön valitsemalla salasana (linkki toimii kerran ja on voimassa 7 päivää):',
      setHtml: 'Ota tili käyttöön valitsemalla salasana. Linkki toimii kerran ja on voimassa 7 päivää.',
      after: 'Kirjaudu sen jälkeen tukiportaaliin sähköpostiosoitteellasi ja uudella salasanalla.',
      action: 'Valitse salasana',
      ignore: 'Jos et pyytänyt tätä, voit jättää viestin huomiotta.',
    },
    reset: {
      subject: 'Business Account -tilin salasanan vaihto',
      heading: 'Vaihda salasanasi',
      asked: (email) => `Business Account -tilin ${email} salasanan vaihtamista on pyydetty.`,
      username: (username) => `Käyttäjätunnuksesi on ${username}.`,
      chooseText: 'Valitse uusi salasana tästä (linkki toimii kerran ja on voimassa 30 minuuttia):',
      lifetimeHtml: 'Linkki toimii kerran ja on voimassa 30 minuuttia. Sama salasana toimii kaikissa portaaleissa.',
      onePassword: 'Sama salasana toimii kaikissa portaaleissa.',
      action: 'Valitse uusi salasana',
      ignore: 'Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.',
    },
  },
};

/** The messages of every supported language, keyed by language code. */
export const MESSAGES = Object.freeze({ en, fi });

/** @typedef {keyof typeof MESSAGES} Language */
/** @typedef {typeof en} Messages */

/**
 * The messages of `lang` (English for anything else).
 * @param {string} [lang]
 * @returns {Messages}
 */
export function messagesFor(lang) {
  return Object.hasOwn(MESSAGES, String(lang)) ? MESSAGES[/** @type {Language} */ (lang)] : en;
}
