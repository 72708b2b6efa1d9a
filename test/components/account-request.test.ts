import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/account-request/define.js';
import type { EsAccountRequest } from '../../src/components/account-request/account-request.js';
import { DRAFT_KEY } from '../../src/components/account-request/draft.js';
import { normaliseAccountId, toField, validateField } from '../../src/components/account-request/validation.js';
import { ApiError } from '../../src/core/errors.js';
import { setLocale } from '../../src/core/i18n.js';
import type { AccountRequestInput, AccountRequestReceipt } from '../../src/core/models.js';
import { FakeSession, cleanup, deferred, fakeApi, mountWith, signedInUser } from '../helpers/fakes.js';

type El = EsAccountRequest;
const $ = <T extends HTMLElement = HTMLElement>(el: El, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const field = (el: El, name: string) => $<HTMLInputElement>(el, `#f-${name}`)!;
const text = (el: El) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
async function settle(el: El) {
  for (let i = 0; i < 5; i++) { await el.updateComplete; await new Promise((r) => setTimeout(r, 0)); }
}
async function type(el: El, name: string, value: string) {
  const input = field(el, name);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}
async function fillValid(el: El) {
  await type(el, 'firstName', 'Anna');
  await type(el, 'lastName', 'Virtanen');
  await type(el, 'email', 'anna.virtanen@nordicbank.example');
  await type(el, 'accountId', 'ACC-104233');
}
const submit = async (el: El) => { $<HTMLButtonElement>(el, '[part~=submit-button]')!.click(); await settle(el); };
const receipt = (over: Partial<AccountRequestReceipt> = {}): AccountRequestReceipt =>
  ({ id: 'ar-1', status: 'received', hasBusinessAccount: false, ...over });

describe('es-account-request', () => {
  beforeEach(() => sessionStorage.removeItem(DRAFT_KEY));
  afterEach(() => { cleanup(); sessionStorage.removeItem(DRAFT_KEY); });

  it('is accessible empty, with errors and after success', async () => {
    const el = await mountWith<El>('<es-account-request></es-account-request>', {
      api: fakeApi({ requestAccount: async () => receipt() }),
    });
    await expect(el).to.be.accessible();
    await submit(el);
    await expect(el).to.be.accessible();
    await fillValid(el);
    await submit(el);
    await expect(el).to.be.accessible();
  });

  describe('defaults', () => {
    it('renders a novalidate form with the five fields, labels and the Account ID help', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>');
      expect($(el, 'form')!.hasAttribute('novalidate')).to.equal(true);
      for (const f of ['firstName', 'lastName', 'email', 'accountId', 'message']) {
        expect(field(el, f), f).to.exist;
        expect($(el, `label[for=f-${f}]`), `label ${f}`).to.exist;
      }
      expect(field(el, 'email').getAttribute('autocomplete')).to.equal('email');
      expect($(el, '#f-accountId-hint')!.textContent).to.contain('support contract');
      expect(field(el, 'accountId').getAttribute('aria-describedby')).to.equal('f-accountId-hint');
      expect($(el, '[part~=counter]')!.textContent).to.contain('0 of 2,000 characters');
      expect($(el, '[part~=heading]')!.textContent).to.equal('Request a portal account');
      expect($(el, '[part~=error-summary]')).to.equal(null);
    });

    it('an empty heading attribute hides the heading and names the form instead', async () => {
      const el = await mountWith<El>('<es-account-request heading=""></es-account-request>');
      expect($(el, '[part~=heading]')).to.equal(null);
      expect($(el, 'form')!.getAttribute('aria-label')).to.equal('Request a portal account');
    });

    it('prefills name and email for a signed-in user', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        session: new FakeSession({ status: 'signed-in', user: signedInUser }),
      });
      expect(field(el, 'email').value).to.equal('anna.virtanen@nordicbank.example');
      expect(field(el, 'firstName').value).to.equal('Anna');
      expect(field(el, 'lastName').value).to.equal('Virtanen');
    });
  });

  describe('validation', () => {
    it('validates each field when it is left', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>');
      const cases: [string, string, string | null][] = [
        ['firstName', '', 'Enter your first name.'], ['firstName', 'Anna', null],
        ['lastName', '  ', 'Enter your last name.'], ['lastName', 'Virtanen', null],
        ['email', 'anna', 'name@company.com'], ['email', 'anna@nordicbank.example', null],
        ['accountId', 'ACC-12', 'ACC- followed by 6 digits'], ['accountId', 'ACC-104233', null],
      ];
      for (const [name, value, error] of cases) {
        await type(el, name, value);
        const input = field(el, name);
        const errorEl = $(el, `#f-${name}-error`);
        if (error) {
          expect(input.getAttribute('aria-invalid'), `${name}=${value}`).to.equal('true');
          expect(errorEl!.textContent).to.contain(error);
          expect(input.getAttribute('aria-describedby')).to.contain(`f-${name}-error`);
        } else {
          expect(input.getAttribute('aria-invalid'), `${name}=${value}`).to.equal('false');
          expect(errorEl).to.equal(null);
        }
      }
    });

    it('does not show errors while typing into a fresh field, but clears a shown error as it is fixed', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>');
      const input = field(el, 'email');
      input.value = 'a';
      input.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      input.dispatchEvent(new FocusEvent('blur'));
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      input.value = 'a@b.example';
      input.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });

    it('normalises the Account ID when the field is left', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>');
      await type(el, 'accountId', ' acc104233 ');
      expect(field(el, 'accountId').value).to.equal('ACC-104233');
      expect(field(el, 'accountId').getAttribute('aria-invalid')).to.equal('false');
      expect(normaliseAccountId('104233')).to.equal('ACC-104233');
      expect(normaliseAccountId('ACC-1042')).to.equal('ACC-1042');
    });

    it('counts the message and rejects one over the limit', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>');
      await type(el, 'message', 'x'.repeat(2001));
      expect($(el, '[part~=counter]')!.textContent).to.contain('2,001 of 2,000');
      expect($(el, '[part~=counter]')!.classList.contains('over')).to.equal(true);
      expect(field(el, 'message').getAttribute('aria-invalid')).to.equal('true');
      expect(validateField('message', '')).to.equal(null);
    });

    it('maps server field names', () => {
      expect(toField('email')).to.equal('email');
      expect(toField('/accountId')).to.equal('accountId');
      expect(toField('body.account_id')).to.equal('accountId');
      expect(toField('first-name')).to.equal('firstName');
      expect(toField('phone')).to.equal(null);
    });
  });

  describe('submitting', () => {
    it('a failed submit shows every error, focuses the error summary, and its links focus the fields', async () => {
      let called = 0;
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => { called++; return receipt(); } }),
      });
      await type(el, 'firstName', 'Anna');
      await submit(el);
      expect(called).to.equal(0);
      const summary = $(el, '[part~=error-summary]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      const links = [...summary.querySelectorAll<HTMLAnchorElement>('[part~=error-summary-link]')];
      expect(links.map((l) => l.getAttribute('href'))).to.deep.equal(['#f-lastName', '#f-email', '#f-accountId']);
      const hash = location.hash;
      links[1]!.click();
      expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
      expect(location.hash).to.equal(hash);
      expect(field(el, 'firstName').value).to.equal('Anna');
    });

    it('keyboard only: fill in with Tab and type, Enter submits', async () => {
      const requestAccount = async (input: AccountRequestInput) => { seen.push(input); return receipt(); };
      const seen: AccountRequestInput[] = [];
      const el = await mountWith<El>('<es-account-request></es-account-request>', { api: fakeApi({ requestAccount }) });
      field(el, 'firstName').focus();
      await sendKeys({ type: 'Anna' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Virtanen' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'anna@nordicbank.example' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'acc-104233' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(seen).to.deep.equal([{ firstName: 'Anna', lastName: 'Virtanen', email: 'anna@nordicbank.example', accountId: 'ACC-104233' }]);
      expect($(el, '[part~=success]')).to.exist;
    });

    it('shows a busy button and cannot be sent twice', async () => {
      const d = deferred<AccountRequestReceipt>();
      let called = 0;
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: () => { called++; return d.promise; } }),
      });
      await fillValid(el);
      await submit(el);
      const button = $(el, '[part~=submit-button]')!;
      expect(button.hasAttribute('disabled')).to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.textContent).to.contain('Sending');
      $(el, 'form')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      expect(called).to.equal(1);
      d.resolve(receipt());
      await settle(el);
      expect($(el, '[part~=success]')).to.exist;
    });

    it('success: next steps with the activation email, event with the receipt, draft cleared, heading focused', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => receipt() }),
      });
      await fillValid(el);
      expect(sessionStorage.getItem(DRAFT_KEY)).to.contain('ACC-104233');
      const ev = oneEvent(el, 'es-account-request-submit');
      await submit(el);
      expect((await ev).detail).to.deep.equal(receipt());
      const t = text(el);
      expect(t).to.contain('Thank you, your request has been received');
      expect(t).to.contain('check your request with your company');
      expect(t).to.contain('activation email at anna.virtanen@nordicbank.example');
      expect(t).to.contain('welcome email');
      expect(t).to.contain('4–5 business days');
      expect(t).to.contain('spam');
      expect(t).to.contain('Reference: ar-1');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=success-heading]'));
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('success with an existing Business Account: no activation email', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => receipt({ hasBusinessAccount: true }) }),
      });
      await fillValid(el);
      await submit(el);
      expect(text(el)).to.contain('no activation email comes');
      expect(text(el)).not.to.contain('activation email at');
    });

    it('duplicate: no need to send another', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => receipt({ status: 'duplicate' }) }),
      });
      await fillValid(el);
      const ev = oneEvent(el, 'es-account-request-submit');
      await submit(el);
      expect((await ev).detail.status).to.equal('duplicate');
      expect(text(el)).to.contain('We already have your request');
      expect(text(el)).to.contain('no need to send another');
    });

    it('server field errors land on the fields and in the summary; values kept', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({
          requestAccount: async () => {
            throw new ApiError({
              kind: 'http', status: 400, operation: 'requestAccount', title: 'Invalid request',
              fieldErrors: [{ field: 'accountId', message: 'No customer account has this Account ID.' }, { field: 'captcha', message: 'Robot check failed.' }],
            });
          },
        }),
      });
      await fillValid(el);
      await submit(el);
      expect(field(el, 'accountId').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#f-accountId-error')!.textContent).to.equal('No customer account has this Account ID.');
      const summary = $(el, '[part~=error-summary]')!;
      expect(summary.textContent).to.contain('Robot check failed.');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect(field(el, 'email').value).to.equal('anna.virtanen@nordicbank.example');
    });

    it('429: explains the rate limit in minutes from Retry-After', async () => {
      const errors: number[] = [];
      const onError = (e: Event) => errors.push((e as CustomEvent).detail.status);
      document.addEventListener('es-error', onError);
      try {
        const el = await mountWith<El>('<es-account-request></es-account-request>', {
          api: fakeApi({ requestAccount: async () => { throw new ApiError({ kind: 'http', status: 429, operation: 'requestAccount', retryAfter: 600 }); } }),
        });
        await fillValid(el);
        await submit(el);
        const alert = $(el, '[part~=submit-error]')!;
        expect(alert.textContent).to.contain('Too many account requests have come from your network. Try again in 10 minutes');
        expect(el.shadowRoot!.activeElement).to.equal(alert);
        expect(errors).to.deep.equal([429]);
      } finally { document.removeEventListener('es-error', onError); }
    });

    it('429 with 60 s says one minute', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => { throw new ApiError({ kind: 'http', status: 429, operation: 'requestAccount', retryAfter: 45 }); } }),
      });
      await fillValid(el);
      await submit(el);
      expect($(el, '[part~=submit-error]')!.textContent).to.contain('Try again in 1 minute;');
    });

    it('network error: message, nothing typed lost, draft restored after re-mount, second try succeeds', async () => {
      let fail = true;
      const api = fakeApi({
        requestAccount: async () => {
          if (fail) throw new ApiError({ kind: 'network', operation: 'requestAccount' });
          return receipt();
        },
      });
      let el = await mountWith<El>('<es-account-request></es-account-request>', { api });
      await fillValid(el);
      await type(el, 'message', 'I manage our firewalls.');
      await submit(el);
      expect($(el, '[part~=submit-error]')!.textContent).to.contain('Nothing you typed is lost');
      expect(field(el, 'firstName').value).to.equal('Anna');
      expect(field(el, 'message').value).to.equal('I manage our firewalls.');
      cleanup();
      el = await mountWith<El>('<es-account-request></es-account-request>', { api });
      expect(field(el, 'firstName').value).to.equal('Anna');
      expect(field(el, 'lastName').value).to.equal('Virtanen');
      expect(field(el, 'email').value).to.equal('anna.virtanen@nordicbank.example');
      expect(field(el, 'accountId').value).to.equal('ACC-104233');
      expect(field(el, 'message').value).to.equal('I manage our firewalls.');
      fail = false;
      await submit(el);
      expect($(el, '[part~=success]')).to.exist;
    });

    it('no-draft keeps nothing in sessionStorage', async () => {
      const el = await mountWith<El>('<es-account-request no-draft></es-account-request>');
      await type(el, 'firstName', 'Anna');
      expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    });

    it('a cancelled es-error hides the built-in message', async () => {
      const stop = (e: Event) => e.preventDefault();
      document.addEventListener('es-error', stop);
      try {
        const el = await mountWith<El>('<es-account-request></es-account-request>', {
          api: fakeApi({ requestAccount: async () => { throw new ApiError({ kind: 'http', status: 500, operation: 'requestAccount' }); } }),
        });
        await fillValid(el);
        await submit(el);
        expect($(el, '[part~=submit-error]')).to.equal(null);
        expect(field(el, 'firstName').value).to.equal('Anna');
      } finally { document.removeEventListener('es-error', stop); }
    });
  });

  describe('localisation', () => {
    afterEach(() => setLocale('en'));
    it('renders Finnish labels, errors and the plural rate-limit text', async () => {
      const el = await mountWith<El>('<es-account-request></es-account-request>', {
        api: fakeApi({ requestAccount: async () => { throw new ApiError({ kind: 'http', status: 429, operation: 'requestAccount', retryAfter: 300 }); } }),
      });
      await setLocale('fi');
      await settle(el);
      expect($(el, 'label[for=f-firstName]')!.textContent).to.equal('Etunimi');
      await submit(el);
      expect($(el, '#f-accountId-error')!.textContent).to.equal('Kirjoita yrityksesi asiakastunnus.');
      await fillValid(el);
      await submit(el);
      expect($(el, '[part~=submit-error]')!.textContent).to.contain('Yritä uudelleen 5 minuutin kuluttua');
      expect($(el, '[part~=counter]')!.textContent).to.contain('/ 2');
    });
  });
});
