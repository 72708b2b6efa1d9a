import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { EsElement } from '../../base/es-element.js';
import { errorMessage, renderChecking, renderLoading } from '../../base/status-views.js';
import { apiContext, configContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { EsConfig } from '../../core/config.types.js';
import type { Session, SessionState } from '../../core/session-types.js';
import type { Me } from '../../core/models.js';
import { isAbort, isApiError } from '../../core/errors.js';
import { getLocale } from '../../core/i18n.js';
import { EsAuthChangeEvent } from '../../events/es-auth-change.js';
import { EsAccountRequestOpenEvent } from '../../events/es-account-request-open.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { loginStyles } from './login.styles.js';
import { SessionWatch } from '../../base/session-watch.js';

/** What the element shows; exposed as the read-only `view` property and reflected as the `view` attribute. */
export type LoginView =
  | 'no-session' | 'checking' | 'signed-out' | 'signing-in' | 'signed-in' | 'loading-account'
  | 'failed' | 'expired' | 'unreachable' | 'api-unreachable' | 'api-error' | 'no-access' | 'mismatch';

/** Read through a function so TypeScript does not keep a narrowing across an await. */
const currentStatus = (s: Session) => s.state.status;

const sameIdentity = (a: string | null | undefined, b: string | null | undefined) =>
  !a || !b || a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Sign-in with the company-wide Business Account, and the answers to every sign-in trouble where the user is stuck:
 * sign-in failed or cancelled, portal access not enabled yet, username that is not the email, and a provider or
 * API that cannot be reached.
 *
 * Use it inside `es-provider` (it consumes the session, api and config contexts).
 *
 * "Request an account": the `request-account` slot replaces the link; else `account-request-href` (or the
 * provider's `accountRequestUrl`) is the link target; else the link points at `#/request-account` (the es-portal
 * route) and clicking it dispatches a cancelable `es-account-request-open` event first — call `preventDefault()` to
 * open your own form instead.
 *
 * The element reflects the state it shows as a read-only `view` attribute (`checking`, `signed-out`, `signing-in`,
 * `signed-in`, `loading-account`, `failed`, `expired`, `unreachable`, `api-unreachable`, `api-error`, `no-access`,
 * `mismatch`), so a host can style around it: `es-login[view='no-access'] { … }`.
 *
 * `checking`: after a page load the session restores a stored sign-in before it knows whether anyone is signed in.
 * Until then the element shows a quiet busy state of one button's height instead of a sign-in button that would
 * jump away; "Checking your sign-in…" (`role="status"`) appears only when this takes longer than about 300 ms. If
 * the session cannot be restored, or it takes longer than 10 seconds, the signed-out view follows, so signing in
 * is always possible.
 *
 * @summary Business Account sign-in, signed-in identity and sign-in help.
 *
 * @slot request-account - Replaces the "Request an account" link (signed-out and no-access states).
 * @slot support-contact - Replaces the "Contact support" link in the help texts (default link to `#/contact`).
 *
 * @event es-auth-change - The session state this element sees changed (detail: SessionState).
 * @event es-account-request-open - The default "Request an account" link was chosen; cancelable.
 * @event es-error - The account details (`/me`) could not be loaded; cancel it to hide the built-in message.
 *
 * @csspart base - The wrapper of every state.
 * @csspart checking - Checking for a stored sign-in after a page load (view `checking`).
 * @csspart signed-out - Signed-out state.
 * @csspart sign-in-button - The "Business Account Login" button (also the retry button of sign-in trouble).
 * @csspart hint - "Your username is your email address".
 * @csspart links - The forgot-password and request-account links.
 * @csspart forgot-password-link - "Forgot your password?" (the provider's page, asked for in the widgets' language through `ui_locales`).
 * @csspart request-account-link - "Request an account" (default link).
 * @csspart signing-in - Busy state.
 * @csspart signed-in - Signed-in state.
 * @csspart user - Name, email and organisation.
 * @csspart user-name - The signed-in user's name.
 * @csspart user-email - The signed-in user's email.
 * @csspart organisation - The user's organisation.
 * @csspart sign-out-button - The sign-out button.
 * @csspart trouble - Every help panel (also `trouble-failed`, `trouble-expired`, `trouble-unreachable`,
 *   `trouble-no-access`, `trouble-mismatch`).
 * @csspart trouble-heading - Heading of a help panel.
 * @csspart tips - The list of things to try.
 * @csspart retry-button - Retry after an unreachable service.
 * @csspart actions - The buttons under a help panel.
 * @csspart details - The provider's own error text (sign-in failed).
 * @csspart dismiss-button - Dismisses a sign-in error.
 * @csspart support-contact-link - The default "Contact support" link.
 * @csspart loading - Loading the account details.
 * @csspart error - Any other error loading the account details.
 *
 * @cssproperty --es-login-gap - Space between the button, the hint and the links.
 * @cssproperty --es-login-max-width - Largest inline size of the element's content (default 40rem).
 * @cssproperty --es-login-trouble-background - Background of the help panels.
 * @cssproperty --es-login-trouble-border - Border colour of the help panels.
 */
@localized()
export class EsLogin extends EsElement {
  static override tagName = 'es-login';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${loginStyles}`;

  /** Sign in in a popup window instead of a full-page redirect. */
  @property({ type: Boolean, reflect: true }) popup = false;

  /** Where "Request an account" points (overrides the provider's `accountRequestUrl` and the `#/request-account` default). */
  @property({ attribute: 'account-request-href' }) accountRequestHref: string | undefined;

  /** Where the default "Contact support" link points (default `#/contact`, the es-portal route). */
  @property({ attribute: 'support-href' }) supportHref = '#/contact';

  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session: Session | undefined;
  /** @internal */
  @consume({ context: apiContext, subscribe: true }) @state() api: SupportApi | undefined;
  /** @internal */
  @consume({ context: configContext, subscribe: true }) @state() config: EsConfig | undefined;

  /** True from the click on the login button until the session moves (blocks a double click). */
  @state() private starting = false;
  @state() private signingOut = false;

  private readonly watch = new SessionWatch(this, () => this.session, (next) => this.onSessionChange(next));

  private readonly meTask = new Task(this, {
    task: async ([api, sub], { signal }): Promise<Me | null> => {
      if (!api || !sub) return null;
      try {
        return await api.me({ signal });
      } catch (e) {
        if (!isAbort(e)) {
          const error = e instanceof Error ? e : new Error(String(e));
          this.meErrorHidden = !this.emit(new EsErrorEvent({
            status: isApiError(e) ? e.status : 0, operation: 'me', error,
          }));
        }
        throw e;
      }
    },
    args: () => [this.api, this.watch.state.status === 'signed-in' ? (this.watch.state.user?.sub ?? 'unknown') : null] as const,
  });

  private meErrorHidden = false;

  /** The state the element is showing (read-only; for hosts that style around it and for tests). */
  get view(): LoginView {
    if (!this.watch.hasSession) return 'no-session';
    if (this.watch.checking) return 'checking';
    const s = this.watch.state;
    if (s.status === 'error' && s.error) {
      if (s.error.code === 'unreachable') return 'unreachable';
      if (s.error.code === 'expired') return 'expired';
      return 'failed';
    }
    if (s.status === 'signing-in' || (this.starting && s.status === 'signed-out')) return 'signing-in';
    if (s.status === 'signed-in') {
      if (s.user && !sameIdentity(s.user.username, s.user.email)) return 'mismatch';
      const me = this.meTask.value;
      if (this.meTask.status === TaskStatus.ERROR) {
        const e = this.meTask.error;
        return isApiError(e) && (e.kind === 'network' || e.kind === 'timeout') ? 'api-unreachable' : 'api-error';
      }
      if (this.meTask.status === TaskStatus.COMPLETE && me) {
        if (!sameIdentity(me.username, me.email)) return 'mismatch';
        if (me.portalAccess !== 'enabled') return 'no-access';
        return 'signed-in';
      }
      return 'loading-account';
    }
    return 'signed-out';
  }

  protected override updated(): void {
    // Reflect the state shown, so hosts can lay out around it (e.g. give a help panel the full width).
    const view = this.view;
    if (this.getAttribute('view') !== view) this.setAttribute('view', view);
  }

  private onSessionChange(next: SessionState): void {
    if (next.status !== 'signing-in') this.starting = false;
    if (next.status !== 'signed-in') this.signingOut = false;
    this.emit(new EsAuthChangeEvent(next));
  }

  private async signIn(): Promise<void> {
    const session = this.session;
    if (!session || this.starting || session.state.status === 'signing-in') return;
    this.starting = true;
    try {
      if (session.state.status === 'error') session.clearError();
      await session.signIn({ popup: this.popup });
    } catch {
      // The session reports the failure through its state (error); nothing else to do here.
    } finally {
      // A redirect leaves the page (the state stays signing-in); a popup ends in signed-in or error.
      if (currentStatus(session) !== 'signing-in') this.starting = false;
    }
  }

  private async signOut(): Promise<void> {
    if (!this.session || this.signingOut) return;
    this.signingOut = true;
    try {
      await this.session.signOut();
    } finally {
      this.signingOut = false;
    }
  }

  private dismiss(): void {
    this.session?.clearError();
  }

  private onRequestAccountClick(e: MouseEvent): void {
    if (!this.emit(new EsAccountRequestOpenEvent())) e.preventDefault();
  }

  // ------------------------------------------------------------------ templates

  /**
   * The provider's forgot-password page, asked for in the widgets' language (`ui_locales`, the OIDC name the demo
   * provider also honours on its own pages): the link leaves the sign-in flow, so no authorization request carries
   * the language there. Re-rendered on a locale switch (@localized).
   */
  private get forgotPasswordUrl(): string | null {
    const c = this.config;
    const base = c?.forgotPasswordUrl ?? (c?.authority ? `${c.authority.replace(/\/$/, '')}/password/forgot` : null);
    if (!base) return null;
    try {
      const url = new URL(base);
      url.searchParams.set('ui_locales', getLocale());
      return url.href;
    } catch {
      return base;
    }
  }

  private renderForgotLink(): TemplateResult | typeof nothing {
    const url = this.forgotPasswordUrl;
    return url
      ? html`<a part="forgot-password-link" href=${url}>${msg('Forgot your password?', { id: 'login.forgot-password' })}</a>`
      : nothing;
  }

  private renderRequestAccountLink(): TemplateResult {
    const href = this.accountRequestHref ?? this.config?.accountRequestUrl;
    const label = msg('Request an account', { id: 'login.request-account' });
    return html`<slot name="request-account">${href
      ? html`<a part="request-account-link" href=${href}>${label}</a>`
      : html`<a part="request-account-link" href="#/request-account" @click=${this.onRequestAccountClick}>${label}</a>`}</slot>`;
  }

  private renderSupportLink(): TemplateResult {
    return html`<slot name="support-contact"><a part="support-contact-link" href=${this.supportHref}>${msg('Contact support', { id: 'login.contact-support' })}</a></slot>`;
  }

  private renderSignInButton(label?: string): TemplateResult {
    const busy = this.view === 'signing-in';
    return html`<button part="sign-in-button" class="btn btn-primary" type="button"
      ?disabled=${busy || !this.session} aria-busy=${busy ? 'true' : 'false'} @click=${this.signIn}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${msg('Signing in…', { id: 'login.signing-in' })}`
        : (label ?? msg('Business Account Login', { id: 'login.sign-in' }))}
    </button>`;
  }

  private renderSignedOut(): TemplateResult {
    return html`<div part="signed-out" class="signed-out">
      ${this.renderSignInButton()}
      <p part="hint" class="hint" id="hint">${msg('Your username is your email address.', { id: 'login.username-hint' })}</p>
      <div part="links" class="links">${this.renderForgotLink()} ${this.renderRequestAccountLink()}</div>
    </div>`;
  }

  private renderSigningIn(): TemplateResult {
    return html`<div part="signing-in" class="signed-out">
      ${this.renderSignInButton()}
      <p class="hint" role="status">${this.popup
        ? msg('Finish signing in in the window that opened. If you do not see it, your browser may have blocked the popup.', { id: 'login.signing-in-popup' })
        : msg('Taking you to the Business Account sign-in…', { id: 'login.signing-in-redirect' })}</p>
    </div>`;
  }

  private renderUser(): TemplateResult {
    const user = this.watch.state.user;
    const me = this.meTask.value;
    const name = me?.name ?? user?.name ?? user?.email ?? '';
    const email = me?.email ?? user?.email ?? '';
    const org = me?.organisation;
    return html`<div part="signed-in" class="signed-in">
      <div class="row">
        <div part="user" class="user">
          <span class="visually-hidden">${msg('Signed in as', { id: 'login.signed-in-as' })}</span>
          <span part="user-name" class="user-name">${name}</span>
          ${email && email !== name ? html`<span part="user-email" class="user-email">${email}</span>` : nothing}
          ${org ? html`<span part="organisation" class="organisation">${org.name} (${org.accountId})</span>` : nothing}
        </div>
        <button part="sign-out-button" class="btn" type="button" ?disabled=${this.signingOut}
          aria-busy=${this.signingOut ? 'true' : 'false'} @click=${this.signOut}>
          ${this.signingOut ? msg('Signing out…', { id: 'login.signing-out' }) : msg('Sign out', { id: 'login.sign-out' })}
        </button>
      </div>
    </div>`;
  }

  private renderFailed(): TemplateResult {
    const error = this.watch.state.error;
    const code = error?.code;
    const title = code === 'cancelled'
      ? msg('Sign-in was cancelled', { id: 'login.cancelled-title' })
      : code === 'state-mismatch'
        ? msg('Sign-in could not be finished in this tab', { id: 'login.state-mismatch-title' })
        : msg('Sign-in did not work', { id: 'login.failed-title' });
    const intro = code === 'cancelled'
      ? msg('The sign-in window was closed or the sign-in was declined before it finished. If that was not you, one of these usually helps:', { id: 'login.cancelled-text' })
      : code === 'state-mismatch'
        ? msg('This happens when the Back button is used during sign-in, when sign-in was started in another tab, or when the page address switched between http and https. One of these usually helps:', { id: 'login.state-mismatch-text' })
        : msg('Something stopped the sign-in. One of these usually helps:', { id: 'login.failed-text' });
    const forgot = this.renderForgotLink();
    return html`<section part="trouble trouble-failed" class="trouble danger" role="alert" aria-labelledby="trouble-heading">
      <h2 part="trouble-heading" id="trouble-heading">${title}</h2>
      <p>${intro}</p>
      <ul part="tips">
        <li>${msg('Open this page in a private (incognito) window and sign in there. That rules out old cookies and browser extensions.', { id: 'login.tip-private' })}</li>
        <li>${msg('Try another browser, for example Edge, Chrome, Firefox or Safari.', { id: 'login.tip-browser' })}</li>
        <li>${msg('Check that you type your email address as the username.', { id: 'login.tip-username' })}</li>
        ${forgot !== nothing ? html`<li>${msg('Not sure about the password? Reset it:', { id: 'login.tip-password' })} ${forgot}</li>` : nothing}
      </ul>
      ${code === 'failed' && error?.message
        ? html`<p part="details" class="details">${msg(str`Details: ${error.message}`, { id: 'login.details' })}</p>` : nothing}
      <div part="actions" class="row">
        ${this.renderSignInButton(msg('Try again', { id: 'login.try-again' }))}
        <button part="dismiss-button" class="btn btn-link" type="button" @click=${this.dismiss}>${msg('Dismiss', { id: 'login.dismiss' })}</button>
      </div>
    </section>`;
  }

  private renderExpired(): TemplateResult {
    return html`<section part="trouble trouble-expired" class="trouble" role="alert" aria-labelledby="trouble-heading">
      <h2 part="trouble-heading" id="trouble-heading">${msg('Your session has ended', { id: 'login.expired-title' })}</h2>
      <p>${msg('For your security you were signed out after a while. Sign in again to continue where you were.', { id: 'login.expired-text' })}</p>
      ${this.renderSignInButton()}
    </section>`;
  }

  private renderUnreachable(api: boolean): TemplateResult {
    return html`<section part="trouble trouble-unreachable" class="trouble danger" role="alert" aria-labelledby="trouble-heading">
      <h2 part="trouble-heading" id="trouble-heading">${api
        ? msg('The support service cannot be reached', { id: 'login.api-unreachable-title' })
        : msg('The sign-in service cannot be reached', { id: 'login.unreachable-title' })}</h2>
      <p>${api
        ? msg('You are signed in, but your account details could not be loaded. Check your internet connection; if other sites work, the service may be down for a moment. Try again in a minute.', { id: 'login.api-unreachable-text' })
        : msg('The Business Account sign-in did not answer. Check your internet connection; if other sites work, the service may be down for a moment. Try again in a minute.', { id: 'login.unreachable-text' })}</p>
      <div part="actions" class="row">
        ${api
          ? html`<button part="retry-button" class="btn btn-primary" type="button" @click=${() => { void this.meTask.run(); }}>${msg('Try again', { id: 'login.try-again' })}</button>`
          : html`${this.renderSignInButton(msg('Try again', { id: 'login.try-again' }))}
            <button part="dismiss-button" class="btn btn-link" type="button" @click=${this.dismiss}>${msg('Dismiss', { id: 'login.dismiss' })}</button>`}
      </div>
    </section>`;
  }

  private renderNoAccess(): TemplateResult {
    const pending = this.meTask.value?.portalAccess === 'pending';
    return html`<section part="trouble trouble-no-access" class="trouble" role="alert" aria-labelledby="trouble-heading">
      <h2 part="trouble-heading" id="trouble-heading">${pending
        ? msg('Your portal account is not ready yet', { id: 'login.pending-title' })
        : msg('Your Business Account has no portal access yet', { id: 'login.none-title' })}</h2>
      <p>${pending
        ? msg('You signed in, but your portal user account may not have been created yet. After an account request it can take 4–5 business days before the portal user is enabled.', { id: 'login.pending-text' })
        : msg('You signed in with your Business Account, but it has no portal user yet. If you have requested one, it can take 4–5 business days after the request before it is enabled. If you have not, request an account.', { id: 'login.none-text' })}</p>
      <ul part="tips">
        <li>${msg('When your portal user is enabled we send you a welcome email. If it has not arrived, look in your spam or junk folder.', { id: 'login.tip-spam' })}</li>
        <li>${msg('Once the welcome email has arrived, sign out and sign in again.', { id: 'login.tip-sign-in-again' })}</li>
        <li>${pending
          ? msg('Not sure your request went through? Send it again — a second request for the same email is recognised, not duplicated:', { id: 'login.tip-request-again' })
          : msg('No request sent yet? Ask for a portal account:', { id: 'login.tip-request' })} ${this.renderRequestAccountLink()}</li>
        <li>${msg('Has it been longer than 5 business days? Call support — the phone numbers for your country are on the contact page:', { id: 'login.tip-call' })} ${this.renderSupportLink()}</li>
      </ul>
    </section>`;
  }

  private renderMismatch(): TemplateResult {
    const me = this.meTask.value;
    const user = this.watch.state.user;
    const username = (user && !sameIdentity(user.username, user.email) ? user.username : me?.username) ?? '';
    const email = (user && !sameIdentity(user.username, user.email) ? user.email : me?.email) ?? '';
    return html`<section part="trouble trouble-mismatch" class="trouble" role="alert" aria-labelledby="trouble-heading">
      <h2 part="trouble-heading" id="trouble-heading">${msg('Your username is not your email address', { id: 'login.mismatch-title' })}</h2>
      <p>${msg(str`You signed in with the username “${username}”. Your Business Account username must be your email address (${email}), otherwise the portal cannot match you to your organisation and its cases.`, { id: 'login.mismatch-text' })}</p>
      <p>${msg('To fix it:', { id: 'login.mismatch-fix' })}</p>
      <ol part="tips">
        <li>${msg('Open your Business Account profile and change the username to your email address.', { id: 'login.mismatch-step-profile' })}</li>
        <li>${msg('Sign out here, then sign in again with your email address as the username.', { id: 'login.mismatch-step-sign-in' })}</li>
      </ol>
      <p>${msg('Cannot change the username yourself? Call support and we change it for you:', { id: 'login.mismatch-call' })} ${this.renderSupportLink()}</p>
    </section>`;
  }

  private renderApiError(): TemplateResult | typeof nothing {
    if (this.meErrorHidden) return nothing;
    return html`<div part="error" class="alert alert-danger" role="alert">
      <p>${errorMessage(this.meTask.error)}</p>
      <button part="retry-button" class="btn" type="button" @click=${() => { void this.meTask.run(); }}>${msg('Try again', { id: 'login.try-again' })}</button>
    </div>`;
  }

  protected override render(): TemplateResult {
    const view = this.view;
    let body: TemplateResult | typeof nothing;
    switch (view) {
      case 'checking': body = renderChecking(this.watch); break;
      case 'no-session':
      case 'signed-out': body = this.renderSignedOut(); break;
      case 'signing-in': body = this.renderSigningIn(); break;
      case 'failed': body = this.renderFailed(); break;
      case 'expired': body = this.renderExpired(); break;
      case 'unreachable': body = this.renderUnreachable(false); break;
      case 'loading-account': body = html`${this.renderUser()}${renderLoading(msg('Loading your account…', { id: 'login.loading-account' }), 1)}`; break;
      case 'api-unreachable': body = html`${this.renderUser()}${this.meErrorHidden ? nothing : this.renderUnreachable(true)}`; break;
      case 'api-error': body = html`${this.renderUser()}${this.renderApiError()}`; break;
      case 'no-access': body = html`${this.renderUser()}${this.renderNoAccess()}`; break;
      case 'mismatch': body = html`${this.renderUser()}${this.renderMismatch()}`; break;
      default: body = this.renderUser();
    }
    return html`<div part="base" class="base" data-view=${view}>${body}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-login': EsLogin;
  }
}
