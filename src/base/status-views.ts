import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isApiError } from '../core/errors.js';
import type { SessionWatch } from './session-watch.js';

/**
 * The four states every data-driven element shows. Shared so the wording, roles and parts are the same
 * everywhere. Callers decorate their class with `@localized()`, so these re-render on a locale switch.
 */

/** Busy state: `rows` skeleton lines inside a `role="status"` region announced once. */
export function renderLoading(label?: string, rows = 3): TemplateResult {
  return html`<div part="loading" class="state" role="status" aria-live="polite">
    <span class="visually-hidden">${label ?? msg('Loading…', { id: 'common.loading' })}</span>
    ${Array.from({ length: rows }, () => html`<span class="skeleton" aria-hidden="true"></span><br aria-hidden="true" />`)}
  </div>`;
}

/** Nothing to show. `action` is an optional button or link template. */
export function renderEmpty(text: string, action?: TemplateResult): TemplateResult {
  return html`<div part="empty" class="state"><p>${text}</p>${action ?? nothing}</div>`;
}

/** A person-readable message for any error (ApiError messages are already written for people). */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.kind === 'network') return msg('The support service could not be reached. Check your connection and try again.', { id: 'common.error-network' });
    if (error.kind === 'timeout') return msg('The support service took too long to answer. Try again in a moment.', { id: 'common.error-timeout' });
    if (error.status === 401) return msg('Your session has ended. Sign in again.', { id: 'common.error-401' });
    if (error.status === 403) return msg('You do not have access to this.', { id: 'common.error-403' });
    if (error.status === 404) return msg('This was not found. It may have been removed, or it belongs to another organisation.', { id: 'common.error-404' });
    if (error.status === 429) return msg('Too many requests. Wait a moment and try again.', { id: 'common.error-429' });
    if (error.status >= 500) return msg('The support service had a problem. Try again in a moment.', { id: 'common.error-5xx' });
    return error.detail ?? error.title;
  }
  return msg('Something went wrong. Try again.', { id: 'common.error-unknown' });
}

/** Error state with `role="alert"` and a retry button (omitted when `retry` is not given). */
export function renderError(error: unknown, retry?: () => void): TemplateResult {
  return html`<div part="error" class="alert alert-danger" role="alert">
    <p>${errorMessage(error)}</p>
    ${retry ? html`<button part="retry-button" class="btn" type="button" @click=${retry}>${msg('Try again', { id: 'common.retry' })}</button>` : nothing}
  </div>`;
}

/** Shown by elements that need a signed-in user. */
export function renderSignedOut(signIn: () => void, text?: string): TemplateResult {
  return html`<div part="signed-out" class="state">
    <p>${text ?? msg('Sign in with your Business Account to see this.', { id: 'common.signed-out' })}</p>
    <button part="sign-in-button" class="btn btn-primary" type="button" @click=${signIn}>${msg('Sign in', { id: 'common.sign-in' })}</button>
  </div>`;
}

/**
 * While the session may still be restoring a stored sign-in (`watch.checking`): a calm busy state in place of a
 * sign-in prompt that would jump away a moment later. The `role="status"` region is there from the first render
 * and keeps its line (a no-break space); the text replaces it only once `watch.slow`, so a fast restore shows
 * nothing and a slow one is announced once.
 */
export function renderChecking(watch: SessionWatch): TemplateResult {
  return html`<div part="checking" class="state checking" role="status" aria-live="polite">
    <p>${watch.slow ? msg('Checking your sign-in…', { id: 'common.checking-sign-in' }) : '\u00a0'}</p>
  </div>`;
}

/**
 * What an element that needs a signed-in user shows instead of its content: the checking state until the session
 * is known, a busy state while signing in, the sign-in prompt with `text` when signed out; null when signed in
 * (render the content).
 */
export function renderSessionGate(watch: SessionWatch, text: string): TemplateResult | null {
  const status = watch.state.status;
  if (watch.checking) return renderChecking(watch);
  if (status === 'signing-in') return renderLoading();
  if (status !== 'signed-in') return renderSignedOut(() => watch.signIn(), text);
  return null;
}
