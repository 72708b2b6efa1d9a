import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/login/define.js';
import type { EsLogin } from '../../src/components/login/login.js';
import { ApiError } from '../../src/core/errors.js';
import { setLocale } from '../../src/core/i18n.js';
import type { Me } from '../../src/core/models.js';
import { SessionWatch } from '../../src/base/session-watch.js';
import { FakeSession, cleanup, deferred, fakeApi, fakeConfig, mountWith, recordRenders, signedInUser } from '../helpers/fakes.js';
import { sleep, waitFor } from '../helpers/wait.js';

const anna: Me = {
  id: 'u-1', email: 'anna.virtanen@nordicbank.example', username: 'anna.virtanen@nordicbank.example',
  firstName: 'Anna', lastName: 'Virtanen', name: 'Anna Virtanen',
  organisation: { id: 'org-1', name: 'Nordic Bank Oyj', accountId: 'ACC-104233' }, portalAccess: 'enabled',
};

const $ = (el: EsLogin, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: EsLogin) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
async function settle(el: EsLogin) {
  for (let i = 0; i < 5; i++) { await el.updateComplete; await new Promise((r) => setTimeout(r, 0)); }
}
/** The checking region's text ('' while it only holds its line). */
const checkingText = (el: EsLogin) => $(el, '[part~=checking]')?.textContent?.trim() ?? null;

