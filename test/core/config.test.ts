import { expect } from '@open-wc/testing';
import { ConfigError, validateConfig } from '../../src/core/config.js';
import type { EsConfig } from '../../src/core/config.types.js';

function errorOf(input: Partial<EsConfig>): ConfigError {
  try { validateConfig(input); } catch (e) { if (e instanceof ConfigError) return e; throw e; }
  throw new Error('expected a ConfigError');
}

describe('validateConfig', () => {
  it('requires apiUrl and names it', () => {
    const e = errorOf({});
    expect(e.field).to.equal('apiUrl');
    expect(e.message).to.contain('apiUrl').and.contain('api-url').and.contain('required');
  });

  it('rejects a relative or non-http apiUrl', () => {
    expect(errorOf({ apiUrl: '/api/v1' }).field).to.equal('apiUrl');
    expect(errorOf({ apiUrl: 'ftp://x.example/api' }).message).to.contain('http or https');
    expect(errorOf({ apiUrl: 'javascript:alert(1)' }).field).to.equal('apiUrl');
  });

  it('needs authority and clientId together', () => {
    expect(errorOf({ apiUrl: 'https://api.example/v1', authority: 'https://idp.example' }).field).to.equal('clientId');
    expect(errorOf({ apiUrl: 'https://api.example/v1', clientId: 'portal-a' }).field).to.equal('authority');
    expect(errorOf({ apiUrl: 'https://api.example/v1', authority: 'not a url', clientId: 'x' }).field).to.equal('authority');
  });

  it('checks locale, theme, tokenStorage and the other URLs', () => {
    const base = { apiUrl: 'https://api.example/v1', authority: 'https://idp.example', clientId: 'portal-a' };
    expect(errorOf({ ...base, locale: 'de' }).field).to.equal('locale');
    expect(errorOf({ ...base, theme: 'pink' as never }).field).to.equal('theme');
    expect(errorOf({ ...base, tokenStorage: 'local' as never }).field).to.equal('tokenStorage');
    expect(errorOf({ ...base, redirectUri: 'nope' }).field).to.equal('redirectUri');
    expect(errorOf({ ...base, postLogoutRedirectUri: '::' }).field).to.equal('postLogoutRedirectUri');
    expect(errorOf({ ...base, scope: 'profile email' }).field).to.equal('scope');
  });

  it('silentSignIn: a boolean, kept only when sign-in is configured', () => {
    const base = { apiUrl: 'https://api.example/v1', authority: 'https://idp.example', clientId: 'portal-a' };
    const e = errorOf({ ...base, silentSignIn: 'yes' as never });
    expect(e.field).to.equal('silentSignIn');
    expect(e.message).to.contain('silent-sign-in');
    expect(validateConfig({ ...base, silentSignIn: true }).silentSignIn).to.equal(true);
    expect(validateConfig({ ...base, silentSignIn: false })).to.not.have.property('silentSignIn');
    expect(validateConfig(base)).to.not.have.property('silentSignIn');
    expect(validateConfig({ apiUrl: base.apiUrl, silentSignIn: true }), 'public-only page: nothing to sign in to').to.not.have.property('silentSignIn');
  });

  it('fills in defaults', () => {
    const c = validateConfig({ apiUrl: 'https://api.example/v1/', authority: 'https://idp.example/', clientId: 'portal-a' });
    expect(c.apiUrl).to.equal('https://api.example/v1');
    expect(c.authority).to.equal('https://idp.example');
    expect(c.scope).to.equal('openid profile email');
    expect(c.redirectUri).to.equal(location.origin + location.pathname);
    expect(c.postLogoutRedirectUri).to.equal(c.redirectUri);
    expect(c.forgotPasswordUrl).to.equal('https://idp.example/password/forgot');
    expect(c.locale).to.equal('en');
    expect(c.theme).to.equal('light');
    expect(c.tokenStorage).to.equal('session');
  });

  it('keeps given values and allows a public-only config', () => {
    const c = validateConfig({
      apiUrl: 'http://localhost:4200/api/v1', authority: 'http://localhost:4100', clientId: 'portal-a', locale: 'fi',
      theme: 'auto', tokenStorage: 'memory', resource: 'http://localhost:4200/api/v1', redirectUri: 'http://localhost:8080/cb',
    });
    expect(c).to.include({ locale: 'fi', theme: 'auto', tokenStorage: 'memory', resource: 'http://localhost:4200/api/v1', redirectUri: 'http://localhost:8080/cb', postLogoutRedirectUri: 'http://localhost:8080/cb' });
    const pub = validateConfig({ apiUrl: 'http://localhost:4200/api/v1' });
    expect(pub.authority).to.equal(undefined);
    expect(pub.clientId).to.equal(undefined);
  });
});
