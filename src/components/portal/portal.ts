import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { renderLoading } from '../../base/status-views.js';
import { sessionContext } from '../../core/context.js';
import type { Session } from '../../core/session-types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { SessionWatch } from '../../base/session-watch.js';
import { HashRouter, routeToHash, type Route, type RouteName, type RouteSource } from './hash-router.js';
import { portalStyles } from './portal.styles.js';

/** Routes that need a signed-in user. */
const PROTECTED: ReadonlySet<RouteName> = new Set(['cases', 'case', 'new']);

type NavItem = { route: Route; label: () => string; matches: RouteName[]; signedOutOnly?: boolean };

const NAV: NavItem[] = [
  { route: { name: 'cases' }, label: () => msg('Cases', { id: 'portal.nav-cases' }), matches: ['cases', 'case'] },
  { route: { name: 'new', subject: '' }, label: () => msg('New case', { id: 'portal.nav-new' }), matches: ['new'] },
  { route: { name: 'kb', query: '' }, label: () => msg('Knowledge base', { id: 'portal.nav-kb' }), matches: ['kb', 'article'] },
  { route: { name: 'contact' }, label: () => msg('Contact', { id: 'portal.nav-contact' }), matches: ['contact'] },
  { route: { name: 'documents' }, label: () => msg('Documents', { id: 'portal.nav-documents' }), matches: ['documents'] },
  {
    route: { name: 'request-account' }, label: () => msg('Request an account', { id: 'portal.nav-request-account' }),
    matches: ['request-account'], signedOutOnly: true,
  },
];

/**
 * Every element behind one tag: a header with a title and `es-login`, a navigation bar, and the view of the current
 * hash route. Use it inside `es-provider`, which holds the configuration:
 *
 * ```html
 * <es-provider api-url="…" authority="…" client-id="…"><es-portal></es-portal></es-provider>
 * ```
 *
 * Routes: `#/cases`, `#/cases/<id>`, `#/new` (`?subject=`), `#/kb` (`?q=`), `#/kb/<id>`, `#/contact`, `#/documents`,
 * `#/request-account`; an empty hash shows `#/cases` when signed in and `#/kb` when signed out. Back and forward
 * work. Signed-out visitors get the knowledge base, contact details, documents and the account request; the case
 * routes ask them to sign in and bring them back to the same route afterwards. On navigation the focus moves to the
 * new view's heading so screen readers announce it.
 *
 * es-portal renders the other elements by tag name only; with the CDN loader each element's code is loaded when its
 * view is first shown. With the npm build import `eservice-widgets/components/portal/define.js`, which defines
 * them all.
 *
 * @summary The whole support portal behind one tag, with hash routes.
 *
 * @slot title - The portal's title in the header (default "Support").
 *
 * @csspart base - Wrapper.
 * @csspart header - The header (title and sign-in).
 * @csspart title - The title.
 * @csspart login - The es-login element in the header.
 * @csspart nav - The navigation.
 * @csspart nav-list - The list of navigation links.
 * @csspart nav-link - A navigation link (also `nav-link-current` on the current one).
 * @csspart view - The current view.
 * @csspart view-heading - The current view's heading (takes focus on navigation).
 * @csspart signed-out - The sign-in prompt of the case routes.
 * @csspart sign-in-button - The prompt's sign-in button.
 * @csspart not-found - An unknown route.
 * @csspart loading - Waiting for the session.
 *
 * @cssproperty --es-portal-max-width - Largest inline size (default 72rem).
 * @cssproperty --es-portal-gap - Space in the header.
 * @cssproperty --es-portal-header-background - Header background.
 * @cssproperty --es-portal-nav-background - Navigation background.
 * @cssproperty --es-portal-nav-active - Colour of the current navigation link.
 */
