import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { errorMessage, renderSessionGate } from '../../base/status-views.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { apiContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { Session } from '../../core/session-types.js';
import {
  SEVERITIES, type Attachment, type KbSearchHit, type NewCase, type Product, type Severity, type SupportCase,
} from '../../core/models.js';
import { isAbort, isApiError, type ApiError } from '../../core/errors.js';
import { FIELD_LIMITS } from '../../core/limits.js';
import { clearDraft, debounce, draftStorageKey, loadDraft, saveDraft } from '../../core/drafts.js';
import { newIdempotencyKey } from '../../core/idempotency.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { EsCaseSubmitEvent } from '../../events/es-case-submit.js';
import { EsCaseDeflectEvent } from '../../events/es-case-deflect.js';
import { EsKbArticleOpenEvent } from '../../events/es-kb-article-open.js';
import { SessionWatch } from '../../base/session-watch.js';
import { severityHint, severityLabel } from '../shared-case/labels.js';
import { uploaderStyles } from '../shared-case/shared-case.styles.js';
import { AttachmentUploader, renderUploader } from '../shared-case/uploader.js';
import { caseFormStyles } from './case-form.styles.js';

type Field = 'subject' | 'description' | 'productId' | 'severity' | 'contactPhone' | 'attachmentIds';
const FIELDS: Field[] = ['subject', 'description', 'productId', 'severity', 'contactPhone', 'attachmentIds'];

/** The stored draft of a new case (sessionStorage, see core/drafts.ts). */
export interface CaseDraft {
  subject: string;
  description: string;
  productId: string;
  severity: Severity | '';
  contactPhone: string;
  attachments: Attachment[];
  /** Idempotency-Key of this draft: made when the draft starts, sent with every retry, replaced after success. */
  idempotencyKey: string;
  /**
   * Bodies already sent with this key (a submit whose answer was lost may have created the case). When the user
   * edits after such a failure, the server refuses the new body for the old key (422); the form then replays the
   * earlier body to get the case that was created.
   */
  sent?: NewCase[];
}

/**
 * The new-case form: subject, description, product, severity, contact phone and attachments, with KB suggestions
 * while the user types. Everything typed is kept as a draft (per user and `draft-key`) and survives a reload, the
 * sign-in redirect and a failed submit; one Idempotency-Key per draft makes a retried submit safe.
 *
 * @summary Submit a support case without losing a keystroke.
 *
 * @event es-case-submit - The case was created. Detail `{ case }` (the created SupportCase).
 * @event es-case-deflect - "This solved my problem" on a suggested article. Detail `{ articleId, query }`.
 * @event es-kb-article-open - A suggested article was opened. Detail `{ id, query }`.
 * @event es-error - Loading products or submitting failed. Cancel it to hide the built-in message.
 *
 * @csspart form - The form.
 * @csspart error-summary - The error summary (focused after a failed submit).
 * @csspart submit-error - "Your case was not sent" message with a retry.
 * @csspart subject-input - Subject field.
 * @csspart description-input - Description field.
 * @csspart product-select - Product select.
 * @csspart severity-group - Severity radio group.
 * @csspart phone-input - Contact phone field.
 * @csspart attachments - Attachment box (also `drop-zone`, `add-files-button`, `file-list`, `file`, `progress`).
 * @csspart suggestions - KB suggestions.
 * @csspart suggestion - One suggestion.
 * @csspart solved-button - "This solved my problem".
 * @csspart submit-button - Submits the case.
 * @csspart success - Success state with the case number and link.
 * @csspart case-link - Link to the created case.
 * @csspart created-earlier - Note in the success state: the case was created from an earlier version of the text.
 * @csspart deflected - Thank-you state after "This solved my problem".
 * @csspart signed-out - Shown when nobody is signed in.
 *
 * @cssproperty --es-case-form-max-width - Maximum width of the form. Default 48rem.
 */
