// es-portal inside the REAL es-provider (no fakes): config, session and api reach es-login and es-account-request
// through the portal's shadow root, and the session is the provider's (signed out without sign-in settings).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/provider/define.js';
import '../../src/components/login/define.js';
import '../../src/components/account-request/define.js';
import { EsPortal } from '../../src/components/portal/portal.js';
import type { EsProvider } from '../../src/components/provider/provider.js';

EsPortal.define();

async function settle(el: Element & { updateComplete?: Promise<unknown> }) {
  for (let i = 0; i < 6; i++) { await el.updateComplete; await new Promise((r) => setTimeout(r, 0)); }
}
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

describe('es-portal inside es-provider', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  it('is accessible and gets config, session and api through the nested shadow roots', async () => {
    const provider = await fixture<EsProvider>(html`<es-provider api-url="http://localhost:4200/api/v1"><es-portal></es-portal></es-provider>`);
    const portal = provider.querySelector('es-portal')!;
    await settle(portal);
    await expect(portal).to.be.accessible();
    const login = portal.shadowRoot!.querySelector('es-login')!;
    await settle(login);
    expect(login.view).to.equal('signed-out');
    expect(login.shadowRoot!.querySelector('[part~=sign-in-button]')).to.exist;
    // No sign-in settings: signed out, so the start page is the knowledge base.
    expect(portal.currentRoute.name).to.equal('kb');

    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    location.hash = '#/request-account';
    await changed;
    await settle(portal);
    const form = portal.shadowRoot!.querySelector('es-account-request')!;
    await settle(form);
    expect((form as unknown as { api?: { requestAccount?: unknown } }).api?.requestAccount).to.be.a('function');
    expect(portal.shadowRoot!.activeElement).to.equal(portal.shadowRoot!.querySelector('#view-heading'));
  });
});
