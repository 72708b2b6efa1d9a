import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { EsProvider } from '../../src/components/provider/define.js';
import { apiContext, configContext, sessionContext } from '../../src/core/context.js';
import type { SupportApi } from '../../src/core/api-types.js';
import type { EsConfig } from '../../src/core/config.types.js';
import type { Session, SessionState } from '../../src/core/session-types.js';
import { getLocale, setLocale } from '../../src/core/i18n.js';
import { EsAuthChangeEvent } from '../../src/events/es-auth-change.js';

/** A consumer like every es-* element: subscribes to the three contexts. */
class ContextProbe extends LitElement {
  @consume({ context: configContext, subscribe: true }) config?: EsConfig;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;
  @consume({ context: apiContext, subscribe: true }) api?: SupportApi;
}
customElements.define('es-test-probe', ContextProbe);

const API = 'http://localhost:4200/api/v1';

const mounted: HTMLElement[] = [];
/** Mounts static markup in a div (removed after each test). */
function mount(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  mounted.push(host);
  return host;
}

describe('es-provider', () => {
  afterEach(async () => { mounted.splice(0).forEach((m) => m.remove()); await setLocale('en'); });

  it('is accessible and renders its children in a slot', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API}><p>Inside</p></es-provider>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('provides config, session and api to a child, and exposes them to host scripts', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API} authority="http://localhost:4100" client-id="portal-a" resource=${API}><es-test-probe></es-test-probe></es-provider>`);
    const probe = el.querySelector('es-test-probe') as ContextProbe;
    expect(probe.config).to.include({ apiUrl: API, authority: 'http://localhost:4100', clientId: 'portal-a', scope: 'openid profile email' });
    expect(probe.session).to.equal(el.session);
    expect(probe.api).to.equal(el.api);
    expect(typeof el.api!.listCases).to.equal('function');
    await el.session!.ready;
    expect(el.session!.state.status).to.equal('signed-out');
  });

  it('provides to elements upgraded later (defined after the provider rendered)', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API}><es-late-probe></es-late-probe></es-provider>`);
    class LateProbe extends ContextProbe {}
    customElements.define('es-late-probe', LateProbe);
    const late = el.querySelector('es-late-probe') as LateProbe;
    expect(late.api).to.equal(el.api);
    expect(late.config?.apiUrl).to.equal(API);
    // …and to elements added later.
    const added = document.createElement('es-test-probe') as ContextProbe;
    el.append(added);
    expect(added.session).to.equal(el.session);
  });

  it('answers children whose code loaded before the provider (ContextRoot)', async () => {
    class EarlyProvider extends EsProvider {}
    // Plain DOM, not fixture(): fixture waits a frame for non-Lit roots, and frames stall in a background tab.
    const host = mount(`<es-early-provider api-url="${API}"><es-test-probe></es-test-probe></es-early-provider>`);
    const probe = host.querySelector('es-test-probe') as ContextProbe;
    expect(probe.api).to.equal(undefined);
    customElements.define('es-early-provider', EarlyProvider);
    const provider = host.querySelector('es-early-provider') as EarlyProvider;
    await waitUntil(() => probe.api !== undefined, 'the early child gets the api');
    expect(probe.api).to.equal(provider.api);
  });

  it('two providers with the same sign-in configuration share one session (one callback, one renewal)', async () => {
    const host = mount(`
      <es-provider api-url="${API}" authority="http://localhost:4100" client-id="portal-share" token-storage="memory"></es-provider>
      <es-provider api-url="http://localhost:4200/api/v2" authority="http://localhost:4100" client-id="portal-share" token-storage="memory" theme="dark"></es-provider>
      <es-provider api-url="${API}" authority="http://localhost:4100" client-id="portal-other" token-storage="memory"></es-provider>`);
    const [a, b, c] = [...host.querySelectorAll('es-provider')];
    expect(a.session).to.equal(b.session);
    expect(a.api).to.not.equal(b.api);
    expect(c.session).to.not.equal(a.session);
  });

  it('the config property works as an object alternative; attributes that are set win', async () => {
    const el = await fixture<EsProvider>(html`<es-provider .config=${{ apiUrl: 'http://other.example/api', locale: 'en' }} api-url=${API}><es-test-probe></es-test-probe></es-provider>`);
    const probe = el.querySelector('es-test-probe') as ContextProbe;
    expect(probe.config?.apiUrl).to.equal(API);
    el.config = { apiUrl: 'http://other.example/api', theme: 'dark' };
    await el.updateComplete;
    expect(probe.config?.theme).to.equal('dark');
  });

  it('shows an invalid configuration in place, naming the field, and logs it', async () => {
    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => { errors.push(a.join(' ')); };
    let el: EsProvider;
    try {
      el = await fixture<EsProvider>(html`<es-provider authority="http://localhost:4100"><es-test-probe></es-test-probe></es-provider>`);
    } finally { console.error = orig; }
    const alert = el.shadowRoot!.querySelector('[role=alert]');
    expect(alert).to.exist;
    expect(alert!.getAttribute('part')).to.equal('error');
    expect(alert!.textContent).to.contain('apiUrl').and.contain('api-url');
    expect(String(errors[0])).to.contain('apiUrl');
    await expect(el).to.be.accessible();
    expect((el.querySelector('es-test-probe') as ContextProbe).api).to.equal(undefined);

    el.apiUrl = API;
    el.clientId = 'portal-a';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect((el.querySelector('es-test-probe') as ContextProbe).api).to.equal(el.api);
  });

  it('names a bad token-storage, theme or locale', async () => {
    const orig = console.error;
    console.error = () => undefined;
    try {
      const el = await fixture<EsProvider>(html`<es-provider api-url=${API} token-storage="local"></es-provider>`);
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('tokenStorage');
      el.tokenStorage = 'memory';
      el.theme = 'neon' as never;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('theme');
    } finally { console.error = orig; }
  });

  it('applies the theme tokens on itself (light, dark) so children inherit them', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API}><p>x</p></es-provider>`);
    expect(el.dataset.esTheme).to.equal('light');
    const p = el.querySelector('p')!;
    const light = getComputedStyle(p).getPropertyValue('--es-color-surface').trim();
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.dataset.esTheme).to.equal('dark');
    const dark = getComputedStyle(p).getPropertyValue('--es-color-surface').trim();
    expect(light).to.not.equal('');
    expect(dark).to.not.equal(light);
    el.theme = 'auto';
    await el.updateComplete;
    expect(el.dataset.esTheme).to.equal(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  });

  it('paints its own surface in the dark theme, so light text never lands on the host page\'s light background', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API}><p>x</p></es-provider>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)', 'light: the host page shows through');
    el.theme = 'dark';
    await el.updateComplete;
    const surface = getComputedStyle(el).getPropertyValue('--es-color-surface').trim();
    const probe = document.createElement('div');
    probe.style.color = surface;
    document.body.append(probe);
    const surfaceRgb = getComputedStyle(probe).color;
    probe.remove();
    expect(getComputedStyle(el).backgroundColor).to.equal(surfaceRgb);
    expect(getComputedStyle(el.querySelector('p')!).color).to.not.equal(surfaceRgb);
    el.style.setProperty('--es-provider-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)', 'the host overrides it');
  });

  it('fires es-auth-change on every session change', async () => {
    // Without authority, signIn() reports "not configured": two changes, no network.
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API}></es-provider>`);
    const seen: SessionState[] = [];
    el.addEventListener(EsAuthChangeEvent.eventName, (e) => seen.push((e as EsAuthChangeEvent).detail));
    await el.session!.signIn();
    el.session!.clearError();
    expect(seen.map((s) => s.status)).to.deep.equal(['error', 'signed-out']);
    expect(seen[0].error?.code).to.equal('failed');
    expect(seen[0].error?.message).to.contain('authority');
  });

  it('switches the locale of the widgets when `locale` changes', async () => {
    const el = await fixture<EsProvider>(html`<es-provider api-url=${API} locale="fi"></es-provider>`);
    await waitUntil(() => getLocale() === 'fi', 'locale fi loaded');
    expect(el.getAttribute('lang')).to.equal('fi');
    const hostLang = await fixture<EsProvider>(html`<es-provider api-url=${API} locale="fi" lang="fi-FI"></es-provider>`);
    expect(hostLang.getAttribute('lang')).to.equal('fi-FI');
    el.locale = 'en';
    await el.updateComplete;
    await waitUntil(() => getLocale() === 'en', 'back to en');
    el.locale = 'fi';
    el.apiUrl = undefined;
    const orig = console.error;
    console.error = () => undefined;
    try { await el.updateComplete; } finally { console.error = orig; }
    // The configuration error is translated too.
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('Tukipalvelun') ?? false, 'Finnish error');
  });
});
