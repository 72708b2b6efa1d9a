import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { errorMessage, renderError, renderLoading, renderSessionGate } from '../../base/status-views.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { apiContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { Session } from '../../core/session-types.js';
import type { Attachment, CaseStatus, Comment, StatusChange, SupportCase } from '../../core/models.js';
import { isAbort, isApiError, type ApiError } from '../../core/errors.js';
import { FIELD_LIMITS } from '../../core/limits.js';
import { currentLocale, formatBytes, formatDateTime, formatRelative } from '../../core/format.js';
import { clearDraft, debounce, draftStorageKey, loadDraft, saveDraft } from '../../core/drafts.js';
import { newIdempotencyKey } from '../../core/idempotency.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { EsCaseUpdateEvent } from '../../events/es-case-update.js';
import { SessionWatch } from '../../base/session-watch.js';
import { severityBadge, statusBadge, statusLabel } from '../shared-case/labels.js';
import { badgeStyles } from '../shared-case/badge.styles.js';
import { uploaderStyles } from '../shared-case/shared-case.styles.js';
import { AttachmentUploader, renderUploader } from '../shared-case/uploader.js';
import { downloadAttachment } from '../shared-case/download.js';
import { linkify } from '../shared-case/linkify.js';
import { caseDetailStyles } from './case-detail.styles.js';

/** Highest escalation level (see Contacts.escalation). */
export const MAX_ESCALATION_LEVEL = 3;
/** Largest page of comments the API returns (`limit` of GET /cases/{id}/comments). */
const MAX_COMMENT_PAGE = 200;

type DialogMode = 'close' | 'reopen' | 'escalate';

interface CommentView extends Comment {
  /** `sending`: optimistic, not confirmed by the server yet. */
  pending?: boolean;
}

/** What is kept of an unsent comment (sessionStorage, see core/drafts.ts). */
export interface CommentDraft {
  body: string;
  /** Idempotency-Key of this comment: every retry of it sends the same key. */
  idempotencyKey: string;
  attachments: Attachment[];
}

/**
 * One support case: header, description, attachments, the comment thread with new replies arriving by polling,
 * the status history, and the follow-up actions (comment with attachments, close, reopen, ask for escalation).
 * A long thread opens at its newest comments, next to the reply box; "Show earlier comments" above them loads the
 * older ones a page at a time, in place, and moves focus to the first comment it added.
 * Changes are shown at once and rolled back with a message if the server refuses them; an unsent comment is kept
 * as a draft with its own Idempotency-Key, so a retry after a failure or a reload never posts it twice.
 *
 * @summary Case detail with comments, attachments, history, close / reopen / escalate.
 *
 * @event es-case-update - The case changed (detail `{ case, action }`; action `comment`, `close`, `reopen`, `escalate`).
 * @event es-error - A load or an action failed. Cancel it to hide the built-in message.
 *
 * @csspart header - Number, subject, badges and dates.
 * @csspart title - The subject heading.
 * @csspart actions - The close / reopen / escalate buttons.
 * @csspart close-button - Opens the close confirmation.
 * @csspart reopen-button - Opens the reopen dialog.
 * @csspart escalate-button - Opens the escalation dialog.
 * @csspart description - The description section.
 * @csspart case-attachments - Attachments of the case.
 * @csspart attachment-button - Downloads one attachment.
 * @csspart thread - The comment thread.
 * @csspart earlier-button - "Show earlier comments (N more)" at the top of a thread that does not show every comment yet.
 * @csspart earlier-error - Message after earlier comments failed to load (the button above then retries).
 * @csspart comment - One comment (also `comment-support` / `comment-customer` / `comment-pending`).
 * @csspart new-marker - "New reply" marker on comments that arrived while the page was open.
 * @csspart history - The status history timeline.
 * @csspart comment-form - The add-comment form.
 * @csspart comment-input - The comment text area.
 * @csspart send-button - Sends the comment.
 * @csspart action-error - Message after a failed action (rolled back).
 * @csspart dialog - The confirmation / reason dialog.
 * @csspart reason-input - Reason text area in the dialog.
 * @csspart confirm-button - Confirms the dialog.
 * @csspart cancel-button - Cancels the dialog.
 * @csspart loading - Loading skeleton.
 * @csspart error - Error (also not found).
 * @csspart signed-out - Shown when nobody is signed in.
 *
 * @cssproperty --es-case-detail-gap - Space between sections.
 * @cssproperty --es-case-detail-support-accent - Accent colour of support engineers' comments.
 */
