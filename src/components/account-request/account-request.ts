import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { errorMessage } from '../../base/status-views.js';
import { apiContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { Session } from '../../core/session-types.js';
import type { AccountRequestInput, AccountRequestReceipt } from '../../core/models.js';
import { ApiError, isAbort, isApiError } from '../../core/errors.js';
import { FIELD_LIMITS } from '../../core/limits.js';
import { currentLocale, formatNumber } from '../../core/format.js';
import { EsAccountRequestSubmitEvent } from '../../events/es-account-request-submit.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { accountRequestStyles } from './account-request.styles.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import {
  ACCOUNT_FIELDS, emptyValues, normaliseAccountId, toField, validateField,
  type AccountField, type AccountValues,
} from './validation.js';

type SubmitProblem =
  | { kind: 'rate-limited'; minutes: number | null }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

/**
 * A request for a portal user account: first name, last name, work email and the company's Account ID, with an
 * optional message. Works signed out (the API call is public).
 *
 * Validation runs when a field is left and on submit; errors show at the field (`aria-invalid`,
 * `aria-describedby`) and in an error summary that takes focus after a failed submit. The server's field errors
 * land on the same fields. Nothing typed is lost: a failed submit keeps the values, and a sessionStorage draft keeps
 * them across a reload until a request is accepted. On success the element shows what happens next.
 *
 * @summary Request a portal user account.
 *
 * @event es-account-request-submit - The request was accepted (detail: AccountRequestReceipt; `status` is
 *   `received` or `duplicate`).
 * @event es-error - Sending failed (not for field errors); cancel it to hide the built-in message.
 *
 * @csspart base - Wrapper.
 * @csspart heading - The heading (omitted when `heading` is empty).
 * @csspart intro - The text under the heading.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart error-summary-link - A link in the error summary (focuses its field).
 * @csspart field - Each field wrapper (also `field-first-name`, `field-last-name`, `field-email`, `field-account-id`, `field-message`).
 * @csspart label - Each label.
 * @csspart input - Each input and the textarea.
 * @csspart hint - Hint text under a label.
 * @csspart field-error - The error text of a field.
 * @csspart counter - Characters used in the message.
 * @csspart submit-error - Sending failed (rate limit, network, server).
 * @csspart submit-button - The send button.
 * @csspart success - What happens next, after the request was accepted.
 * @csspart success-heading - Heading of the success panel.
 * @csspart next-steps - The list of next steps.
 * @csspart reference - The request reference.
 *
 * @cssproperty --es-account-request-max-width - Largest inline size (default 40rem).
 * @cssproperty --es-account-request-gap - Space between fields.
 */
@localized()
export class EsAccountRequest extends EsElement {
  static override tagName = 'es-account-request';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${accountRequestStyles}`;

  /** Heading text; default "Request a portal account". An empty value hides the heading (when the host has its own). */
  @property() heading: string | undefined;

  /** Do not keep a draft in sessionStorage (e.g. on shared computers). */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  /** @internal */
  @consume({ context: apiContext, subscribe: true }) @state() api: SupportApi | undefined;
  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session: Session | undefined;

  @state() private values: AccountValues = emptyValues();
  @state() private errors: Partial<Record<AccountField, string>> = {};
  /** Errors the server gave for fields this form does not have. */
  @state() private otherErrors: string[] = [];
  @state() private showSummary = false;
  @state() private submitting = false;
  @state() private problem: SubmitProblem | null = null;
  @state() private receipt: AccountRequestReceipt | null = null;
  private submittedEmail = '';
  private serverErrors: Partial<Record<AccountField, { value: string; message: string }>> = {};
  private controller: AbortController | undefined;
  private restored = false;

  @query('[part~=error-summary]') private summaryEl!: HTMLElement | null;
  @query('[part~=submit-error]') private problemEl!: HTMLElement | null;
  @query('[part~=success-heading]') private successHeading!: HTMLElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.restored) {
      this.restored = true;
      const draft = this.noDraft ? null : loadDraft();
      if (draft) this.values = draft;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Signed in (e.g. a user whose portal access is still pending): start from what the session knows.
    if (changed.has('session') && this.session?.state.user && ACCOUNT_FIELDS.every((f) => !this.values[f])) {
      const u = this.session.state.user;
      const [first = '', ...rest] = (u.name ?? '').split(' ');
      this.values = { ...this.values, email: u.email ?? '', firstName: first, lastName: rest.join(' ') };
    }
  }

  /** The values as typed (read-only copy). */
  get formValues(): AccountValues {
    return { ...this.values };
  }

  /** Empties the form, the draft and any result (e.g. "send another request"). */
  reset(): void {
    this.values = emptyValues();
    this.errors = {};
    this.otherErrors = [];
    this.showSummary = false;
    this.problem = null;
    this.receipt = null;
    clearDraft();
  }

  private onInput(field: AccountField, e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.values = { ...this.values, [field]: value };
    if (!this.noDraft) saveDraft(this.values);
    // A shown error updates as the user fixes it; new errors wait for blur or submit.
    if (this.errors[field] || field === 'message') this.setError(field, validateField(field, value));
  }

  private onBlur(field: AccountField): void {
    if (field === 'accountId' && this.values.accountId) {
      const normalised = normaliseAccountId(this.values.accountId);
      if (normalised !== this.values.accountId) {
        this.values = { ...this.values, accountId: normalised };
        if (!this.noDraft) saveDraft(this.values);
      }
    }
    this.setError(field, validateField(field, this.values[field]));
  }

  private setError(field: AccountField, error: string | null): void {
    // A server error stays until the value it was about changes (the client cannot check e.g. an unknown Account ID).
    const server = this.serverErrors[field];
    if (!error && server && server.value === this.values[field]) error = server.message;
    if ((this.errors[field] ?? null) === error) return;
    const next = { ...this.errors };
    if (error) next[field] = error; else delete next[field];
    this.errors = next;
  }

  private async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.summaryEl?.focus();
  }

  private focusField(field: AccountField, e: Event): void {
    e.preventDefault(); // the href is for people and assistive technology; never touch the page's hash (es-portal routes)
    this.renderRoot.querySelector<HTMLElement>(`#f-${field}`)?.focus();
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.submitting) return;
    const values = { ...this.values, accountId: normaliseAccountId(this.values.accountId) };
    this.values = values;
    const errors: Partial<Record<AccountField, string>> = {};
    for (const f of ACCOUNT_FIELDS) {
      const error = validateField(f, values[f]);
      if (error) errors[f] = error;
    }
    this.errors = errors;
    this.otherErrors = [];
    this.problem = null;
    this.serverErrors = {};
    if (Object.keys(errors).length) {
      this.showSummary = true;
      await this.focusSummary();
      return;
    }
    this.showSummary = false;
    const input: AccountRequestInput = {
      firstName: values.firstName.trim(), lastName: values.lastName.trim(), email: values.email.trim(),
      accountId: values.accountId,
      ...(values.message.trim() ? { message: values.message.trim() } : {}),
    };
    this.submitting = true;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      if (!this.api) throw new ApiError({ kind: 'network', operation: 'requestAccount', detail: 'No support API configured (is the element inside es-provider?).' });
      const receipt = await this.api.requestAccount(input, { signal: controller.signal });
      this.submittedEmail = input.email;
      this.receipt = receipt;
      clearDraft();
      this.emit(new EsAccountRequestSubmitEvent(receipt));
      await this.updateComplete;
      this.successHeading?.focus();
    } catch (err) {
      if (isAbort(err)) return;
      await this.handleFailure(err);
    } finally {
      if (this.controller === controller) this.submitting = false;
    }
  }

  private async handleFailure(err: unknown): Promise<void> {
    if (isApiError(err) && err.fieldErrors.length) {
      const errors: Partial<Record<AccountField, string>> = {};
      const other: string[] = [];
      for (const fe of err.fieldErrors) {
        const field = toField(fe.field);
        if (field && !errors[field]) {
          errors[field] = fe.message;
          this.serverErrors[field] = { value: this.values[field], message: fe.message };
        } else if (!field) other.push(fe.message);
      }
      this.errors = errors;
      this.otherErrors = other;
      this.showSummary = true;
      await this.focusSummary();
      return;
    }
    const error = err instanceof Error ? err : new Error(String(err));
    const show = this.emit(new EsErrorEvent({ status: isApiError(err) ? err.status : 0, operation: 'requestAccount', error }));
    if (!show) return;
    if (isApiError(err) && err.status === 429) {
      this.problem = { kind: 'rate-limited', minutes: err.retryAfter != null ? Math.max(1, Math.ceil(err.retryAfter / 60)) : null };
    } else if (isApiError(err) && (err.kind === 'network' || err.kind === 'timeout')) {
      this.problem = { kind: 'network' };
    } else {
      this.problem = { kind: 'other', message: errorMessage(err) };
    }
    await this.updateComplete;
    this.problemEl?.focus();
  }

  // ------------------------------------------------------------------ templates

  private label(field: AccountField): string {
    switch (field) {
      case 'firstName': return msg('First name', { id: 'account-request.first-name' });
      case 'lastName': return msg('Last name', { id: 'account-request.last-name' });
      case 'email': return msg('Work email address', { id: 'account-request.email' });
      case 'accountId': return msg('Account ID', { id: 'account-request.account-id' });
      case 'message': return msg('Message', { id: 'account-request.message' });
    }
  }

  private renderField(field: AccountField, opts: {
    type?: string; autocomplete?: string; hint?: string | TemplateResult; optional?: boolean; partName: string;
    inputmode?: string; spellcheck?: boolean;
  }): TemplateResult {
    const id = `f-${field}`;
    const error = this.errors[field];
    const describedBy = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : '', field === 'message' ? `${id}-counter` : '']
      .filter(Boolean).join(' ');
    const common = {
      id, name: field, invalid: error ? 'true' : 'false', describedBy: describedBy || undefined,
    };
    const label = html`<label part="label" for=${id}>${this.label(field)}${opts.optional
      ? html` <span class="optional">${msg('(optional)', { id: 'account-request.optional' })}</span>` : nothing}</label>`;
    const hint = opts.hint ? html`<p part="hint" class="hint" id=${`${id}-hint`}>${opts.hint}</p>` : nothing;
    const errorEl = error ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${error}</p>` : nothing;
    const control = field === 'message'
      ? html`<textarea part="input" id=${common.id} name=${common.name} rows="4"
          aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing}
          .value=${this.values.message}
          @input=${(e: Event) => this.onInput(field, e)} @blur=${() => this.onBlur(field)}></textarea>`
      : html`<input part="input" id=${common.id} name=${common.name} type=${opts.type ?? 'text'}
          autocomplete=${opts.autocomplete ?? nothing} inputmode=${opts.inputmode ?? nothing}
          spellcheck=${opts.spellcheck === false ? 'false' : nothing}
          required aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing}
          .value=${this.values[field]}
          @input=${(e: Event) => this.onInput(field, e)} @blur=${() => this.onBlur(field)} />`;
    const length = this.values.message.length;
    const max = FIELD_LIMITS.accountRequestMessage.max;
    const counter = field === 'message'
      ? html`<span part="counter" class=${length > max ? 'counter over' : 'counter'} id=${`${id}-counter`}>${msg(str`${formatNumber(length)} of ${formatNumber(max)} characters`, { id: 'account-request.counter' })}</span>`
      : nothing;
    return html`<div part=${`field ${opts.partName}`} class="field">${label}${hint}${errorEl}${control}${counter}</div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const fields = ACCOUNT_FIELDS.filter((f) => this.errors[f]);
    if (!this.showSummary || (!fields.length && !this.otherErrors.length)) return nothing;
    return html`<div part="error-summary" class="alert alert-danger error-summary" role="alert" tabindex="-1"
        aria-labelledby="summary-heading">
      <h3 id="summary-heading">${msg('Please check these details:', { id: 'account-request.summary-heading' })}</h3>
      <ul>
        ${fields.map((f) => html`<li><a part="error-summary-link" href=${`#f-${f}`} @click=${(e: Event) => this.focusField(f, e)}>${this.errors[f]}</a></li>`)}
        ${this.otherErrors.map((m) => html`<li>${m}</li>`)}
      </ul>
    </div>`;
  }

  private renderProblem(): TemplateResult | typeof nothing {
    const p = this.problem;
    if (!p) return nothing;
    let text: string;
    if (p.kind === 'rate-limited') {
      if (p.minutes == null) {
        text = msg('Too many account requests have come from your network. Try again later; what you typed is kept here.', { id: 'account-request.rate-limited' });
      } else {
        const one = new Intl.PluralRules(currentLocale()).select(p.minutes) === 'one';
        text = one
          ? msg(str`Too many account requests have come from your network. Try again in ${p.minutes} minute; what you typed is kept here.`, { id: 'account-request.rate-limited-minutes.one' })
          : msg(str`Too many account requests have come from your network. Try again in ${p.minutes} minutes; what you typed is kept here.`, { id: 'account-request.rate-limited-minutes.other' });
      }
    } else if (p.kind === 'network') {
      text = msg('Your request could not be sent: the support service could not be reached. Nothing you typed is lost. Check your connection and send it again.', { id: 'account-request.network' });
    } else {
      text = msg(str`Your request could not be sent. ${p.message} Nothing you typed is lost; try sending it again.`, { id: 'account-request.failed' });
    }
    return html`<div part="submit-error" class="alert alert-danger submit-error" role="alert" tabindex="-1"><p>${text}</p></div>`;
  }

  private renderSuccess(receipt: AccountRequestReceipt): TemplateResult {
    const email = this.submittedEmail;
    const duplicate = receipt.status === 'duplicate';
    return html`<section part="success" class="alert alert-success success" aria-labelledby="success-heading">
      <h2 part="success-heading" id="success-heading" tabindex="-1">${duplicate
        ? msg('We already have your request', { id: 'account-request.duplicate-heading' })
        : msg('Thank you, your request has been received', { id: 'account-request.received-heading' })}</h2>
      ${duplicate
        ? html`<p>${msg(str`We already have an account request for ${email}, so there is no need to send another. We handle the one we have.`, { id: 'account-request.duplicate-text' })}</p>
          <ul part="next-steps" class="next-steps">
            <li>${msg('When your portal user is enabled you get a welcome email. It can take 4–5 business days from your first request.', { id: 'account-request.duplicate-welcome' })}</li>
            <li>${msg('If you are waiting for an email, look in your spam or junk folder too.', { id: 'account-request.step-spam' })}</li>
          </ul>`
        : html`<p>${msg('What happens next:', { id: 'account-request.next' })}</p>
          <ol part="next-steps" class="next-steps">
            <li>${msg('We check your request with your company.', { id: 'account-request.step-check' })}</li>
            ${receipt.hasBusinessAccount
              ? html`<li>${msg(str`You already have a Business Account for ${email}, so no activation email comes: keep using your current password.`, { id: 'account-request.step-existing-account' })}</li>`
              : html`<li>${msg(str`You get an activation email at ${email} with a link to set the password of your new Business Account. Your username is your email address.`, { id: 'account-request.step-activation' })}</li>`}
            <li>${msg('When your portal user is enabled you get a welcome email, and then you can sign in.', { id: 'account-request.step-welcome' })}</li>
            <li>${msg('All this can take 4–5 business days. If an email does not arrive, look in your spam or junk folder.', { id: 'account-request.step-time' })}</li>
          </ol>`}
      <p part="reference" class="reference">${msg(str`Reference: ${receipt.id}`, { id: 'account-request.reference' })}</p>
    </section>`;
  }

  protected override render(): TemplateResult {
    const heading = this.heading ?? msg('Request a portal account', { id: 'account-request.heading' });
    if (this.receipt) return html`<div part="base" class="base">${this.renderSuccess(this.receipt)}</div>`;
    return html`<div part="base" class="base">
      ${heading ? html`<h2 part="heading" id="heading">${heading}</h2>` : nothing}
      <p part="intro" class="intro">${msg('Ask for a portal user for your Business Account. Use your work email address: it will be your username.', { id: 'account-request.intro' })}</p>
      ${this.renderSummary()}
      ${this.renderProblem()}
      <form part="form" novalidate aria-labelledby=${heading ? 'heading' : nothing}
        aria-label=${heading ? nothing : msg('Request a portal account', { id: 'account-request.heading' })}
        @submit=${this.onSubmit}>
        <div class="names">
          ${this.renderField('firstName', { autocomplete: 'given-name', partName: 'field-first-name' })}
          ${this.renderField('lastName', { autocomplete: 'family-name', partName: 'field-last-name' })}
        </div>
        ${this.renderField('email', { type: 'email', autocomplete: 'email', partName: 'field-email', spellcheck: false })}
        ${this.renderField('accountId', {
          partName: 'field-account-id', autocomplete: 'off', spellcheck: false,
          hint: msg('ACC- followed by 6 digits, for example ACC-104233. It is on your company’s support contract; your company’s admin can also tell you.', { id: 'account-request.account-id-hint' }),
        })}
        ${this.renderField('message', {
          optional: true, partName: 'field-message',
          hint: msg('Anything that helps us, for example your role or the products you work with.', { id: 'account-request.message-hint' }),
        })}
        <div class="actions">
          <button part="submit-button" class="btn btn-primary" type="submit" ?disabled=${this.submitting}
            aria-busy=${this.submitting ? 'true' : 'false'}>
            ${this.submitting ? msg('Sending…', { id: 'account-request.sending' }) : msg('Send request', { id: 'account-request.submit' })}
          </button>
        </div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-account-request': EsAccountRequest;
  }
}