describe('es-login', () => {
  afterEach(cleanup);

  it('is accessible signed out', async () => {
    const el = await mountWith<EsLogin>('<es-login></es-login>', { session: new FakeSession() });
    await expect(el).to.be.accessible();
  });

  it('is accessible signed in and in each help state', async () => {
    const session = new FakeSession({ status: 'signed-in', user: signedInUser });
    const el = await mountWith<EsLogin>('<es-login></es-login>', {
      session, api: fakeApi({ me: async () => ({ ...anna, portalAccess: 'pending' }) }),
    });
    await settle(el);
    expect(el.view).to.equal('no-access');
    await expect(el).to.be.accessible();
    session.set({ status: 'error', user: null, error: { code: 'failed', message: 'invalid_grant' } });
    await settle(el);
    await expect(el).to.be.accessible();
  });

  describe('checking a stored sign-in (session not ready yet)', () => {
    const timing = { ...SessionWatch.timing };
    beforeEach(() => { SessionWatch.timing = { revealMs: 120, giveUpMs: 10_000 }; });
    afterEach(() => { SessionWatch.timing = { ...timing }; });

    it('is accessible while checking, before and after the text shows', async () => {
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session: new FakeSession().holdReady() });
      expect(el.view).to.equal('checking');
      await expect(el).to.be.accessible();
      await waitFor(() => checkingText(el));
      await expect(el).to.be.accessible();
    });

    it('shows no sign-in button, and says "Checking your sign-in…" only after the delay', async () => {
      const session = new FakeSession().holdReady();
      const start = Date.now();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      expect(el.view).to.equal('checking');
      expect(el.getAttribute('view')).to.equal('checking');
      expect($(el, '[part~=sign-in-button]')).to.equal(null);
      const region = $(el, '[part~=checking]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getBoundingClientRect().height, 'keeps a button row of space').to.be.at.least(38);
      await sleep(40);
      expect(checkingText(el), 'quiet at first').to.equal('');
      const shown = await waitFor(() => checkingText(el));
      expect(Date.now() - start).to.be.at.least(110);
      expect(shown).to.equal('Checking your sign-in…');
      expect($(el, '[part~=sign-in-button]')).to.equal(null);
      // Nothing stored after all: the signed-out view.
      session.resolveReady();
      await settle(el);
      expect(el.view).to.equal('signed-out');
      expect($(el, '[part~=sign-in-button]')).to.not.equal(null);
      expect($(el, '[part~=checking]')).to.equal(null);
    });

    it('a restored session goes from checking straight to signed in, never showing signed out', async () => {
      const session = new FakeSession().holdReady();
      const el = document.createElement('es-login') as EsLogin;
      const seen = recordRenders(el);
      await mountWith<EsLogin>(el, { session, api: fakeApi({ me: async () => anna }) });
      await sleep(20);
      // As the real session does: the stored user is adopted, then `ready` resolves.
      session.set({ status: 'signed-in', user: signedInUser });
      session.resolveReady();
      await waitFor(() => el.view === 'signed-in');
      await settle(el);
      seen.stop();
      expect(seen.views()).to.deep.equal(['checking', 'loading-account', 'signed-in']);
      expect(seen.parts().has('signed-out')).to.equal(false);
      expect(seen.parts().has('sign-in-button')).to.equal(false);
    });

    it('a ready that never settles falls back to signed out after the time limit, and sign-in works', async () => {
      SessionWatch.timing = { revealMs: 50, giveUpMs: 200 };
      const session = new FakeSession().holdReady();
      const start = Date.now();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      expect(el.view).to.equal('checking');
      await waitFor(() => el.view === 'signed-out');
      expect(Date.now() - start).to.be.at.least(190);
      await el.updateComplete;
      $(el, '[part~=sign-in-button]')!.click();
      await settle(el);
      expect(session.calls).to.deep.equal(['signIn:redirect']);
    });

    it('a ready that rejects shows the signed-out view at once', async () => {
      const session = new FakeSession().holdReady();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...a: unknown[]) => { warnings.push(a[0]); };
      try {
        session.rejectReady(new Error('storage broken'));
        await settle(el);
      } finally { console.warn = warn; }
      expect(el.view).to.equal('signed-out');
      expect(warnings).to.have.length(1);
    });

    it('an error or a sign-in in progress is shown as it is, not as checking', async () => {
      const session = new FakeSession({ status: 'error', error: { code: 'unreachable', message: '' } }).holdReady();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      expect(el.view).to.equal('unreachable');
      session.set({ status: 'signing-in', error: null });
      await settle(el);
      expect(el.view).to.equal('signing-in');
    });

    it('an element attached after the session is ready does not check again', async () => {
      const session = new FakeSession();
      await mountWith<EsLogin>('<es-login></es-login>', { session });
      const second = document.createElement('es-login') as EsLogin;
      const seen = recordRenders(second);
      document.querySelector('es-test-provider')!.append(second);
      await second.updateComplete;
      expect(seen.views()).to.deep.equal(['signed-out']);
    });

    it('says it in Finnish', async () => {
      try {
        await setLocale('fi');
        const el = await mountWith<EsLogin>('<es-login></es-login>', { session: new FakeSession().holdReady() });
        expect(await waitFor(() => checkingText(el))).to.equal('Tarkistetaan kirjautumistasi…');
      } finally { await setLocale('en'); }
    });
  });

  describe('defaults (signed out)', () => {
    it('shows the login button, the username hint and both links', async () => {
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session: new FakeSession() });
      const button = $(el, '[part~=sign-in-button]')!;
      expect(button.textContent!.trim()).to.equal('Business Account Login');
      expect(button.hasAttribute('disabled')).to.equal(false);
      expect($(el, '[part~=hint]')!.textContent).to.contain('Your username is your email address');
      const forgot = new URL($(el, '[part~=forgot-password-link]')!.getAttribute('href')!);
      expect(`${forgot.origin}${forgot.pathname}`).to.equal(fakeConfig.forgotPasswordUrl);
      expect(forgot.searchParams.get('ui_locales')).to.equal('en');
      expect($(el, '[part~=request-account-link]')!.getAttribute('href')).to.equal('#/request-account');
      expect(el.view).to.equal('signed-out');
      expect(el.getAttribute('view')).to.equal('signed-out');
    });

    it('derives the forgot-password link from the authority when not configured', async () => {
      const el = await mountWith<EsLogin>('<es-login></es-login>', {
        session: new FakeSession(), config: { apiUrl: 'http://api.test', authority: 'http://idp.test/' },
      });
      expect($(el, '[part~=forgot-password-link]')!.getAttribute('href')).to.equal('http://idp.test/password/forgot?ui_locales=en');
    });

    it('asks for the forgot-password page in the widgets\' language, keeping the configured URL\'s own query', async () => {
      const el = await mountWith<EsLogin>('<es-login></es-login>', {
        session: new FakeSession(),
        config: { apiUrl: 'http://api.test', authority: 'http://idp.test', forgotPasswordUrl: 'https://help.example/reset?brand=acme&ui_locales=de' },
      });
      const href = () => new URL($(el, '[part~=forgot-password-link]')!.getAttribute('href')!);
      expect(href().searchParams.get('brand')).to.equal('acme');
      expect(href().searchParams.getAll('ui_locales')).to.deep.equal(['en']);
      try {
        await setLocale('fi');
        await waitFor(() => href().searchParams.get('ui_locales') === 'fi' || null);
        expect($(el, '[part~=forgot-password-link]')!.textContent).to.equal('Unohditko salasanasi?');
      } finally { await setLocale('en'); }
    });

    it('uses account-request-href, and a request-account slot replaces the link', async () => {
      const el = await mountWith<EsLogin>('<es-login account-request-href="/join"></es-login>', { session: new FakeSession() });
      expect($(el, '[part~=request-account-link]')!.getAttribute('href')).to.equal('/join');
      cleanup();
      const el2 = await mountWith<EsLogin>('<es-login><a slot="request-account" href="/x">Join us</a></es-login>', { session: new FakeSession() });
      const slot = $(el2, 'slot[name=request-account]') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Join us');
    });

    it('the default request link fires a cancelable es-account-request-open', async () => {
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session: new FakeSession() });
      const before = location.hash;
      el.addEventListener('es-account-request-open', (e) => e.preventDefault(), { once: true });
      const fired = oneEvent(el, 'es-account-request-open');
      $(el, '[part~=request-account-link]')!.click();
      const ev = await fired;
      expect(ev.defaultPrevented).to.equal(true);
      expect(location.hash).to.equal(before);
    });
  });

  describe('signing in', () => {
    it('redirects by default and shows a busy, disabled button', async () => {
      const session = new FakeSession();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      $(el, '[part~=sign-in-button]')!.click();
      await settle(el);
      expect(session.calls).to.deep.equal(['signIn:redirect']);
      const button = $(el, '[part~=sign-in-button]')!;
      expect(button.hasAttribute('disabled')).to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.textContent).to.contain('Signing in');
      expect(el.view).to.equal('signing-in');
    });

    it('uses a popup with the popup attribute', async () => {
      const session = new FakeSession();
      const el = await mountWith<EsLogin>('<es-login popup></es-login>', { session });
      $(el, '[part~=sign-in-button]')!.click();
      await settle(el);
      expect(session.calls).to.deep.equal(['signIn:popup']);
      expect(text(el)).to.contain('window that opened');
    });

    it('a double click calls signIn once', async () => {
      const session = new FakeSession();
      const gate = deferred<void>();
      let count = 0;
      session.signIn = async () => { count++; await gate.promise; };
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      const button = $(el, '[part~=sign-in-button]')!;
      button.click();
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle(el);
      $(el, '[part~=sign-in-button]')!.click();
      expect(count).to.equal(1);
      gate.resolve();
    });

    it('works with the keyboard alone: Tab to the button, Enter signs in', async () => {
      const session = new FakeSession();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      const before = document.createElement('button');
      before.textContent = 'before';
      el.parentElement!.prepend(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=sign-in-button]'));
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(session.calls).to.deep.equal(['signIn:redirect']);
    });
  });

  describe('signed in', () => {
    it('shows name, email and organisation from /me and signs out', async () => {
      const session = new FakeSession({ status: 'signed-in', user: signedInUser });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api: fakeApi({ me: async () => anna }) });
      await settle(el);
      expect(el.view).to.equal('signed-in');
      expect($(el, '[part~=user-name]')!.textContent).to.equal('Anna Virtanen');
      expect($(el, '[part~=user-email]')!.textContent).to.equal('anna.virtanen@nordicbank.example');
      expect($(el, '[part~=organisation]')!.textContent).to.contain('Nordic Bank Oyj');
      expect($(el, '[part~=trouble]')).to.equal(null);
      $(el, '[part~=sign-out-button]')!.click();
      await settle(el);
      expect(session.calls).to.deep.equal(['signOut']);
      expect(el.view).to.equal('signed-out');
    });

    it('shows a loading state while /me is pending', async () => {
      const d = deferred<Me>();
      const session = new FakeSession({ status: 'signed-in', user: signedInUser });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api: fakeApi({ me: () => d.promise }) });
      await settle(el);
      expect(el.view).to.equal('loading-account');
      expect($(el, '[part~=loading]')).to.not.equal(null);
      expect($(el, '[part~=user-name]')!.textContent).to.equal('Anna Virtanen');
      d.resolve(anna);
      await settle(el);
      expect(el.view).to.equal('signed-in');
    });
  });

  describe('trouble states', () => {
    for (const code of ['cancelled', 'failed', 'state-mismatch'] as const) {
      it(`a) ${code}: private window, other browser, username is the email; try again and dismiss`, async () => {
        const session = new FakeSession({ status: 'error', error: { code, message: 'provider said no' } });
        const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
        const panel = $(el, '[part~=trouble-failed]')!;
        expect(panel.getAttribute('role')).to.equal('alert');
        const t = panel.textContent!.replace(/\s+/g, ' ');
        expect(t).to.contain('private (incognito) window');
        expect(t).to.contain('another browser');
        expect(t).to.contain('email address as the username');
        expect(t.includes('provider said no')).to.equal(code === 'failed');
        $(el, '[part~=dismiss-button]')!.click();
        await settle(el);
        expect(el.view).to.equal('signed-out');
        session.set({ status: 'error', error: { code, message: 'x' } });
        await settle(el);
        $(el, '[part~=sign-in-button]')!.click();
        await settle(el);
        expect(session.calls).to.deep.equal(['signIn:redirect']);
      });
    }

    for (const access of ['pending', 'none'] as const) {
      it(`b) portal access ${access}: 4-5 business days, spam folder, request link and support contact`, async () => {
        const session = new FakeSession({ status: 'signed-in', user: signedInUser });
        const el = await mountWith<EsLogin>('<es-login></es-login>', {
          session, api: fakeApi({ me: async () => ({ ...anna, portalAccess: access, organisation: null }) }),
        });
        await settle(el);
        expect(el.view).to.equal('no-access');
        expect(el.getAttribute('view')).to.equal('no-access');
        const t = $(el, '[part~=trouble-no-access]')!.textContent!.replace(/\s+/g, ' ');
        expect(t).to.contain('4–5 business days');
        expect(t).to.contain('spam');
        expect($(el, '[part~=trouble-no-access] [part~=request-account-link]')).to.not.equal(null);
        expect($(el, '[part~=support-contact-link]')!.getAttribute('href')).to.equal('#/contact');
        expect($(el, '[part~=sign-out-button]')).to.not.equal(null);
      });
    }

    it('b) the support-contact slot replaces the default link', async () => {
      const session = new FakeSession({ status: 'signed-in', user: signedInUser });
      const el = await mountWith<EsLogin>('<es-login><a slot="support-contact" href="tel:+35892520">+358 9 2520</a></es-login>', {
        session, api: fakeApi({ me: async () => ({ ...anna, portalAccess: 'pending' }) }),
      });
      await settle(el);
      const slot = $(el, 'slot[name=support-contact]') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.getAttribute('href')).to.equal('tel:+35892520');
    });

    it('c) username is not the email (from the session claims)', async () => {
      const session = new FakeSession({ status: 'signed-in', user: { ...signedInUser, username: 'jsmith', email: 'john.smith@fabrikam.example' } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api: fakeApi({ me: async () => anna }) });
      await settle(el);
      expect(el.view).to.equal('mismatch');
      const t = $(el, '[part~=trouble-mismatch]')!.textContent!.replace(/\s+/g, ' ');
      expect(t).to.contain('“jsmith”');
      expect(t).to.contain('john.smith@fabrikam.example');
      expect(t).to.contain('change the username to your email address');
      expect(t).to.contain('Call support');
    });

    it('c) username is not the email (from /me)', async () => {
      const session = new FakeSession({ status: 'signed-in', user: { ...signedInUser, username: null } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', {
        session, api: fakeApi({ me: async () => ({ ...anna, username: 'avirtanen' }) }),
      });
      await settle(el);
      expect(el.view).to.equal('mismatch');
      expect(text(el)).to.contain('“avirtanen”');
    });

    it('c) a case-only difference is not a mismatch', async () => {
      const session = new FakeSession({ status: 'signed-in', user: { ...signedInUser, username: 'Anna.Virtanen@NordicBank.example' } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api: fakeApi({ me: async () => anna }) });
      await settle(el);
      expect(el.view).to.equal('signed-in');
    });

    it('d) the sign-in service is unreachable: message and retry', async () => {
      const session = new FakeSession({ status: 'error', error: { code: 'unreachable', message: 'Failed to fetch' } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      expect(text(el)).to.contain('sign-in service cannot be reached');
      $(el, '[part~=sign-in-button]')!.click();
      await settle(el);
      expect(session.calls).to.deep.equal(['signIn:redirect']);
    });

    it('d) the API is unreachable: message, es-error and retry that loads /me again', async () => {
      let calls = 0;
      const session = new FakeSession({ status: 'signed-in', user: signedInUser });
      const api = fakeApi({
        me: async () => {
          calls++;
          if (calls === 1) throw new ApiError({ kind: 'network', operation: 'me' });
          return anna;
        },
      });
      const errors: string[] = [];
      document.addEventListener('es-error', (e) => errors.push(e.detail.operation), { once: true });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api });
      await settle(el);
      expect(el.view).to.equal('api-unreachable');
      expect(text(el)).to.contain('support service cannot be reached');
      expect(errors).to.deep.equal(['me']);
      $(el, '[part~=retry-button]')!.click();
      await settle(el);
      expect(calls).to.equal(2);
      expect(el.view).to.equal('signed-in');
    });

    it('a cancelled es-error hides the built-in message', async () => {
      const session = new FakeSession({ status: 'signed-in', user: signedInUser });
      const api = fakeApi({ me: async () => { throw new ApiError({ kind: 'http', status: 500, operation: 'me' }); } });
      const stop = (e: Event) => e.preventDefault();
      document.addEventListener('es-error', stop);
      try {
        const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api });
        await settle(el);
        expect(el.view).to.equal('api-error');
        expect($(el, '[part~=error]')).to.equal(null);
      } finally { document.removeEventListener('es-error', stop); }
    });

    it('expired session asks to sign in again', async () => {
      const session = new FakeSession({ status: 'error', error: { code: 'expired', message: '' } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      expect(text(el)).to.contain('Your session has ended');
    });
  });

  describe('events', () => {
    it('fires es-auth-change on every state change it sees', async () => {
      const session = new FakeSession();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      const seen: string[] = [];
      el.addEventListener('es-auth-change', (e) => seen.push(e.detail.status));
      session.set({ status: 'signing-in' });
      session.set({ status: 'signed-in', user: signedInUser });
      session.set({ status: 'signed-in', user: signedInUser });
      session.set({ status: 'signed-out', user: null });
      expect(seen).to.deep.equal(['signing-in', 'signed-in', 'signed-out']);
    });

    it('stops listening when removed', async () => {
      const session = new FakeSession();
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session });
      const seen: string[] = [];
      el.addEventListener('es-auth-change', (e) => seen.push(e.detail.status));
      el.remove();
      session.set({ status: 'signing-in' });
      expect(seen).to.deep.equal([]);
    });
  });

  describe('localisation', () => {
    afterEach(() => setLocale('en'));
    it('renders Finnish, with the values in place', async () => {
      const session = new FakeSession({ status: 'signed-in', user: { ...signedInUser, username: 'jsmith', email: 'john.smith@fabrikam.example' } });
      const el = await mountWith<EsLogin>('<es-login></es-login>', { session, api: fakeApi({ me: async () => anna }) });
      await setLocale('fi');
      await settle(el);
      const t = text(el);
      expect(t).to.contain('Käyttäjätunnuksesi ei ole sähköpostiosoitteesi');
      expect(t).to.contain('käyttäjätunnuksella ”jsmith”');
      expect(t).to.contain('(john.smith@fabrikam.example)');
      expect($(el, '[part~=sign-out-button]')!.textContent!.trim()).to.equal('Kirjaudu ulos');
      session.set({ status: 'signed-out', user: null });
      await settle(el);
      expect($(el, '[part~=sign-in-button]')!.textContent!.trim()).to.equal('Business Account -kirjautuminen');
    });
  });
});