@localized()
export class EsCaseForm extends EsElement {
  static override tagName = 'es-case-form';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${uploaderStyles} ${caseFormStyles}`;

  /** Separates drafts of several forms on one page (the draft is also per signed-in user). */
  @property({ attribute: 'draft-key' }) draftKey = 'default';
  /** Subject to start with when there is no draft (e.g. the KB query from "Still need help? Open a case"). */
  @property({ attribute: 'initial-subject' }) initialSubject = '';
  /** Link to a created case; `{id}` and `{number}` are replaced. */
  @property({ attribute: 'case-href-template' }) caseHrefTemplate = '#/cases/{id}';
  /** Turns off KB suggestions. */
  @property({ type: Boolean, attribute: 'no-suggestions' }) noSuggestions = false;

  /** @internal */
  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;
  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session?: Session;

  @state() private _subject = '';
  @state() private _description = '';
  @state() private _productId = '';
  @state() private _severity: Severity | '' = '';
  @state() private _phone = '';
  @state() private _errors: Partial<Record<Field, string>> = {};
  @state() private _summaryShown = false;
  @state() private _submitting = false;
  @state() private _submitError: string | null = null;
  @state() private _created: SupportCase | null = null;
  @state() private _deflected: { articleId: string; query: string } | null = null;
  @state() private _suggestions: KbSearchHit[] = [];
  @state() private _restored = false;
  /** The case was created from an earlier version of the text (a lost answer, then edits): say so. */
  @state() private _createdFromEarlier = false;

  private _sessionWatch = new SessionWatch(this, () => this.session);
  private _uploader = new AttachmentUploader(this, () => this.api, () => this._saveNow());
  private _idempotencyKey: string | null = null;
  /** Bodies sent with the current key (see CaseDraft.sent). */
  private _sent: NewCase[] = [];
  /** Storage key the fields currently belong to (loaded from); null until a user is known. */
  private _loadedFor: string | null = null;
  private _kbAbort: AbortController | null = null;
  private _kbQuery = '';
  private _saveDebounced = debounce(() => this._saveNow(), 300);
  private _kbDebounced = debounce(() => void this._searchKb(), 500);

  private _products = new Task(this, {
    task: async ([api], { signal }) => (api ? api.listProducts({ signal }) : initialState),
    args: () => [this.api] as const,
    onError: (e) => { if (!isAbort(e)) this._emitError(e, 'listProducts'); },
  });

  /** Idempotency-Key of the current draft (null before the draft starts). For tests and diagnostics. */
  get idempotencyKey(): string | null {
    return this._idempotencyKey;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Load the draft when the user (or the draft key) becomes known, e.g. after the sign-in redirect.
    const key = this._storageKey();
    if (key !== this._loadedFor && this._sessionWatch.signedIn) {
      this._saveDebounced.flush();
      this._loadDraft(key);
    }
    if (changed.has('initialSubject') && this.initialSubject && !this._subject && !this._created) {
      this._subject = this.initialSubject.slice(0, FIELD_LIMITS.subject.max);
      this._kbDebounced();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._saveDebounced.flush();
    this._kbDebounced.cancel();
    this._kbAbort?.abort();
  }

  private _storageKey(): string {
    return draftStorageKey('case-form', this._sessionWatch.userSub, this.draftKey);
  }

  private _loadDraft(key: string): void {
    this._loadedFor = key;
    const d = loadDraft<CaseDraft>(key);
    this._uploader.reset();
    if (!d) {
      this._subject = this.initialSubject.slice(0, FIELD_LIMITS.subject.max);
      if (this._subject) this._kbDebounced();
      this._description = '';
      this._productId = '';
      this._severity = '';
      this._phone = '';
      this._idempotencyKey = null;
      this._sent = [];
      this._restored = false;
      return;
    }
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    this._subject = s(d.subject) || this.initialSubject;
    this._description = s(d.description);
    this._productId = s(d.productId);
    this._severity = (SEVERITIES as readonly string[]).includes(d.severity) ? d.severity : '';
    this._phone = s(d.contactPhone);
    this._idempotencyKey = s(d.idempotencyKey) || null;
    this._sent = this._idempotencyKey && Array.isArray(d.sent) ? d.sent.filter((x) => x && typeof x === 'object').slice(-5) : [];
    if (Array.isArray(d.attachments)) this._uploader.restore(d.attachments);
    this._restored = !!(this._subject || this._description);
    this._kbDebounced();
  }

  private get _hasContent(): boolean {
    return !!(this._subject || this._description || this._productId || this._severity || this._phone || this._uploader.attachments.length);
  }

  private _saveNow(): void {
    if (!this._sessionWatch.signedIn || this._created) return;
    const key = this._storageKey();
    // Everything deleted: the stored draft goes too (a reload must not bring back text the user removed).
    if (!this._hasContent) { clearDraft(key); return; }
    // The key is created when the draft starts, and belongs to it until the case is created.
    this._idempotencyKey ??= newIdempotencyKey();
    saveDraft<CaseDraft>(key, {
      subject: this._subject, description: this._description, productId: this._productId, severity: this._severity,
      contactPhone: this._phone, attachments: this._uploader.attachments, idempotencyKey: this._idempotencyKey,
      ...(this._sent.length ? { sent: this._sent } : {}),
    });
  }

  private _emitError(e: unknown, operation: string): boolean {
    return this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation, error: e as ApiError | Error }));
  }

  // ------------------------------------------------------------------ input

  private _onInput(field: Field, value: string): void {
    switch (field) {
      case 'subject': this._subject = value; break;
      case 'description': this._description = value; break;
      case 'productId': this._productId = value; break;
      case 'severity': this._severity = value as Severity; break;
      case 'contactPhone': this._phone = value; break;
      default: break;
    }
    if (this._errors[field]) {
      const { [field]: _drop, ...rest } = this._errors;
      this._errors = rest;
    }
    this._idempotencyKey ??= newIdempotencyKey();
    this._saveDebounced();
    if (field === 'subject' || field === 'description') this._kbDebounced();
  }

  // ------------------------------------------------------------------ KB suggestions

  private _kbText(): string {
    const text = `${this._subject} ${this._description.slice(0, 150)}`.replace(/\s+/g, ' ').trim();
    return text.slice(0, FIELD_LIMITS.kbQuery.max);
  }

  private async _searchKb(): Promise<void> {
    const api = this.api;
    const q = this._kbText();
    if (this.noSuggestions || !api || q.length < Math.max(3, FIELD_LIMITS.kbQuery.min)) {
      this._kbAbort?.abort();
      this._suggestions = [];
      return;
    }
    if (q === this._kbQuery) return;
    this._kbAbort?.abort();
    const abort = new AbortController();
    this._kbAbort = abort;
    try {
      const page = await api.searchKb({ q, limit: 5 }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this._kbQuery = q;
      this._suggestions = page.items.slice(0, 5);
    } catch {
      // Suggestions are a help, not a requirement: failures are silent.
      if (!abort.signal.aborted) this._suggestions = [];
    }
  }

  private _openArticle(id: string): void {
    this.emit(new EsKbArticleOpenEvent({ id, query: this._kbQuery }));
  }

  private _solved(articleId: string): void {
    const query = this._kbQuery || this._kbText();
    this._deflected = { articleId, query };
    // The problem is solved: the stored draft goes (the fields stay in memory for "I still need help").
    clearDraft(this._storageKey());
    this._saveDebounced.cancel();
    this.emit(new EsCaseDeflectEvent({ articleId, query }));
    void this.updateComplete.then(() => (this.renderRoot.querySelector('[part="deflected"] h2') as HTMLElement | null)?.focus());
  }

  // ------------------------------------------------------------------ submit

  private _validate(): Partial<Record<Field, string>> {
    const e: Partial<Record<Field, string>> = {};
    const L = FIELD_LIMITS;
    const subject = this._subject.trim();
    const description = this._description.trim();
    if (!subject) e.subject = msg('Enter a subject.', { id: 'case-form.subject-required' });
    else if (subject.length < L.subject.min) { const n = L.subject.min; e.subject = msg(str`The subject needs at least ${n} characters.`, { id: 'case-form.subject-short' }); }
    else if (subject.length > L.subject.max) { const n = L.subject.max; e.subject = msg(str`The subject can be at most ${n} characters.`, { id: 'case-form.subject-long' }); }
    if (!description) e.description = msg('Describe the problem.', { id: 'case-form.description-required' });
    else if (description.length < L.description.min) { const n = L.description.min; e.description = msg(str`The description needs at least ${n} characters.`, { id: 'case-form.description-short' }); }
    else if (description.length > L.description.max) { const n = L.description.max; e.description = msg(str`The description can be at most ${n} characters.`, { id: 'case-form.description-long' }); }
    if (!this._productId) e.productId = msg('Choose a product.', { id: 'case-form.product-required' });
    if (!this._severity) e.severity = msg('Choose a severity.', { id: 'case-form.severity-required' });
    if (this._phone.length > L.contactPhone.max) { const n = L.contactPhone.max; e.contactPhone = msg(str`The phone number can be at most ${n} characters.`, { id: 'case-form.phone-long' }); }
    else if (this._phone.trim() && !/^[+()\d\s./-]{4,}$/.test(this._phone.trim())) e.contactPhone = msg('Enter a phone number with digits, spaces and an optional leading +.', { id: 'case-form.phone-format' });
    if (this._uploader.hasFailed) e.attachmentIds = msg('An attachment did not upload. Retry it or remove it.', { id: 'case-form.attachment-failed' });
    return e;
  }

  private async _showSummary(): Promise<void> {
    this._summaryShown = true;
    await this.updateComplete;
    (this.renderRoot.querySelector('[part="error-summary"]') as HTMLElement | null)?.focus();
  }

  /** Submits the form (same as pressing the submit button). */
  async submit(): Promise<void> {
    const api = this.api;
    if (!api || this._submitting || this._uploader.busy || !this._sessionWatch.signedIn) return;
    this._submitError = null;
    const errors = this._validate();
    this._errors = errors;
    if (Object.keys(errors).length) { await this._showSummary(); return; }
    this._summaryShown = false;
    this._idempotencyKey ??= newIdempotencyKey();
    const idempotencyKey = this._idempotencyKey;
    const input: NewCase = {
      subject: this._subject.trim(), description: this._description.trim(), productId: this._productId,
      severity: this._severity as Severity, attachmentIds: this._uploader.attachmentIds,
    };
    if (this._phone.trim()) input.contactPhone = this._phone.trim();
    const same = (a: NewCase, b: NewCase) => JSON.stringify(a) === JSON.stringify(b);
    const earlier = this._sent.filter((x) => !same(x, input));
    if (!this._sent.some((x) => same(x, input))) this._sent = [...this._sent, input].slice(-5);
    this._saveDebounced.cancel();
    this._saveNow(); // the draft (and its key, and what is sent with it) is stored BEFORE the request goes out
    this._submitting = true;
    try {
      let created: SupportCase;
      let fromEarlier = false;
      try {
        created = await api.createCase(input, { idempotencyKey });
      } catch (e) {
        // 422 "key reused with another body": an earlier submit with this key (whose answer was lost) created the
        // case, and the text was edited since. Sending that earlier body again returns the case that exists.
        if (!(isApiError(e) && e.status === 422 && /idempotency-key-reused/.test(e.type ?? '') && earlier.length)) throw e;
        let found: SupportCase | null = null;
        for (const body of earlier.reverse()) {
          try { found = await api.createCase(body, { idempotencyKey }); break; } catch { /* not this one */ }
        }
        if (!found) throw e;
        created = found;
        fromEarlier = true;
        // What was added since waits in the case's comment box (es-case-detail restores it), so it is not lost
        // when the host moves on to the case at once (es-portal does).
        const linked = new Set(created.attachments.map((a) => a.id));
        const sub = this._sessionWatch.userSub;
        saveDraft(draftStorageKey('case-comment', sub, created.id), {
          body: this._description, idempotencyKey: newIdempotencyKey(),
          attachments: this._uploader.attachments.filter((a) => !linked.has(a.id)),
        });
      }
      clearDraft(this._storageKey());
      this._idempotencyKey = null; // a new draft gets a new key
      this._sent = [];
      this._createdFromEarlier = fromEarlier;
      this._created = created;
      this._uploader.reset();
      this.emit(new EsCaseSubmitEvent({ case: created }));
      await this.updateComplete;
      (this.renderRoot.querySelector('[part="success"] h2') as HTMLElement | null)?.focus();
    } catch (e) {
      if (isAbort(e)) return;
      const show = this._emitError(e, 'createCase');
      if (isApiError(e) && e.fieldErrors.length) {
        const mapped: Partial<Record<Field, string>> = {};
        const general: string[] = [];
        for (const fe of e.fieldErrors) {
          const f = fe.field.replace(/^\/?(body\.)?/, '').split(/[./[]/)[0] as Field;
          if (FIELDS.includes(f)) mapped[f] ??= fe.message; else general.push(fe.message);
        }
        this._errors = mapped;
        if (general.length) this._submitError = general.join(' ');
        if (Object.keys(mapped).length) { await this._showSummary(); return; }
      }
      if (!show) return;
      if (!isApiError(e) || e.retryable || e.kind === 'invalid-response') {
        this._submitError = msg('Your case was not sent. Nothing you typed is lost. Try again.', { id: 'case-form.not-sent' });
      } else {
        this._submitError ??= `${msg('Your case was not sent.', { id: 'case-form.not-sent-short' })} ${errorMessage(e)}`;
      }
      await this.updateComplete;
      (this.renderRoot.querySelector('[part="submit-error"]') as HTMLElement | null)?.focus();
    } finally {
      this._submitting = false;
    }
  }

  /** Back to an empty form after a success (a new draft with a new Idempotency-Key starts on the first input). */
  reset(): void {
    this._created = null;
    this._createdFromEarlier = false;
    this._deflected = null;
    this._loadedFor = null;
    this._errors = {};
    this._summaryShown = false;
    this._submitError = null;
    this._suggestions = [];
    this._kbQuery = '';
    this.requestUpdate();
  }

  private _caseHref(c: SupportCase): string {
    return this.caseHrefTemplate.replaceAll('{id}', encodeURIComponent(c.id)).replaceAll('{number}', encodeURIComponent(c.number));
  }

  // ------------------------------------------------------------------ render

  override render() {
    const gate = renderSessionGate(this._sessionWatch, msg('Sign in with your Business Account to open a support case. Anything you typed before is kept.', { id: 'case-form.signed-out' }));
    if (gate) return gate;
    if (this._created) return this._renderSuccess(this._created);
    if (this._deflected) return this._renderDeflected();
    return this._renderForm();
  }

  private _renderSuccess(c: SupportCase): TemplateResult {
    const number = c.number;
    return html`<div part="success" class="alert alert-success" role="status">
      <h2 tabindex="-1">${msg(str`Case ${number} created`, { id: 'case-form.created' })}</h2>
      <p>${msg('Support will answer in this case. You get an email when there is a reply.', { id: 'case-form.created-text' })}</p>
      ${this._createdFromEarlier ? html`<p part="created-earlier">${msg('The case was created from what you sent first: your later changes are not in it. Add them to the case as a comment.', { id: 'case-form.created-earlier' })}</p>` : nothing}
      <p class="row">
        <a part="case-link" href=${this._caseHref(c)}>${msg(str`Open case ${number}`, { id: 'case-form.open-case' })}</a>
        <button part="new-case-button" class="btn" type="button" @click=${() => this.reset()}>${msg('Open another case', { id: 'case-form.another' })}</button>
      </p>
    </div>`;
  }

  private _renderDeflected(): TemplateResult {
    return html`<div part="deflected" class="alert alert-success" role="status">
      <h2 tabindex="-1">${msg('Glad that helped!', { id: 'case-form.deflected-title' })}</h2>
      <p>${msg('No case was opened. If the problem comes back, you can open one at any time.', { id: 'case-form.deflected-text' })}</p>
      <button part="still-need-help-button" class="btn" type="button"
        @click=${() => { this._deflected = null; this._saveNow(); }}>${msg('I still need to open a case', { id: 'case-form.still-need-help' })}</button>
    </div>`;
  }

  private _fieldError(f: Field): TemplateResult | typeof nothing {
    const e = this._errors[f];
    return e ? html`<span id="${f}-error" class="field-error">${e}</span>` : nothing;
  }

  private _describedBy(f: Field, ...more: string[]): string {
    return [...more, this._errors[f] ? `${f}-error` : ''].filter(Boolean).join(' ');
  }

  private _renderSummary(): TemplateResult | typeof nothing {
    const entries = FIELDS.filter((f) => this._errors[f]);
    if (!this._summaryShown || !entries.length) return nothing;
    const n = entries.length;
    const target: Record<Field, string> = {
      subject: 'subject', description: 'description', productId: 'productId', severity: 'severity-critical',
      contactPhone: 'contactPhone', attachmentIds: 'case-files-input',
    };
    const focus = (e: Event, f: Field) => {
      e.preventDefault();
      const id = f === 'severity' ? `severity-${this._severity || 'critical'}` : f === 'attachmentIds' ? 'case-files' : target[f];
      const el = this.renderRoot.querySelector<HTMLElement>(f === 'attachmentIds' ? '[part~="add-files-button"]' : `#${id}`);
      el?.focus();
    };
    return html`<div part="error-summary" class="alert alert-danger error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <h2 id="summary-title">${n === 1 ? msg('Check one field', { id: 'case-form.summary.one' }) : msg(str`Check ${n} fields`, { id: 'case-form.summary.other' })}</h2>
      <ul>${entries.map((f) => html`<li><a href="#${target[f]}" @click=${(e: Event) => focus(e, f)}>${this._errors[f]}</a></li>`)}</ul>
    </div>`;
  }

  private _counter(id: string, value: string, max: number): TemplateResult {
    const n = value.length;
    return html`<span id=${id} class="hint counter ${n > max * 0.9 ? 'near-limit' : ''}">${msg(str`${n} / ${max}`, { id: 'case-form.counter' })}</span>`;
  }

  private _renderForm(): TemplateResult {
    const L = FIELD_LIMITS;
    const products = this._products.status === TaskStatus.COMPLETE ? (this._products.value as Product[]) : [];
    const productsFailed = this._products.status === TaskStatus.ERROR;
    const busy = this._submitting || this._uploader.busy;
    const inv = (f: Field) => (this._errors[f] ? 'true' : 'false');
    return html`<form part="form" class="form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this.submit(); }}>
      ${this._renderSummary()}
      ${this._restored ? html`<p part="restored" class="hint restored">${msg('We restored what you typed earlier.', { id: 'case-form.restored' })}</p>` : nothing}
      <div class="field">
        <label for="subject">${msg('Subject', { id: 'case-form.subject' })}</label>
        <input part="subject-input" id="subject" name="subject" type="text" autocomplete="off" maxlength=${L.subject.max}
          .value=${this._subject} aria-invalid=${inv('subject')} aria-describedby=${this._describedBy('subject', 'subject-count')}
          @input=${(e: Event) => this._onInput('subject', (e.target as HTMLInputElement).value)} />
        ${this._counter('subject-count', this._subject, L.subject.max)}
        ${this._fieldError('subject')}
      </div>
      <div class="field">
        <label for="description">${msg('Description', { id: 'case-form.description' })}</label>
        <span id="description-hint" class="hint">${msg('What happens, since when, what you already tried, and how many users are affected.', { id: 'case-form.description-hint' })}</span>
        <textarea part="description-input" id="description" name="description" maxlength=${L.description.max}
          .value=${this._description} aria-invalid=${inv('description')}
          aria-describedby=${this._describedBy('description', 'description-hint', 'description-count')}
          @input=${(e: Event) => this._onInput('description', (e.target as HTMLTextAreaElement).value)}></textarea>
        ${this._counter('description-count', this._description, L.description.max)}
        ${this._fieldError('description')}
      </div>
      ${this._renderSuggestions()}
      <div class="field">
        <label for="productId">${msg('Product', { id: 'case-form.product' })}</label>
        <select part="product-select" id="productId" name="productId" aria-invalid=${inv('productId')}
          aria-describedby=${this._describedBy('productId', productsFailed ? 'products-failed' : '')}
          @change=${(e: Event) => this._onInput('productId', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._productId}>${this._products.status === TaskStatus.PENDING ? msg('Loading products…', { id: 'case-form.products-loading' }) : msg('Choose a product', { id: 'case-form.choose-product' })}</option>
          ${products.map((p) => html`<option value=${p.id} ?selected=${p.id === this._productId}>${p.name}</option>`)}
        </select>
        ${productsFailed ? html`<span id="products-failed" class="field-error">${msg('The product list could not be loaded.', { id: 'case-form.products-failed' })}
          <button class="btn btn-link" type="button" @click=${() => this._products.run()}>${msg('Try again', { id: 'common.retry' })}</button></span>` : nothing}
        ${this._fieldError('productId')}
      </div>
      <fieldset part="severity-group" class="field severity" aria-invalid=${inv('severity')} aria-describedby=${this._describedBy('severity')}>
        <legend class="label">${msg('Severity', { id: 'case-form.severity' })}</legend>
        ${SEVERITIES.map((s) => html`<div class="radio">
          <input type="radio" id="severity-${s}" name="severity" value=${s} .checked=${this._severity === s}
            aria-describedby="severity-${s}-hint" @change=${() => this._onInput('severity', s)} />
          <label for="severity-${s}"><span class="label">${severityLabel(s)}</span>
            <span id="severity-${s}-hint" class="hint">${severityHint(s)}</span></label>
        </div>`)}
        ${this._fieldError('severity')}
      </fieldset>
      <div class="field">
        <label for="contactPhone">${msg('Contact phone (optional)', { id: 'case-form.phone' })}</label>
        <input part="phone-input" id="contactPhone" name="contactPhone" type="tel" autocomplete="tel" maxlength=${L.contactPhone.max}
          .value=${this._phone} aria-invalid=${inv('contactPhone')} aria-describedby=${this._describedBy('contactPhone')}
          @input=${(e: Event) => this._onInput('contactPhone', (e.target as HTMLInputElement).value)} />
        ${this._fieldError('contactPhone')}
      </div>
      ${renderUploader(this._uploader, this, { id: 'case-files', label: msg('Attachments (optional)', { id: 'case-form.attachments' }), disabled: this._submitting })}
      ${this._fieldError('attachmentIds')}
      ${this._submitError ? html`<div part="submit-error" class="alert alert-danger" role="alert" tabindex="-1"><p>${this._submitError}</p></div>` : nothing}
      <div class="row">
        <button part="submit-button" class="btn btn-primary" type="submit" ?disabled=${busy} aria-describedby=${this._uploader.busy ? 'uploads-running' : nothing}>
          ${this._submitting ? msg('Sending…', { id: 'case-form.sending' }) : this._submitError ? msg('Try again', { id: 'case-form.try-again' }) : msg('Submit case', { id: 'case-form.submit' })}
        </button>
        ${this._uploader.busy ? html`<span id="uploads-running" class="hint">${msg('Waiting for attachments to finish uploading…', { id: 'case-form.uploads-running' })}</span>` : nothing}
      </div>
    </form>`;
  }

  private _renderSuggestions(): TemplateResult | typeof nothing {
    if (this.noSuggestions || !this._suggestions.length) return nothing;
    return html`<section part="suggestions" class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">${msg('These articles may answer your question', { id: 'case-form.suggestions' })}</h2>
      <ul>
        ${this._suggestions.map((h) => html`<li part="suggestion" class="suggestion">
          <button part="suggestion-open-button" class="btn btn-link title user-text" type="button" @click=${() => this._openArticle(h.id)}>${h.title}</button>
          <p class="hint user-text">${h.snippet}</p>
          <button part="solved-button" class="btn" type="button"
            aria-label=${msg(str`This solved my problem: ${h.title}`, { id: 'case-form.solved-label' })}
            @click=${() => this._solved(h.id)}>${msg('This solved my problem', { id: 'case-form.solved' })}</button>
        </li>`)}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-case-form': EsCaseForm;
  }
}
