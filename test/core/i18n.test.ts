import { expect } from '@open-wc/testing';
import { msg, str } from '@lit/localize';
import { getLocale, normaliseLocale, setLocale } from '../../src/core/i18n.js';
import { currentLocale } from '../../src/core/format.js';

describe('i18n', () => {
  afterEach(async () => { await setLocale('en'); });

  it('normalises locale tags to a supported locale', () => {
    expect(normaliseLocale('fi-FI')).to.equal('fi');
    expect(normaliseLocale('FI')).to.equal('fi');
    expect(normaliseLocale('en-GB')).to.equal('en');
    expect(normaliseLocale('de')).to.equal('en');
    expect(normaliseLocale(undefined)).to.equal('en');
  });

  it('switches to Finnish at run time: templates from the component files, formatting locale too', async () => {
    const title = () => msg('The support widgets cannot start.', { id: 'provider.config-error-title' });
    const withValues = (field: string) => msg(str`Check the es-provider setting "${field}": ${'x'}`, { id: 'provider.config-error' });
    expect(title()).to.equal('The support widgets cannot start.');
    await setLocale('fi-FI');
    expect(getLocale()).to.equal('fi');
    expect(currentLocale()).to.equal('fi');
    expect(title()).to.equal('Tukipalvelun komponentit eivät voi käynnistyä.');
    expect(withValues('apiUrl')).to.equal('Tarkista es-provider-asetus "apiUrl": x');
    await setLocale('en');
    expect(getLocale()).to.equal('en');
    expect(title()).to.equal('The support widgets cannot start.');
  });
});