@localized()
export class EsPortal extends EsElement {
  static override tagName = 'es-portal';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${portalStyles}`;

  /** Sign in in a popup instead of a full-page redirect (passed to es-login and the sign-in prompt). */
  @property({ type: Boolean, reflect: true }) popup = false;

  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session: Session | undefined;

  /** The route from the hash (before the home route is resolved). */
  @state() private route: Route = { name: 'home' };
  /** The session whose `ready` has resolved (a sign-in callback handled, a stored session restored). */
  @state() private readySession: Session | undefined;

  @query('#view-heading') private viewHeading!: HTMLElement | null;

  private readonly watch = new SessionWatch(this, () => this.session, () => this.router.refresh());
  private readonly router = new HashRouter((route, source) => this.onRoute(route, source));
  private focusOnUpdate = false;
  private skipFocusOnce = false;

  /** The route shown, with the home route resolved (`cases` signed in, `kb` signed out). */
  get currentRoute(): Route {
    if (this.route.name !== 'home') return this.route;
    return this.signedIn ? { name: 'cases' } : { name: 'kb', query: '' };
  }

  /** Goes to a route (adds a history entry). Accepts a route object or a hash such as `#/kb?q=vpn`. */
  navigate(target: Route | string, options: { replace?: boolean } = {}): void {
    this.router.navigate(target, options);
  }

  /** Without a session (no es-provider around) there is nothing to wait for: everything is signed out. */
  private get sessionReady(): boolean {
    return !this.session || this.readySession === this.session;
  }

