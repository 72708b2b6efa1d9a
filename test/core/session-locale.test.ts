import { expect } from '@open-wc/testing';
import type { UserManagerSettings } from 'oidc-client-ts';
import { validateConfig } from '../../src/core/config.js';
import { setLocale } from '../../src/core/i18n.js';
import { loadOidc, type OidcModule } from '../../src/core/oidc-loader.js';
import { createSession, type OidcSession } from '../../src/core/session.js';
import { mockBase, uniqueKey } from './mock.js';
import { FakeNavigator } from '../helpers/fake-navigator.js';

/**
 * `ui_locales` of the authorization request is the language the identity provider's pages (login, forgot password)
 * are in. It must be the widgets' language when the user signs in: es-provider's `locale` can change at run time
 * (a host's language switch) and keeps the session it has, which was created with the first configuration.
 */


const sessions: OidcSession[] = [];

/** A session for a fresh client whose redirect sign-in is captured; `locale` is the configured one. */
function setup(locale: string) {
  const key = uniqueKey('oidc-locale');
  const authority = mockBase(key);
  const config = validateConfig({ apiUrl: 'http://api.test/api/v1', authority, clientId: `client-${key}`, tokenStorage: 'memory', locale });
  const metadata = { issuer: authority, authorization_endpoint: `${authority}/auth`, token_endpoint: `${authority}/token` };
  const nav = new FakeNavigator();
  const session = createSession(config, {
    peerWaitMs: 0,
    settings: { metadata },
    loadOidc,
    userManagerFactory: (s: UserManagerSettings, oidc: OidcModule) => new oidc.UserManager(s, nav as never),
  });
  sessions.push(session);
  /** Signs in and returns the ui_locales of the authorization request the page would navigate to. */
  const uiLocalesOfSignIn = async () => {
    const before = nav.urls.length;
    await session.signIn();
    expect(nav.urls, 'one redirect to the provider').to.have.length(before + 1);
    return new URL(nav.urls.at(-1)!).searchParams.get('ui_locales');
  };
  return { session, uiLocalesOfSignIn };
}

describe('session: ui_locales follows the widgets language', () => {
  afterEach(async () => {
    sessions.splice(0).forEach((s) => s.dispose());
    await setLocale('en');
  });

  // First on purpose: nothing on this test page has set the widgets' locale yet (each test file has its own page).
  it('without es-provider (no widgets language set on the page) the configured locale is sent', async () => {
    const t = setup('fi');
    await t.session.ready;
    expect(await t.uiLocalesOfSignIn()).to.equal('fi');
  });

  it('a locale switched after the session was created is the one sent to the provider', async () => {
    await setLocale('en');
    const t = setup('en');
    await t.session.ready;
    expect(await t.uiLocalesOfSignIn()).to.equal('en');
    // What es-provider does when its `locale` changes: the widgets switch, the session stays the same.
    await setLocale('fi');
    expect(await t.uiLocalesOfSignIn()).to.equal('fi');
    await setLocale('en');
    expect(await t.uiLocalesOfSignIn(), 'and back').to.equal('en');
  });
});
