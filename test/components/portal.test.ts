import { expect } from '@open-wc/testing';
import '../../src/components/login/define.js';
import '../../src/components/account-request/define.js';
import { EsPortal } from '../../src/components/portal/portal.js';
import { HashRouter, parseHash, routeToHash, type Route } from '../../src/components/portal/hash-router.js';
import type { Me } from '../../src/core/models.js';
import { setLocale } from '../../src/core/i18n.js';
import type { SignInOptions } from '../../src/core/session-types.js';
import { FakeSession, cleanup, deferred, fakeApi, mountWith, signedInUser } from '../helpers/fakes.js';

EsPortal.define();

const me: Me = {
  id: 'u-1', email: signedInUser.email, username: signedInUser.username, firstName: 'Anna', lastName: 'Virtanen',
  name: 'Anna Virtanen', organisation: { id: 'org-1', name: 'Nordic Bank Oyj', accountId: 'ACC-104233' }, portalAccess: 'enabled',
};
// The composed elements (case list, kb search, ...) are not defined here: the portal renders them by tag name only.
const api = () => fakeApi({ me: async () => me });
const $ = (el: EsPortal, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const viewTag = (el: EsPortal) => {
  const view = $(el, '[part~=view]')!;
  return [...view.children].find((c) => c.localName !== 'h2')?.localName ?? null;
};
async function settle(el: EsPortal) {
  for (let i = 0; i < 5; i++) { await el.updateComplete; await new Promise((r) => setTimeout(r, 0)); }
}
function hashChange() {
  return new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
}
async function go(el: EsPortal, hash: string) {
  const changed = hashChange();
  location.hash = hash;
  await changed;
  await settle(el);
}
async function back(el: EsPortal) { const c = hashChange(); history.back(); await c; await settle(el); }
async function forward(el: EsPortal) { const c = hashChange(); history.forward(); await c; await settle(el); }
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);
const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });
const mount = (session = new FakeSession()) => mountWith<EsPortal>('<es-portal></es-portal>', { session, api: api() });

