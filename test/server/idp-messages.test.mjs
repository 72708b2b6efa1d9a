// The provider's messages (demo/server/idp/messages.mjs): English and Finnish have the same keys and no empty text;
// and the language choice (language.mjs): lang > ui_locales > cookie > Accept-Language > English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES, messagesFor } from '../../demo/server/idp/messages.mjs';
import {
  LANGUAGES, resolveLanguage, fromAcceptLanguage, fromUiLocales, supportedLanguage, readCookie, withLanguage,
} from '../../demo/server/idp/language.mjs';

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(tree, prefix = '') {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
}
const SAMPLE = '«sample-7»';

test('English and Finnish have the same keys, of the same kind', () => {
  assert.deepEqual(LANGUAGES, ['en', 'fi']);
  const en = new Map(leaves(MESSAGES.en));
  const fi = new Map(leaves(MESSAGES.fi));
  assert.ok(en.size > 80, `all the texts are there (${en.size})`);
  assert.deepEqual([...fi.keys()].sort(), [...en.keys()].sort());
  for (const [key, value] of en) assert.equal(typeof fi.get(key), typeof value, key);
});

const render = (value) => (typeof value === 'function' ? value(SAMPLE) : value);

test('no empty text; every function uses its argument; Finnish is not English', () => {
  const english = new Map(leaves(MESSAGES.en).map(([key, value]) => [key, render(value)]));
  const untranslated = [];
  for (const lang of LANGUAGES) {
    for (const [key, value] of leaves(MESSAGES[lang])) {
      const text = render(value);
      assert.equal(typeof text, 'string', `${lang} ${key}`);
      assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
      assert.equal(text, text.trim(), `${lang} ${key} has stray spaces`);
      if (typeof value === 'function') assert.ok(text.includes(SAMPLE), `${lang} ${key} shows its argument`);
      if (lang === 'fi' && text === english.get(key)) untranslated.push(key);
    }
  }
  // Only the home page's title, the brand name "Business Account", is the same in both languages.
  assert.deepEqual(untranslated, ['home.title']);
});

test('the guidance texts are kept in both languages', () => {
  assert.match(MESSAGES.en.login.tooMany, /Wait 15 minutes/);
  assert.match(MESSAGES.fi.login.tooMany, /Odota 15 minuuttia/);
  assert.match(MESSAGES.fi.login.usernameHint, /sähköpostiosoitteesi/);
  assert.match(MESSAGES.fi.forgot.done, /roskapostikansio/);
  assert.match(MESSAGES.fi.error.advice, /yksityistä ikkunaa tai toista selainta/);
  assert.match(MESSAGES.fi.account.mismatch, /ei ole sähköpostiosoitteesi/);
  assert.match(MESSAGES.fi.logout.question('Portaali A'), /\(tulit palvelusta Portaali A\)/);
  assert.doesNotMatch(MESSAGES.fi.logout.question(undefined), /undefined|\(/);
});

test('messagesFor falls back to English', () => {
  assert.equal(messagesFor('fi'), MESSAGES.fi);
  assert.equal(messagesFor('sv'), MESSAGES.en);
  assert.equal(messagesFor(undefined), MESSAGES.en);
  assert.equal(messagesFor('__proto__'), MESSAGES.en);
});

test('language tags, ui_locales and Accept-Language', () => {
  assert.equal(supportedLanguage('fi-FI'), 'fi');
  assert.equal(supportedLanguage('FI'), 'fi');
  assert.equal(supportedLanguage('fil'), undefined, 'Filipino is not Finnish');
  assert.equal(supportedLanguage('"><script>'), undefined);
  assert.equal(fromUiLocales('sv fi-FI en'), 'fi', 'the first supported tag wins');
  assert.equal(fromUiLocales('de'), undefined);
  assert.equal(fromAcceptLanguage('sv-SE,sv;q=0.9,fi;q=0.8,en;q=0.7'), 'fi');
  assert.equal(fromAcceptLanguage('en;q=0.5, fi'), 'fi', 'q-values, not the order');
  assert.equal(fromAcceptLanguage('fi;q=0, en;q=0.1'), 'en', 'q=0 means not acceptable');
  assert.equal(fromAcceptLanguage('*'), undefined);
  assert.equal(readCookie('a=1; idp_lang=fi; b=2', 'idp_lang'), 'fi');
  assert.equal(withLanguage('/password/forgot?return=%2Finteraction%2Fabc&lang=en', 'fi'), '/password/forgot?return=%2Finteraction%2Fabc&lang=fi');
});

test('the order: lang, ui_locales, cookie, Accept-Language, English', () => {
  const all = { explicit: 'en', uiLocales: 'fi', cookie: 'en', acceptLanguage: 'fi' };
  assert.equal(resolveLanguage(all), 'en');
  assert.equal(resolveLanguage({ ...all, explicit: undefined }), 'fi');
  assert.equal(resolveLanguage({ ...all, explicit: 'xx', uiLocales: undefined }), 'en', 'an unknown lang is ignored');
  assert.equal(resolveLanguage({ acceptLanguage: 'fi-FI,fi;q=0.9', cookie: 'en' }), 'en');
  assert.equal(resolveLanguage({ acceptLanguage: 'fi-FI,fi;q=0.9' }), 'fi');
  assert.equal(resolveLanguage({ acceptLanguage: 'sv, de' }), 'en');
  assert.equal(resolveLanguage(), 'en');
});