  private get signedIn(): boolean {
    return this.watch.state.status === 'signed-in';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.router.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.router.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) {
      const session = this.session;
      void session?.ready.then(() => {
        if (this.session !== session) return;
        this.readySession = session;
        this.router.refresh();
      });
    }
  }

  protected override updated(): void {
    if (this.focusOnUpdate) {
      this.focusOnUpdate = false;
      this.viewHeading?.focus();
    }
  }

  private onRoute(route: Route, source: RouteSource): void {
    const before = this.route;
    this.route = route;
    if (source === 'start') return; // a page load: leave the focus where the browser puts it
    if (this.skipFocusOnce) {
      this.skipFocusOnce = false;
      // An article opened inside es-kb-search: mirrored into the URL, the search keeps its own focus.
      if (sameView(before, route)) return;
    }
    this.focusOnUpdate = true;
  }

  private signIn(): void {
    void this.session?.signIn({ popup: this.popup, returnTo: location.href }).catch(() => undefined);
  }

  // ------------------------------------------------------------------ child events

  private onCaseSelect(e: Event): void {
    const id = (e as CustomEvent<{ id?: string }>).detail?.id;
    if (!id) return;
    e.preventDefault(); // a row link would navigate too; one history entry is enough
    this.navigate({ name: 'case', id });
  }

  private onCaseSubmit(e: Event): void {
    const detail = (e as CustomEvent<{ case?: { id?: string }; id?: string }>).detail;
    const id = detail?.case?.id ?? detail?.id;
    if (id) this.navigate({ name: 'case', id });
  }

  private onKbOpenCase(e: Event): void {
    const query = (e as CustomEvent<{ query?: string }>).detail?.query ?? '';
    this.navigate({ name: 'new', subject: query.trim() });
  }

  private onKbArticleOpen(e: Event): void {
    const detail = (e as CustomEvent<{ id?: string; query?: string }>).detail;
    if (!detail?.id) return;
    this.skipFocusOnce = true;
    this.navigate({ name: 'article', id: detail.id, query: detail.query ?? '' });
  }

  private onKbArticleClose(e: Event): void {
    // "Back to results" inside es-kb-search: the URL follows (#/kb?q=...), so a reload does not reopen the article
    // that was left and the browser's Back returns to it. The search keeps its own focus.
    const query = (e as CustomEvent<{ query?: string }>).detail?.query ?? '';
    this.skipFocusOnce = true;
    this.navigate({ name: 'kb', query: query.trim() });
  }

  // ------------------------------------------------------------------ templates

  private viewTitle(route: Route): string {
    switch (route.name) {
      case 'cases': return msg('Your organisation’s cases', { id: 'portal.title-cases' });
      case 'case': return msg('Case details', { id: 'portal.title-case' });
      case 'new': return msg('Open a support case', { id: 'portal.title-new' });
      case 'kb':
      case 'article': return msg('Knowledge base', { id: 'portal.title-kb' });
      case 'contact': return msg('Contact support', { id: 'portal.title-contact' });
      case 'documents': return msg('Service documents', { id: 'portal.title-documents' });
      case 'request-account': return msg('Request a portal account', { id: 'portal.title-request-account' });
      case 'not-found': return msg('Page not found', { id: 'portal.title-not-found' });
      default: return msg('Support', { id: 'portal.title' });
    }
  }

  private renderNav(current: Route): TemplateResult {
    return html`<nav part="nav" class="nav" aria-label=${msg('Support portal', { id: 'portal.nav-label' })}>
      <ul part="nav-list">
        ${NAV.filter((item) => !item.signedOutOnly || !this.signedIn).map((item) => {
          const active = item.matches.includes(current.name);
          return html`<li><a part=${active ? 'nav-link nav-link-current' : 'nav-link'} href=${routeToHash(item.route)}
            aria-current=${active ? 'page' : nothing}>${item.label()}</a></li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderSignInPrompt(route: Route): TemplateResult {
    const status = this.watch.state.status;
    if (status === 'signing-in') return renderLoading(msg('Signing in…', { id: 'portal.signing-in' }), 2);
    return html`<div part="signed-out" class="prompt">
      <p>${route.name === 'new'
        ? msg('Sign in with your Business Account to open a support case. You come back to this page afterwards.', { id: 'portal.sign-in-new' })
        : msg('Sign in with your Business Account to see your organisation’s support cases. You come back to this page afterwards.', { id: 'portal.sign-in-cases' })}</p>
      <button part="sign-in-button" class="btn btn-primary" type="button" ?disabled=${!this.session}
        @click=${this.signIn}>${msg('Business Account Login', { id: 'portal.sign-in' })}</button>
      <p class="hint">${msg('Your username is your email address.', { id: 'portal.username-hint' })}</p>
      <div class="links">
        <a href="#/kb">${msg('Looking for an answer? Search the knowledge base', { id: 'portal.link-kb' })}</a>
        <a href="#/request-account">${msg('No portal account yet? Request one', { id: 'portal.link-request-account' })}</a>
      </div>
    </div>`;
  }

  private renderView(route: Route): TemplateResult {
    if (PROTECTED.has(route.name) && !this.signedIn) {
      if (!this.sessionReady) return renderLoading(undefined, 2);
      return this.renderSignInPrompt(route);
    }
    switch (route.name) {
      case 'cases': return html`<es-case-list href-template="#/cases/{id}"></es-case-list>`;
      case 'case': return html`<es-case-detail case-id=${route.id}></es-case-detail>`;
      case 'new': return html`<es-case-form initial-subject=${route.subject}></es-case-form>`;
      case 'kb':
      case 'article':
        // One template for both, so opening an article keeps the same es-kb-search (its results, its focus).
        return html`<es-kb-search .query=${route.query} article=${route.name === 'article' ? route.id : ''}></es-kb-search>`;
      case 'contact': return html`<es-contact-card heading-level="2"></es-contact-card>`;
      case 'documents': return html`<es-documents heading-level="2"></es-documents>`;
      case 'request-account': return html`<es-account-request heading=""></es-account-request>`;
      case 'not-found': return html`<div part="not-found">
        <p>${msg('There is no page at this address. It may have moved.', { id: 'portal.not-found' })}</p>
        <a href="#/">${msg('Go to the start page', { id: 'portal.go-home' })}</a>
      </div>`;
      default: return renderLoading(undefined, 2);
    }
  }

  protected override render(): TemplateResult {
    // Before the session is known, the home route waits rather than flashing the signed-out start page.
    const waitingForHome = this.route.name === 'home' && !this.sessionReady;
    const route = this.currentRoute;
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <p part="title" class="title"><slot name="title">${msg('Support', { id: 'portal.title' })}</slot></p>
        <es-login part="login" class="login" ?popup=${this.popup}></es-login>
      </div>
      ${this.renderNav(route)}
      <div part="view" class="view"
        @es-case-select=${this.onCaseSelect} @es-case-submit=${this.onCaseSubmit}
        @es-kb-open-case=${this.onKbOpenCase} @es-kb-article-open=${this.onKbArticleOpen}
        @es-kb-article-close=${this.onKbArticleClose}>
        <h2 part="view-heading" class="view-heading" id="view-heading" tabindex="-1">${this.viewTitle(route)}</h2>
        ${waitingForHome ? renderLoading(undefined, 2) : this.renderView(route)}
      </div>
    </div>`;
  }
}

/** Both routes show the same element (an article opened inside the knowledge base). */
function sameView(a: Route, b: Route): boolean {
  const kb = (r: Route) => r.name === 'kb' || r.name === 'article';
  return kb(a) && kb(b);
}

declare global {
  interface HTMLElementTagNameMap {
    'es-portal': EsPortal;
  }
}