@localized()
export class EsCaseDetail extends EsElement {
  static override tagName = 'es-case-detail';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${badgeStyles} ${uploaderStyles} ${caseDetailStyles}`;

  /** Id of the case to show. */
  @property({ attribute: 'case-id', reflect: true }) caseId = '';
  /** How often new replies are fetched, in ms (while the element and the tab are visible). 0 turns polling off. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 20000;
  /** How many comments the thread opens with (the newest) and each "Show earlier comments" adds (1-200). */
  @property({ type: Number, attribute: 'comment-page-size' }) commentPageSize = 30;

  /** @internal */
  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;
  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session?: Session;

  @state() private _case: SupportCase | null = null;
  @state() private _comments: CommentView[] = [];
  @state() private _newIds = new Set<string>();
  @state() private _announce = '';
  @state() private _commentText = '';
  @state() private _commentError: string | null = null;
  @state() private _commentInvalid: string | null = null;
  @state() private _sending = false;
  @state() private _actionError: string | null = null;
  @state() private _busyAction: DialogMode | null = null;
  @state() private _dialog: DialogMode | null = null;
  @state() private _reason = '';
  @state() private _reasonError: string | null = null;
  @state() private _showError = true;
  /** Where the next page of earlier comments starts (null: every comment is shown). */
  @state() private _earlierCursor: string | null = null;
  /** How many earlier comments are not shown yet (from the page totals). */
  @state() private _earlierLeft = 0;
  @state() private _earlierLoading = false;
  @state() private _earlierError: string | null = null;

  @query('dialog') private _dialogEl?: HTMLDialogElement;
  @query('#comment') private _commentEl?: HTMLTextAreaElement;

  private _sessionWatch = new SessionWatch(this, () => this.session);
  private _uploader = new AttachmentUploader(this, () => this.api, () => this._saveCommentDraft());
  private _commentKey: string | null = null;
  private _dialogReturn: HTMLElement | null = null;
  private _reload = 0;
  private _pollTimer: ReturnType<typeof setInterval> | undefined;
  private _polling = false;
  private _pollAbort: AbortController | null = null;
  private _inView = true;
  private _io: IntersectionObserver | null = null;
  private _draftSave = debounce((key: string | null) => this._saveCommentDraft(key), 300);
  private _earlierAbort: AbortController | null = null;
  /** Bumped whenever the thread on screen is replaced, so a late page of earlier comments is dropped, not mixed in. */
  private _threadGen = 0;

  private _load = new Task(this, {
    task: async ([api, signedIn, id], { signal }) => {
      if (!api || !signedIn || !id) return initialState;
      // Newest first: a long thread opens at its end, where the latest reply and the reply box are.
      const [c, comments] = await Promise.all([
        api.getCase(id, { signal }), api.listComments(id, { order: 'desc', limit: this._pageSize(), signal }),
      ]);
      return { c, comments };
    },
    args: () => [this.api, this._sessionWatch.signedIn, this.caseId, this._reload] as const,
    onComplete: ({ c, comments }) => {
      this._resetEarlier();
      this._case = c;
      this._comments = oldestFirst(comments.items);
      this._setEarlier(comments.nextCursor, comments.total - comments.items.length);
      this._newIds = new Set();
      this._actionError = null;
      this._restoreCommentDraft();
    },
    onError: (e) => {
      if (isAbort(e)) return;
      this._showError = this._emitError(e, 'getCase');
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this._onVisibility);
    if ('IntersectionObserver' in window) {
      this._io = new IntersectionObserver((entries) => {
        for (const en of entries) this._inView = en.isIntersecting;
      });
      this._io.observe(this);
    }
    this._startPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._io?.disconnect();
    this._io = null;
    this._stopPolling();
    this._earlierAbort?.abort(); // a moved element keeps its thread and can page back again
    this._draftSave.flush();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId') && changed.get('caseId') !== undefined) {
      this._draftSave.flush();
      this._case = null;
      this._comments = [];
      this._resetEarlier();
      this._commentText = '';
      this._commentKey = null;
      this._commentError = null;
      this._uploader.reset();
    }
    if (changed.has('pollInterval') && this.isConnected) this._startPolling();
  }

  /** Reloads the case and its comments. */
  reload(): void {
    this._reload++;
    this._showError = true;
    this.requestUpdate();
  }

  private _emitError(e: unknown, operation: string): boolean {
    return this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation, error: e as ApiError | Error }));
  }

  // ------------------------------------------------------------------ polling

  private _onVisibility = () => {
    if (document.visibilityState === 'visible') void this.pollNow();
  };

  private _startPolling(): void {
    this._stopPolling();
    if (this.pollInterval > 0) this._pollTimer = setInterval(() => void this.pollNow(), Math.max(200, this.pollInterval));
  }

  private _stopPolling(): void {
    clearInterval(this._pollTimer);
    this._pollTimer = undefined;
    this._pollAbort?.abort();
  }

  /** Fetches replies newer than the newest one shown and merges them (runs by itself every `poll-interval` ms). */
  async pollNow(): Promise<void> {
    const api = this.api;
    const c = this._case;
    if (!api || !c || this._polling || !this._sessionWatch.signedIn) return;
    if (document.visibilityState !== 'visible' || !this._inView) return;
    const confirmed = this._comments.filter((x) => !x.pending);
    const since = confirmed.length ? confirmed[confirmed.length - 1]!.createdAt : c.createdAt;
    this._polling = true;
    const abort = new AbortController();
    this._pollAbort = abort;
    try {
      const pageOf = await api.listComments(c.id, { since, signal: abort.signal });
      if (abort.signal.aborted || this._case?.id !== c.id) return;
      this._merge(pageOf.items);
    } catch {
      // A failed poll is silent: the next one tries again.
    } finally {
      this._polling = false;
      if (this._pollAbort === abort) this._pollAbort = null;
    }
  }

  private _merge(incoming: Comment[]): void {
    const known = new Set(this._comments.map((x) => x.id));
    const fresh = incoming.filter((x) => !known.has(x.id));
    if (!fresh.length) return;
    const me = this._sessionWatch.userSub;
    const pending = this._comments.filter((x) => x.pending);
    const confirmed = this._comments.filter((x) => !x.pending);
    const merged = [...confirmed, ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this._comments = [...merged, ...pending];
    const replies = fresh.filter((x) => x.author.id !== me);
    if (replies.length) {
      this._newIds = new Set([...this._newIds, ...replies.map((x) => x.id)]);
      const n = replies.length;
      this._announce = new Intl.PluralRules(currentLocale()).select(n) === 'one'
        ? msg('New reply on this case.', { id: 'case-detail.new-reply.one' })
        : msg(str`${n} new replies on this case.`, { id: 'case-detail.new-reply.other' });
      // The status may have moved with the reply (e.g. waiting on customer).
      const id = this._case?.id;
      if (id) this._refreshCase(id);
    }
  }

  /** Fetches the case again (status, history) and shows it if it is still the case on screen. Failures are silent. */
  private _refreshCase(id: string): void {
    const api = this.api;
    if (!api) return;
    api.getCase(id).then((fresher) => { if (this._case?.id === fresher.id) this._case = fresher; }, () => {});
  }

  // ------------------------------------------------------------------ earlier comments

  private _pageSize(): number {
    const n = Math.floor(this.commentPageSize);
    return n >= 1 ? Math.min(n, MAX_COMMENT_PAGE) : 30;
  }

  /** Forgets the earlier-comments paging of the thread on screen and drops any page still on its way. */
  private _resetEarlier(): void {
    this._threadGen++;
    this._earlierAbort?.abort();
    this._earlierAbort = null;
    this._earlierLoading = false;
    this._earlierError = null;
    this._earlierCursor = null;
    this._earlierLeft = 0;
  }

  /**
   * Where paging back goes on, and how many earlier comments are left by the totals. Counted down from the first
   * page's total rather than taken from later totals, which also count replies posted since. A cursor means at
   * least one more exists, whatever the count says.
   */
  private _setEarlier(cursor: string | null, left: number): void {
    this._earlierCursor = cursor;
    this._earlierLeft = cursor ? Math.max(1, left) : 0;
  }

  /** Loads the page of comments before the oldest one shown and puts it above, keeping what is shown. */
  private async _loadEarlier(): Promise<void> {
    const api = this.api;
    const c = this._case;
    const cursor = this._earlierCursor;
    if (!api || !c || !cursor || this._earlierLoading) return;
    const gen = this._threadGen;
    const abort = new AbortController();
    this._earlierAbort = abort;
    this._earlierLoading = true;
    this._earlierError = null;
    try {
      const page = await api.listComments(c.id, { order: 'desc', cursor, limit: this._pageSize(), signal: abort.signal });
      if (abort.signal.aborted || gen !== this._threadGen) return;
      // Focus is only moved from the button: whoever went on to type a reply meanwhile keeps their place.
      const fromButton = (this.renderRoot as ShadowRoot).activeElement?.matches('[part~="earlier-button"]') ?? false;
      const known = new Set(this._comments.map((x) => x.id));
      const older = oldestFirst(page.items).filter((x) => !known.has(x.id));
      this._comments = [...older, ...this._comments];
      this._setEarlier(page.nextCursor, this._earlierLeft - page.items.length);
      const n = older.length;
      this._announce = new Intl.PluralRules(currentLocale()).select(n) === 'one'
        ? msg('One earlier comment shown.', { id: 'case-detail.earlier-shown.one' })
        : msg(str`${n} earlier comments shown.`, { id: 'case-detail.earlier-shown.other' });
      await this.updateComplete;
      if (!fromButton) return;
      // Focus moves to the first comment added (right below the button, so nothing scrolls); with nothing added it
      // stays on the button, or goes to the first comment when the button is gone.
      const target = older.length ? this._commentItem(older[0]!.id)
        : this._earlierCursor ? null : this.renderRoot.querySelector<HTMLElement>('[part~="comment"]');
      target?.focus({ preventScroll: true });
    } catch (err) {
      if (abort.signal.aborted || gen !== this._threadGen || isAbort(err)) return;
      if (this._emitError(err, 'listComments')) {
        this._earlierError = `${msg('Earlier comments could not be loaded.', { id: 'case-detail.earlier-failed' })} ${errorMessage(err)}`;
      }
    } finally {
      if (this._earlierAbort === abort) {
        this._earlierAbort = null;
        this._earlierLoading = false;
      }
    }
  }

  private _commentItem(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="comment"][data-id="${CSS.escape(id)}"]`);
  }

  // ------------------------------------------------------------------ comment draft

  private _draftStorageKey(): string | null {
    return this.caseId ? draftStorageKey('case-comment', this._sessionWatch.userSub, this.caseId) : null;
  }

  private _restoreCommentDraft(): void {
    const key = this._draftStorageKey();
    if (!key || this._commentText) return;
    const d = loadDraft<CommentDraft>(key);
    if (!d) return;
    this._commentText = typeof d.body === 'string' ? d.body : '';
    this._commentKey = typeof d.idempotencyKey === 'string' ? d.idempotencyKey : null;
    if (Array.isArray(d.attachments) && d.attachments.length) this._uploader.restore(d.attachments);
  }

  /** Saves the comment draft under `key` (captured when the user typed, so a late save never lands on another case). */
  private _saveCommentDraft(key: string | null = this._draftStorageKey()): void {
    if (!key) return;
    const attachments = this._uploader.attachments;
    if (!this._commentText && !attachments.length && !this._sending) { clearDraft(key); return; }
    this._commentKey ??= newIdempotencyKey();
    saveDraft<CommentDraft>(key, { body: this._commentText, idempotencyKey: this._commentKey, attachments });
  }

  private _onCommentInput(e: Event): void {
    this._commentText = (e.target as HTMLTextAreaElement).value;
    this._commentInvalid = null;
    this._draftSave(this._draftStorageKey());
  }

  private async _send(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const c = this._case;
    if (!api || !c || this._sending || this._uploader.busy) return;
    const body = this._commentText;
    const attachments = this._uploader.attachments;
    if (!body.trim()) {
      this._commentInvalid = msg('Write a comment before sending.', { id: 'case-detail.comment-required' });
      await this.updateComplete;
      this._commentEl?.focus();
      return;
    }
    if (body.length > FIELD_LIMITS.comment.max) {
      const max = FIELD_LIMITS.comment.max;
      this._commentInvalid = msg(str`A comment can be at most ${max} characters.`, { id: 'case-detail.comment-too-long' });
      return;
    }
    // The key is stored with the draft BEFORE the request, so a reload mid-request retries with the same key.
    this._commentKey ??= newIdempotencyKey();
    const idempotencyKey = this._commentKey;
    this._sending = true;
    this._draftSave.cancel();
    this._saveCommentDraft();
    const user = this._sessionWatch.state.user;
    const optimistic: CommentView = {
      id: `pending-${idempotencyKey}`, caseId: c.id, body, attachments, createdAt: new Date().toISOString(),
      author: { id: user?.sub ?? 'me', name: user?.name ?? msg('You', { id: 'case-detail.you' }), role: 'customer' },
      pending: true,
    };
    this._comments = [...this._comments, optimistic];
    this._commentText = '';
    this._commentError = null;
    this._commentInvalid = null;
    this._announce = msg('Sending your comment…', { id: 'case-detail.sending-announce' });
    try {
      const input = { body, attachmentIds: attachments.map((a) => a.id) };
      let saved: Comment;
      try {
        saved = await api.addComment(c.id, input, { idempotencyKey });
      } catch (first) {
        // 422 "key reused": this draft's key already created a comment with OTHER content (the text was edited after
        // a send whose answer never arrived — e.g. a reload mid-request). That comment exists; this text is a new
        // one, so it gets a new key. Any other error keeps the key for the retry.
        if (!isKeyReused(first)) throw first;
        this._commentKey = newIdempotencyKey();
        this._saveCommentDraft();
        saved = await api.addComment(c.id, input, { idempotencyKey: this._commentKey });
      }
      const rest = this._comments.filter((x) => x.id !== optimistic.id && x.id !== saved.id);
      this._comments = [...rest, saved];
      const key = this._draftStorageKey();
      if (key) clearDraft(key);
      this._commentKey = null;
      this._uploader.reset();
      const updated: SupportCase = { ...(this._case ?? c), commentCount: (this._case ?? c).commentCount + 1, updatedAt: saved.createdAt };
      this._case = updated;
      this._announce = msg('Your comment was sent.', { id: 'case-detail.sent-announce' });
      this.emit(new EsCaseUpdateEvent({ case: updated, action: 'comment' }));
      // The server may move the status with the comment (waiting on customer → in progress, with a history entry).
      this._refreshCase(c.id);
    } catch (err) {
      // Roll back: remove the optimistic comment, put the text back, keep the draft (and its key) for the retry.
      this._comments = this._comments.filter((x) => x.id !== optimistic.id);
      if (!this._commentText) this._commentText = body;
      this._saveCommentDraft();
      if (!isAbort(err) && this._emitError(err, 'addComment')) {
        this._commentError = `${msg('Your comment was not sent. Your text is kept below; try again.', { id: 'case-detail.comment-failed' })} ${errorMessage(err)}`;
      }
      this._announce = '';
    } finally {
      this._sending = false;
    }
  }

  // ------------------------------------------------------------------ close / reopen / escalate

  private async _openDialog(mode: DialogMode, e: Event): Promise<void> {
    this._dialogReturn = e.currentTarget as HTMLElement;
    if (this._dialog !== mode) { this._reason = ''; }
    this._dialog = mode;
    this._reasonError = null;
    await this.updateComplete;
    const d = this._dialogEl;
    if (d && !d.open) d.showModal();
    (this.renderRoot.querySelector('#reason') as HTMLTextAreaElement | null)?.focus();
  }

  private _closeDialog(): void {
    this._dialogEl?.close();
  }

  private _onDialogClosed(): void {
    this._dialog = null;
    const back = this._dialogReturn;
    this._dialogReturn = null;
    // Focus goes back to the button that opened the dialog (or the header when that button is gone).
    void this.updateComplete.then(() => {
      if (back && back.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
      else (this.renderRoot.querySelector('[part~="title"]') as HTMLElement | null)?.focus();
    });
  }

  private async _confirm(e: Event): Promise<void> {
    e.preventDefault();
    const mode = this._dialog;
    const api = this.api;
    const c = this._case;
    if (!mode || !api || !c) return;
    const reason = this._reason.trim();
    if (mode !== 'close' && reason.length < FIELD_LIMITS.reason.min) {
      const min = FIELD_LIMITS.reason.min;
      this._reasonError = msg(str`Give a reason (at least ${min} characters).`, { id: 'case-detail.reason-required' });
      (this.renderRoot.querySelector('#reason') as HTMLTextAreaElement | null)?.focus();
      return;
    }
    if (reason.length > FIELD_LIMITS.reason.max) {
      const max = FIELD_LIMITS.reason.max;
      this._reasonError = msg(str`A reason can be at most ${max} characters.`, { id: 'case-detail.reason-too-long' });
      return;
    }
    this._closeDialog();
    await this._runAction(mode, reason);
  }

  private async _runAction(mode: DialogMode, reason: string): Promise<void> {
    const api = this.api!;
    const before = this._case!;
    const user = this._sessionWatch.state.user;
    const to: CaseStatus = mode === 'close' ? 'closed' : mode === 'reopen' ? 'in_progress' : 'escalated';
    const change: StatusChange = {
      from: before.status, to, at: new Date().toISOString(), note: reason || null,
      by: { id: user?.sub ?? 'me', name: user?.name ?? msg('You', { id: 'case-detail.you' }), role: 'customer' },
    };
    // Optimistic: show the new status at once.
    this._case = {
      ...before, status: to, history: [...before.history, change],
      escalationLevel: mode === 'escalate' ? Math.min(MAX_ESCALATION_LEVEL, before.escalationLevel + 1) : before.escalationLevel,
    };
    this._busyAction = mode;
    this._actionError = null;
    try {
      const input = { reason };
      const after = mode === 'close' ? await api.closeCase(before.id, reason ? input : {})
        : mode === 'reopen' ? await api.reopenCase(before.id, input)
          : await api.escalateCase(before.id, input);
      this._case = after;
      this._reason = '';
      this._announce = mode === 'close' ? msg('The case is closed.', { id: 'case-detail.closed-announce' })
        : mode === 'reopen' ? msg('The case is open again.', { id: 'case-detail.reopened-announce' })
          : msg('Escalation requested.', { id: 'case-detail.escalated-announce' });
      this.emit(new EsCaseUpdateEvent({ case: after, action: mode }));
    } catch (err) {
      this._case = before; // roll back
      const op = mode === 'close' ? 'closeCase' : mode === 'reopen' ? 'reopenCase' : 'escalateCase';
      if (!isAbort(err) && this._emitError(err, op)) {
        const what = mode === 'close' ? msg('The case could not be closed.', { id: 'case-detail.close-failed' })
          : mode === 'reopen' ? msg('The case could not be reopened.', { id: 'case-detail.reopen-failed' })
            : msg('Escalation could not be requested.', { id: 'case-detail.escalate-failed' });
        this._actionError = `${what} ${errorMessage(err)}`;
      }
    } finally {
      this._busyAction = null;
    }
  }

  private async _download(a: Attachment): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await downloadAttachment(api, a, this.renderRoot as ShadowRoot);
    } catch (err) {
      if (isAbort(err) || !this._emitError(err, 'downloadAttachment')) return;
      const name = a.fileName;
      this._actionError = `${msg(str`${name} could not be downloaded.`, { id: 'case-detail.download-failed' })} ${errorMessage(err)}`;
    }
  }

  // ------------------------------------------------------------------ render

  override render() {
    const gate = renderSessionGate(this._sessionWatch, msg('Sign in with your Business Account to see this case.', { id: 'case-detail.signed-out' }));
    if (gate) return gate;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this._announce}</div>`;
    if (this._case && this._case.id === this.caseId) return html`${this._renderCase(this._case)}${live}`;
    return html`${this._load.render({
      initial: () => renderLoading(msg('Loading the case…', { id: 'case-detail.loading' }), 6),
      pending: () => renderLoading(msg('Loading the case…', { id: 'case-detail.loading' }), 6),
      complete: () => (this._case ? this._renderCase(this._case) : nothing),
      error: (e) => {
        if (isAbort(e) || !this._showError) return nothing;
        if (isApiError(e) && (e.status === 404 || e.status === 403)) {
          return html`<div part="error not-found" class="alert alert-danger" role="alert">
            <p>${msg('This case was not found, or it belongs to another organisation.', { id: 'case-detail.not-found' })}</p>
          </div>`;
        }
        return renderError(e, () => this.reload());
      },
    })}${live}`;
  }

  private _renderCase(c: SupportCase): TemplateResult {
    return html`<article class="case" aria-labelledby="case-title">
      ${this._renderHeader(c)}
      ${this._actionError ? html`<div part="action-error" class="alert alert-danger" role="alert">
        <p>${this._actionError}</p>
        <button class="btn btn-link" type="button" @click=${() => { this._actionError = null; }}>${msg('Dismiss', { id: 'case-detail.dismiss' })}</button>
      </div>` : nothing}
      <section part="description" class="section" aria-labelledby="desc-title">
        <h3 id="desc-title">${msg('Description', { id: 'case-detail.description' })}</h3>
        <p class="user-text description">${linkify(c.description)}</p>
        ${c.contactPhone ? html`<p class="hint">${msg('Contact phone', { id: 'case-detail.contact-phone' })}: <span class="user-text">${c.contactPhone}</span></p>` : nothing}
        ${c.attachments.length ? html`<div part="case-attachments">
          <h4>${msg('Attachments', { id: 'case-detail.attachments' })}</h4>${this._renderAttachments(c.attachments)}</div>` : nothing}
      </section>
      ${this._renderThread()}
      ${this._renderCommentForm(c)}
      ${this._renderHistory(c)}
      ${this._renderDialog(c)}
    </article>`;
  }

  private _renderHeader(c: SupportCase): TemplateResult {
    const closed = c.status === 'closed';
    const canReopen = c.status === 'closed' || c.status === 'solved';
    const atTop = c.escalationLevel >= MAX_ESCALATION_LEVEL;
    const next = Math.min(MAX_ESCALATION_LEVEL, c.escalationLevel + 1);
    const max = MAX_ESCALATION_LEVEL;
    const busy = this._busyAction !== null;
    const escalateHint = atTop
      ? msg(str`The highest escalation level (${max} of ${max}) has been reached.`, { id: 'case-detail.escalation-max' })
      : closed ? msg('Closed cases cannot be escalated. Reopen the case first.', { id: 'case-detail.escalation-closed' })
        : msg(str`Goes to escalation level ${next} of ${max}.`, { id: 'case-detail.escalation-next' });
    return html`<header part="header" class="header">
      <p class="number">${c.number}</p>
      <h2 part="title" id="case-title" class="user-text" tabindex="-1">${c.subject}</h2>
      <div class="badges">
        <span><span class="visually-hidden">${msg('Status', { id: 'case-detail.status' })}: </span>${statusBadge(c.status)}</span>
        <span><span class="visually-hidden">${msg('Severity', { id: 'case-detail.severity' })}: </span>${severityBadge(c.severity)}</span>
        ${c.escalationLevel > 0 ? html`<span class="badge escalation">${msg(str`Escalation level ${c.escalationLevel}`, { id: 'case-detail.escalation-level' })}</span>` : nothing}
        ${busy ? html`<span class="hint">${msg('Saving…', { id: 'case-detail.saving' })}</span>` : nothing}
      </div>
      <dl class="meta">
        <div><dt>${msg('Product', { id: 'case-detail.product' })}</dt><dd class="user-text">${c.productName}</dd></div>
        <div><dt>${msg('Opened by', { id: 'case-detail.opened-by' })}</dt><dd class="user-text">${c.createdBy.name}</dd></div>
        <div><dt>${msg('Created', { id: 'case-detail.created' })}</dt><dd><time datetime=${c.createdAt}>${formatDateTime(c.createdAt)}</time></dd></div>
        <div><dt>${msg('Last update', { id: 'case-detail.updated' })}</dt><dd><time datetime=${c.updatedAt} title=${formatDateTime(c.updatedAt)}>${formatRelative(c.updatedAt)}</time></dd></div>
      </dl>
      <div part="actions" class="actions">
        ${canReopen ? html`<button part="reopen-button" class="btn" type="button" ?disabled=${busy}
          @click=${(e: Event) => this._openDialog('reopen', e)}>${msg('Reopen case', { id: 'case-detail.reopen' })}</button>` : nothing}
        ${!closed ? html`<button part="close-button" class="btn" type="button" ?disabled=${busy}
          @click=${(e: Event) => this._openDialog('close', e)}>${msg('Close case', { id: 'case-detail.close' })}</button>` : nothing}
        <span class="escalate">
          <button part="escalate-button" class="btn" type="button" ?disabled=${busy || atTop || closed}
            aria-describedby="escalate-hint" @click=${(e: Event) => this._openDialog('escalate', e)}>${msg('Ask for escalation', { id: 'case-detail.escalate' })}</button>
          <span id="escalate-hint" class="hint">${escalateHint}</span>
        </span>
      </div>
    </header>`;
  }

  private _renderAttachments(list: Attachment[]): TemplateResult {
    return html`<ul class="attachment-list">
      ${list.map((a) => html`<li><button part="attachment-button" class="btn btn-link" type="button"
        aria-label=${msg(str`Download ${a.fileName}, ${formatBytes(a.size)}`, { id: 'case-detail.download-label' })}
        @click=${() => this._download(a)}><span class="user-text">${a.fileName}</span> <span class="hint">(${formatBytes(a.size)})</span></button></li>`)}
    </ul>`;
  }

  private _renderThread(): TemplateResult {
    const n = this._comments.filter((x) => !x.pending).length + this._earlierLeft;
    return html`<section part="thread" class="section" aria-labelledby="thread-title">
      <h3 id="thread-title">${msg(str`Conversation (${n})`, { id: 'case-detail.thread' })}</h3>
      ${this._renderEarlier()}
      ${this._comments.length ? html`<ol class="comments" aria-busy=${this._earlierLoading ? 'true' : 'false'}>
        ${this._comments.map((x) => {
          const isNew = this._newIds.has(x.id);
          const role = x.author.role === 'support' ? 'support' : 'customer';
          return html`<li part="comment comment-${role} ${x.pending ? 'comment-pending' : ''}" class="comment ${role} ${x.pending ? 'pending' : ''} ${isNew ? 'new' : ''}"
            data-id=${x.id} aria-busy=${x.pending ? 'true' : 'false'} tabindex="-1">
            <div class="comment-head">
              <span class="author user-text">${x.author.name}</span>
              <span class="badge role-${role}">${role === 'support' ? msg('Support', { id: 'case-detail.role-support' }) : msg('Customer', { id: 'case-detail.role-customer' })}</span>
              <time datetime=${x.createdAt} title=${formatDateTime(x.createdAt)}>${formatRelative(x.createdAt)}</time>
              ${x.pending ? html`<span class="hint sending">${msg('Sending…', { id: 'case-detail.sending' })}</span>` : nothing}
              ${isNew ? html`<span part="new-marker" class="badge new-marker">${msg('New reply', { id: 'case-detail.new-marker' })}</span>` : nothing}
            </div>
            <p class="body user-text">${linkify(x.body)}</p>
            ${x.attachments.length ? this._renderAttachments(x.attachments) : nothing}
          </li>`;
        })}
      </ol>` : html`<p class="hint">${msg('No comments yet.', { id: 'case-detail.no-comments' })}</p>`}
    </section>`;
  }

  /** The button that pages back (it is also the retry after a failure, so focus never has to move). */
  private _renderEarlier(): TemplateResult | typeof nothing {
    if (!this._earlierCursor) return nothing;
    const n = this._earlierLeft;
    const label = this._earlierLoading ? msg('Loading earlier comments…', { id: 'case-detail.loading-earlier' })
      : this._earlierError ? msg(str`Try again: show earlier comments (${n} more)`, { id: 'case-detail.retry-earlier' })
        : msg(str`Show earlier comments (${n} more)`, { id: 'case-detail.show-earlier' });
    // aria-disabled, not disabled, while loading: a disabled button would drop the keyboard focus.
    return html`<div class="earlier">
      ${this._earlierError ? html`<div part="earlier-error" class="alert alert-danger" role="alert"><p>${this._earlierError}</p></div>` : nothing}
      <button part="earlier-button" class="btn" type="button" aria-disabled=${this._earlierLoading ? 'true' : 'false'}
        @click=${() => void this._loadEarlier()}>${label}</button>
    </div>`;
  }

  private _renderCommentForm(c: SupportCase): TemplateResult {
    if (c.status === 'closed') {
      return html`<p class="hint section">${msg('This case is closed. Reopen it to add a comment.', { id: 'case-detail.closed-no-comment' })}</p>`;
    }
    const invalid = !!this._commentInvalid;
    const count = this._commentText.length;
    const max = FIELD_LIMITS.comment.max;
    return html`<form part="comment-form" class="section comment-form" novalidate @submit=${this._send}
      aria-labelledby="add-comment-title">
      <h3 id="add-comment-title">${msg('Add a comment', { id: 'case-detail.add-comment' })}</h3>
      ${this._commentError ? html`<div part="comment-error" class="alert alert-danger" role="alert"><p>${this._commentError}</p></div>` : nothing}
      <div class="field">
        <label for="comment">${msg('Your comment', { id: 'case-detail.your-comment' })}</label>
        <textarea part="comment-input" id="comment" name="comment" maxlength=${max} .value=${this._commentText}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="comment-count ${invalid ? 'comment-invalid' : ''}"
          ?readonly=${this._sending} @input=${this._onCommentInput}></textarea>
        <span id="comment-count" class="hint">${msg(str`${count} / ${max} characters`, { id: 'case-detail.count' })}</span>
        ${invalid ? html`<span id="comment-invalid" class="field-error">${this._commentInvalid}</span>` : nothing}
      </div>
      ${renderUploader(this._uploader, this, { id: 'comment-files', label: msg('Attachments', { id: 'case-detail.attachments' }), disabled: this._sending })}
      <button part="send-button" class="btn btn-primary" type="submit" ?disabled=${this._sending || this._uploader.busy}>
        ${this._sending ? msg('Sending…', { id: 'case-detail.sending' }) : msg('Send comment', { id: 'case-detail.send' })}
      </button>
    </form>`;
  }

  private _renderHistory(c: SupportCase): TemplateResult {
    return html`<section part="history" class="section" aria-labelledby="history-title">
      <h3 id="history-title">${msg('Status history', { id: 'case-detail.history' })}</h3>
      <ol class="timeline">
        ${c.history.map((h) => html`<li class="event">
          <span class="event-status">${h.from ? html`${statusLabel(h.from)} → ` : nothing}<strong>${statusLabel(h.to)}</strong></span>
          <time datetime=${h.at}>${formatDateTime(h.at)}</time>
          ${h.by ? html`<span class="user-text hint">${h.by.name}</span>` : nothing}
          ${h.note ? html`<p class="user-text note">${linkify(h.note)}</p>` : nothing}
        </li>`)}
      </ol>
    </section>`;
  }

  private _renderDialog(c: SupportCase): TemplateResult {
    const mode = this._dialog;
    const next = Math.min(MAX_ESCALATION_LEVEL, c.escalationLevel + 1);
    const max = MAX_ESCALATION_LEVEL;
    const title = mode === 'close' ? msg('Close this case?', { id: 'case-detail.close-title' })
      : mode === 'reopen' ? msg('Reopen this case', { id: 'case-detail.reopen-title' })
        : msg('Ask for escalation', { id: 'case-detail.escalate' });
    const text = mode === 'close' ? msg('Support stops working on it. You can reopen it later if the problem comes back.', { id: 'case-detail.close-text' })
      : mode === 'reopen' ? msg('Tell support why the case needs more work.', { id: 'case-detail.reopen-text' })
        : msg(str`Your request goes to escalation level ${next} of ${max}. Tell us about the business impact.`, { id: 'case-detail.escalate-text' });
    const confirm = mode === 'close' ? msg('Close case', { id: 'case-detail.close' })
      : mode === 'reopen' ? msg('Reopen case', { id: 'case-detail.reopen' })
        : msg(str`Escalate to level ${next}`, { id: 'case-detail.escalate-confirm' });
    const required = mode !== 'close';
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-text"
      @close=${this._onDialogClosed}>
      ${mode ? html`<form method="dialog" novalidate @submit=${this._confirm}>
        <h3 id="dialog-title">${title}</h3>
        <p id="dialog-text">${text}</p>
        <div class="field">
          <label for="reason">${required ? msg('Reason (required)', { id: 'case-detail.reason-required-label' }) : msg('Reason (optional)', { id: 'case-detail.reason-optional-label' })}</label>
          <textarea part="reason-input" id="reason" name="reason" .value=${this._reason} ?required=${required}
            maxlength=${FIELD_LIMITS.reason.max} aria-invalid=${this._reasonError ? 'true' : 'false'}
            aria-describedby=${this._reasonError ? 'reason-error' : nothing}
            @input=${(e: Event) => { this._reason = (e.target as HTMLTextAreaElement).value; this._reasonError = null; }}></textarea>
          ${this._reasonError ? html`<span id="reason-error" class="field-error" role="alert">${this._reasonError}</span>` : nothing}
        </div>
        <div class="row dialog-buttons">
          <button part="confirm-button" class="btn btn-primary" type="submit">${confirm}</button>
          <button part="cancel-button" class="btn" type="button" @click=${() => this._closeDialog()}>${msg('Cancel', { id: 'case-detail.cancel' })}</button>
        </div>
      </form>` : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-case-detail': EsCaseDetail;
  }
}

/**
 * A page's comments oldest first. Pages are asked for newest first; a stable sort by time on the reversed page
 * keeps the server's order among equal times and also copes with an API (or fake) that ignores `order`.
 */
function oldestFirst(items: Comment[]): Comment[] {
  return [...items].reverse().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** True for the API's 422 answer to an Idempotency-Key reused with a different body. */
function isKeyReused(e: unknown): boolean {
  return isApiError(e) && e.status === 422 && (e.type ?? '').endsWith('idempotency-key-reused');
}