describe('es-portal', () => {
  beforeEach(clearHash);
  afterEach(() => { cleanup(); clearHash(); });

  it('is accessible signed out and signed in', async () => {
    const el = await mount();
    await settle(el);
    await expect(el).to.be.accessible();
    cleanup();
    const el2 = await mount(signedIn());
    await settle(el2);
    await expect(el2).to.be.accessible();
  });

  describe('hash router', () => {
    const table: [string, Route | null][] = [
      ['', { name: 'home' }],
      ['#/', { name: 'home' }],
      ['#/cases', { name: 'cases' }],
      ['#/cases/', { name: 'cases' }],
      ['#/cases/c-42', { name: 'case', id: 'c-42' }],
      ['#/cases/a%2Fb', { name: 'case', id: 'a/b' }],
      ['#/new', { name: 'new', subject: '' }],
      ['#/new?subject=VPN%20drops', { name: 'new', subject: 'VPN drops' }],
      ['#/kb', { name: 'kb', query: '' }],
      ['#/kb?q=vpn+rekey', { name: 'kb', query: 'vpn rekey' }],
      ['#/kb/123', { name: 'article', id: '123', query: '' }],
      ['#/kb/123?q=vpn', { name: 'article', id: '123', query: 'vpn' }],
      ['#/contact', { name: 'contact' }],
      ['#/documents', { name: 'documents' }],
      ['#/request-account', { name: 'request-account' }],
      ['#/nope', { name: 'not-found', path: '/nope' }],
      ['#/cases/1/2', { name: 'not-found', path: '/cases/1/2' }],
      ['#/contact/x', { name: 'not-found', path: '/contact/x' }],
      ['#main', null],
    ];
    for (const [hash, route] of table) {
      it(`parses ${hash || '(empty)'}`, () => {
        expect(parseHash(hash)).to.deep.equal(route);
      });
    }

    it('formats routes that parse back to themselves', () => {
      const routes: Route[] = [
        { name: 'cases' }, { name: 'case', id: 'a/b c' }, { name: 'new', subject: 'Löytyy & ?' },
        { name: 'kb', query: 'vpn rekey' }, { name: 'article', id: '7', query: 'x=y' }, { name: 'contact' },
        { name: 'documents' }, { name: 'request-account' },
      ];
      for (const r of routes) expect(parseHash(routeToHash(r))).to.deep.equal(r);
      expect(routeToHash({ name: 'kb', query: '' })).to.equal('#/kb');
    });

    it('reports start, navigate and history changes and ignores in-page anchors', async () => {
      const seen: string[] = [];
      const router = new HashRouter((r, source) => seen.push(`${source}:${routeToHash(r)}`));
      router.start();
      try {
        let c = hashChange(); router.navigate({ name: 'contact' }); await c;
        c = hashChange(); location.hash = '#/documents'; await c;
        c = hashChange(); location.hash = '#main'; await c;
        c = hashChange(); history.back(); await c;
        router.navigate('#/kb', { replace: true });
        expect(seen).to.deep.equal(['start:#/', 'navigate:#/contact', 'history:#/documents', 'history:#/documents', 'navigate:#/kb']);
        expect(router.route).to.deep.equal({ name: 'kb', query: '' });
      } finally { router.stop(); }
    });
  });

  describe('defaults', () => {
    it('signed out: the knowledge base is the start page; cases routes are in the nav; request an account shown', async () => {
      const el = await mount();
      await settle(el);
      expect(viewTag(el)).to.equal('es-kb-search');
      expect(el.currentRoute.name).to.equal('kb');
      const current = el.shadowRoot!.querySelectorAll('[aria-current=page]');
      expect(current.length).to.equal(1);
      expect(current[0]!.getAttribute('href')).to.equal('#/kb');
      const links = [...el.shadowRoot!.querySelectorAll('[part~=nav-link]')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['#/cases', '#/new', '#/kb', '#/contact', '#/documents', '#/request-account']);
      expect($(el, 'es-login')).to.exist;
      expect($(el, 'slot[name=title]')!.textContent).to.equal('Support');
    });

    it('signed in: the case list is the start page, with row links into the portal', async () => {
      const el = await mount(signedIn());
      await settle(el);
      expect(viewTag(el)).to.equal('es-case-list');
      expect($(el, 'es-case-list')!.getAttribute('href-template')).to.equal('#/cases/{id}');
      expect($(el, '[aria-current=page]')!.getAttribute('href')).to.equal('#/cases');
      const links = [...el.shadowRoot!.querySelectorAll('[part~=nav-link]')].map((a) => a.getAttribute('href'));
      expect(links).not.to.include('#/request-account');
    });

    it('waits for the session before choosing the start page', async () => {
      const session = signedIn();
      const ready = deferred<void>();
      session.ready = ready.promise;
      const el = await mount(session);
      await settle(el);
      expect($(el, '[part~=view] [part~=loading]')).to.exist;
      expect(viewTag(el)).not.to.equal('es-kb-search');
      ready.resolve();
      await settle(el);
      expect(viewTag(el)).to.equal('es-case-list');
    });
  });

  it('outside any provider it still works signed out (no session to wait for)', async () => {
    const el = document.createElement('es-portal');
    document.body.append(el);
    try {
      await settle(el);
      expect(viewTag(el)).to.equal('es-kb-search');
      await go(el, '#/cases');
      expect($(el, '[part~=signed-out] [part~=sign-in-button]')!.hasAttribute('disabled')).to.equal(true);
    } finally { el.remove(); }
  });

  describe('navigation', () => {
    const expectations: [string, string, Record<string, string>][] = [
      ['#/cases/c-7', 'es-case-detail', { 'case-id': 'c-7' }],
      ['#/new?subject=Firewall%20drops', 'es-case-form', { 'initial-subject': 'Firewall drops' }],
      ['#/kb/55', 'es-kb-search', { article: '55' }],
      ['#/contact', 'es-contact-card', {}],
      ['#/documents', 'es-documents', {}],
      ['#/request-account', 'es-account-request', {}],
      ['#/cases', 'es-case-list', {}],
    ];
    it('renders the right element for each route, marks the nav and focuses the view heading', async () => {
      const el = await mount(signedIn());
      await settle(el);
      for (const [hash, tag, attrs] of expectations) {
        await go(el, hash);
        expect(viewTag(el), hash).to.equal(tag);
        for (const [name, value] of Object.entries(attrs)) expect($(el, tag)!.getAttribute(name), `${hash} ${name}`).to.equal(value);
        expect(el.shadowRoot!.activeElement, hash).to.equal($(el, '#view-heading'));
      }
      expect($(el, '#view-heading')!.textContent).to.equal('Your organisation’s cases');
    });

    it('passes the kb query as a property', async () => {
      const el = await mount();
      await go(el, '#/kb?q=vpn%20rekey');
      expect(($(el, 'es-kb-search') as HTMLElement & { query?: string }).query).to.equal('vpn rekey');
    });

    it('back and forward work', async () => {
      const el = await mount(signedIn());
      await settle(el);
      await go(el, '#/documents');
      await go(el, '#/contact');
      await go(el, '#/cases/c-1');
      await back(el);
      expect(viewTag(el)).to.equal('es-contact-card');
      await back(el);
      expect(viewTag(el)).to.equal('es-documents');
      await forward(el);
      expect(viewTag(el)).to.equal('es-contact-card');
      expect($(el, '[aria-current=page]')!.getAttribute('href')).to.equal('#/contact');
    });

    it('an unknown route says so; an in-page anchor keeps the view', async () => {
      const el = await mount();
      await go(el, '#/contact');
      await go(el, '#somewhere');
      expect(viewTag(el)).to.equal('es-contact-card');
      await go(el, '#/wrong/way/here');
      expect($(el, '[part~=not-found]')).to.exist;
      expect($(el, '#view-heading')!.textContent).to.equal('Page not found');
    });
  });

  describe('events from the composed elements', () => {
    it('es-case-select opens the case (and stops the row link from navigating a second time)', async () => {
      const el = await mount(signedIn());
      await go(el, '#/cases');
      const changed = hashChange();
      const ev = new CustomEvent('es-case-select', { detail: { id: 'c-42', number: 'CS-42' }, bubbles: true, composed: true, cancelable: true });
      $(el, 'es-case-list')!.dispatchEvent(ev);
      await changed;
      await settle(el);
      expect(ev.defaultPrevented).to.equal(true);
      expect(location.hash).to.equal('#/cases/c-42');
      expect($(el, 'es-case-detail')!.getAttribute('case-id')).to.equal('c-42');
    });

    it('es-case-submit opens the new case', async () => {
      const el = await mount(signedIn());
      await go(el, '#/new');
      const changed = hashChange();
      $(el, 'es-case-form')!.dispatchEvent(new CustomEvent('es-case-submit', { detail: { case: { id: 'c-99' } }, bubbles: true, composed: true }));
      await changed;
      await settle(el);
      expect(location.hash).to.equal('#/cases/c-99');
      expect(viewTag(el)).to.equal('es-case-detail');
    });

    it('es-kb-open-case opens the case form with the query as subject', async () => {
      const el = await mount(signedIn());
      await go(el, '#/kb?q=vpn');
      const changed = hashChange();
      $(el, 'es-kb-search')!.dispatchEvent(new CustomEvent('es-kb-open-case', { detail: { query: 'VPN tunnel drops', articleId: null }, bubbles: true, composed: true }));
      await changed;
      await settle(el);
      expect(parseHash(location.hash)).to.deep.equal({ name: 'new', subject: 'VPN tunnel drops' });
      expect($(el, 'es-case-form')!.getAttribute('initial-subject')).to.equal('VPN tunnel drops');
    });

    it('es-kb-article-open is mirrored into the URL without taking the focus', async () => {
      const el = await mount();
      await go(el, '#/kb?q=vpn');
      const kb = $(el, 'es-kb-search')!;
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      try {
        const changed = hashChange();
        kb.dispatchEvent(new CustomEvent('es-kb-article-open', { detail: { id: '12', query: 'vpn' }, bubbles: true, composed: true }));
        await changed;
        await settle(el);
        expect(location.hash).to.equal('#/kb/12?q=vpn');
        expect($(el, 'es-kb-search')).to.equal(kb);
        expect(kb.getAttribute('article')).to.equal('12');
        expect(document.activeElement).to.equal(outside);
        await back(el);
        expect(kb.getAttribute('article')).to.equal('');
      } finally { outside.remove(); }
    });
  });

  describe('signed out on a cases route', () => {
    it('shows a sign-in prompt that keeps the deep link as returnTo', async () => {
      location.hash = '#/cases/c-5';
      const session = new FakeSession();
      const options: (SignInOptions | undefined)[] = [];
      const original = session.signIn.bind(session);
      session.signIn = async (o) => { options.push(o); return original(o); };
      const el = await mount(session);
      await settle(el);
      expect($(el, '[part~=signed-out]')).to.exist;
      expect($(el, 'es-case-detail')).to.equal(null);
      expect($(el, '[aria-current=page]')!.getAttribute('href')).to.equal('#/cases');
      $(el, '[part~=signed-out] [part~=sign-in-button]')!.click();
      await settle(el);
      expect(options).to.have.length(1);
      expect(options[0]!.returnTo).to.equal(location.href);
      expect(options[0]!.returnTo).to.match(/#\/cases\/c-5$/);
      expect($(el, '[part~=view] [part~=loading]')).to.exist; // signing in
      session.set({ status: 'signed-in', user: signedInUser });
      await settle(el);
      expect($(el, 'es-case-detail')!.getAttribute('case-id')).to.equal('c-5');
    });

    it('the new-case route asks to sign in too; self-service routes do not', async () => {
      const el = await mount();
      await go(el, '#/new');
      expect($(el, '[part~=signed-out]')!.textContent).to.contain('open a support case');
      for (const [hash, tag] of [['#/kb', 'es-kb-search'], ['#/contact', 'es-contact-card'], ['#/documents', 'es-documents'], ['#/request-account', 'es-account-request']]) {
        await go(el, hash!);
        expect(viewTag(el), hash).to.equal(tag);
      }
    });

    it('follows the URL the session restores after the sign-in redirect (replaceState)', async () => {
      const session = new FakeSession({ status: 'signing-in' });
      const el = await mount(session);
      await settle(el);
      history.replaceState(null, '', `${location.pathname}${location.search}#/cases/c-9`);
      session.set({ status: 'signed-in', user: signedInUser });
      await settle(el);
      expect($(el, 'es-case-detail')!.getAttribute('case-id')).to.equal('c-9');
    });
  });

  describe('localisation', () => {
    afterEach(() => setLocale('en'));
    it('renders the navigation and headings in Finnish', async () => {
      const el = await mount();
      await setLocale('fi');
      await settle(el);
      const links = [...el.shadowRoot!.querySelectorAll('[part~=nav-link]')].map((a) => a.textContent);
      expect(links).to.deep.equal(['Tapaukset', 'Uusi tapaus', 'Tietopankki', 'Yhteystiedot', 'Dokumentit', 'Pyydä käyttäjätiliä']);
      expect($(el, '#view-heading')!.textContent).to.equal('Tietopankki');
      expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Tukiportaali');
    });
  });
});
