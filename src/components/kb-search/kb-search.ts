import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { EsElement } from '../../base/es-element.js';
import { renderEmpty, renderError, renderLoading } from '../../base/status-views.js';
import { apiContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { KbArticle, KbSearchHit, Product } from '../../core/models.js';
import { isAbort, isApiError } from '../../core/errors.js';
import { FIELD_LIMITS } from '../../core/limits.js';
import { currentLocale, formatDate, formatNumber } from '../../core/format.js';
import { highlight } from '../../core/highlight.js';
import { loadSanitizer, safeHtml, type SanitizedHtml } from '../../core/sanitize.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { EsKbArticleCloseEvent } from '../../events/es-kb-article-close.js';
import { EsKbArticleOpenEvent } from '../../events/es-kb-article-open.js';
import { EsKbFeedbackEvent } from '../../events/es-kb-feedback.js';
import { EsKbOpenCaseEvent } from '../../events/es-kb-open-case.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { kbSearchStyles } from './kb-search.styles.js';

type SearchStatus = 'idle' | 'loading' | 'results' | 'error';
type FeedbackState = 'sending' | 'sent' | 'error';

/** Reflects '' as no attribute. */
const optionalString = {
  fromAttribute: (v: string | null) => v ?? '',
  toAttribute: (v: string) => (v ? v : null),
};

/** Articles voted on in this page (any instance): a second vote is never offered. */
const votedArticles = new Map<string, boolean>();

interface LoadedArticle {
  article: KbArticle;
  body: SanitizedHtml;
}

/**
 * Self-service search of the knowledge base, with the article view.
 *
 * Searching: results appear as the user types (debounced; at least 2 characters; a stale request is aborted and
 * never rendered), with the matched terms highlighted from the offsets the API returns, a product filter, the
 * result count and "Show more results". The input and the results follow the WAI-ARIA combobox pattern: ArrowDown /
 * ArrowUp move the active result, Home / End jump to the first / last, Enter opens the active article, Escape closes
 * the list (a second Escape clears the search).
 *
 * Reading: the article's HTML is sanitised with DOMPurify (loaded only when an article is opened) under the Trusted
 * Types policy `eservice-widgets`; "Was this helpful?" takes one vote; related articles open in place; "Back to
 * results" restores the results and the focus. "Still need help? Open a case" emits `es-kb-open-case` with the
 * query so es-portal (or the host) can open the case form. Works signed out.
 *
 * @summary Knowledge-base search with highlighted results, combobox keyboard pattern and a sanitised article view.
 *
 * @event es-kb-article-open - The user opened an article from the results or a related link (detail: `{id, query}`).
 *   Not fired when the `article` attribute is set from outside (deep link).
 * @event es-kb-article-close - The user went back from the article to the search (detail: `{id, query}`).
 * @event es-kb-open-case - "Still need help? Open a case" was chosen (detail: `{query, articleId}`).
 * @event es-kb-feedback - A "Was this helpful?" answer was recorded (detail: `{id, helpful}`).
 * @event es-error - A search or an article failed to load; cancel it to hide the built-in message.
 *
 * @csspart base - Wrapper of both views.
 * @csspart search - The search view.
 * @csspart controls - The query input and the product filter.
 * @csspart input - The search input (role combobox).
 * @csspart product-select - The product filter.
 * @csspart hint - The idle hint.
 * @csspart count - The result count.
 * @csspart listbox - The results list (role listbox).
 * @csspart option - One result (role option); also `option-active` on the active one.
 * @csspart option-title - Title of a result.
 * @csspart option-snippet - Snippet of a result.
 * @csspart option-meta - Product and date of a result.
 * @csspart mark - A highlighted search term.
 * @csspart more-button - "Show more results".
 * @csspart open-case - The "Still need help?" box.
 * @csspart open-case-button - "Open a case".
 * @csspart article - The article view.
 * @csspart back-button - "Back to results".
 * @csspart article-title - The article's heading.
 * @csspart article-meta - Product and updated date.
 * @csspart article-body - The sanitised article HTML.
 * @csspart feedback - "Was this helpful?".
 * @csspart feedback-yes - The "Yes" button.
 * @csspart feedback-no - The "No" button.
 * @csspart related - Related articles.
 * @csspart related-link - A related article link.
 * @csspart loading - Loading state.
 * @csspart empty - No results.
 * @csspart error - Error state.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssproperty --es-kb-search-gap - Space between blocks.
 * @cssproperty --es-kb-search-max-width - Largest inline size (default 56rem).
 * @cssproperty --es-kb-search-mark-background - Background of highlighted terms.
 * @cssproperty --es-kb-search-mark-color - Text colour of highlighted terms.
 * @cssproperty --es-kb-search-active-background - Background of the active result.
 */
@localized()
export class EsKbSearch extends EsElement {
  static override tagName = 'es-kb-search';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${kbSearchStyles}`;

  /** The search text; setting it (or the `query` attribute) fills the input and searches at once. */
  @property() query = '';

  /** Id of the article to show (deep link); empty shows the search. Updated when the user opens or leaves an article. */
  @property({ reflect: true, converter: optionalString }) article = '';

  /** Product id to filter by; empty = all products. */
  @property({ reflect: true, converter: optionalString }) product = '';

  /** Results per page. */
  @property({ type: Number }) limit = 10;

  /** Milliseconds of typing pause before searching. */
  @property({ type: Number }) debounce = 250;

  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;

  @state() private _input = '';
  @state() private _status: SearchStatus = 'idle';
  @state() private _hits: KbSearchHit[] = [];
  @state() private _total = 0;
  @state() private _nextCursor: string | null = null;
  @state() private _error: unknown = null;
  @state() private _errorHidden = false;
  @state() private _loadingMore = false;
  @state() private _moreError: unknown = null;
  @state() private _expanded = false;
  @state() private _active = -1;
  @state() private _feedback = new Map<string, FeedbackState>();
  @state() private _articleErrorHidden = false;

  @query('#kb-input') private _inputEl?: HTMLInputElement;

  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _search?: AbortController;
  private _more?: AbortController;
  /** The query the shown results belong to. */
  private _resultsQuery = '';
  /** The result to give focus back to after "Back to results". */
  private _returnIndex = -1;
  private _focusAfterUpdate: 'title' | 'input' | null = null;
  /** Whether the current article was opened from this element's results. */
  private _fromResults = false;

  private _products = new Task(this, {
    task: async ([api], { signal }) => (api ? api.listProducts({ signal }) : []),
    args: () => [this.api] as const,
  });

  private _article = new Task(this, {
    task: async ([api, id], { signal }): Promise<LoadedArticle | null> => {
      if (!api || !id) return null;
      this._articleErrorHidden = false;
      try {
        // DOMPurify is imported here, and only here: the search view never loads it.
        const [article, sanitizer] = await Promise.all([api.getArticle(id, { signal }), loadSanitizer()]);
        return { article, body: sanitizer.sanitize(article.bodyHtml) };
      } catch (e) {
        if (!isAbort(e)) this._articleErrorHidden = !this.emitError(e, 'getArticle');
        throw e;
      }
    },
    args: () => [this.api, this.article] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._search?.abort();
    this._more?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== this._input) {
      this._input = this.query ?? '';
      this.scheduleSearch(0);
    }
    if (changed.has('product') && changed.get('product') !== undefined) this.scheduleSearch(0);
    if (changed.has('api') && this.api && (this._status === 'error' ||
      (this._status === 'idle' && this.trimmed.length >= FIELD_LIMITS.kbQuery.min))) this.scheduleSearch(0);
  }

  protected override updated(): void {
    const focus = this._focusAfterUpdate;
    if (!focus) return;
    if (focus === 'title') {
      const title = this.renderRoot.querySelector<HTMLElement>('#kb-article-title');
      if (title) { this._focusAfterUpdate = null; title.focus(); }
    } else {
      this._focusAfterUpdate = null;
      this._inputEl?.focus();
      this.renderRoot.querySelector(`#kb-option-${this._active}`)?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  // ------------------------------------------------------------------ searching

  private get trimmed(): string {
    return this._input.trim();
  }

  /** Searches after `delay` ms (debounce), or goes idle when the query is too short. */
  private scheduleSearch(delay: number): void {
    clearTimeout(this._timer);
    if (this.trimmed.length < FIELD_LIMITS.kbQuery.min) {
      this._search?.abort();
      this._more?.abort();
      this._status = 'idle';
      this._hits = [];
      this._total = 0;
      this._nextCursor = null;
      this._expanded = false;
      this._active = -1;
      return;
    }
    if (delay <= 0) void this.runSearch();
    else this._timer = setTimeout(() => void this.runSearch(), delay);
  }

  private async runSearch(): Promise<void> {
    clearTimeout(this._timer);
    const api = this.api;
    if (!api) return;
    this._search?.abort();
    this._more?.abort();
    const controller = new AbortController();
    this._search = controller;
    const q = this.trimmed.slice(0, FIELD_LIMITS.kbQuery.max);
    this._status = 'loading';
    this._error = null;
    this._moreError = null;
    this._active = -1;
    try {
      const page = await api.searchKb({ q, product: this.product || undefined, limit: this.limit }, { signal: controller.signal });
      if (this._search !== controller || controller.signal.aborted) return; // stale: never rendered
      this._resultsQuery = q;
      this._hits = page.items;
      this._total = page.total;
      this._nextCursor = page.nextCursor;
      this._status = 'results';
      this._expanded = page.items.length > 0;
    } catch (e) {
      if (this._search !== controller || isAbort(e)) return;
      this._error = e;
      this._errorHidden = !this.emitError(e, 'searchKb');
      this._hits = [];
      this._expanded = false;
      this._status = 'error';
    }
  }

  private async loadMore(): Promise<void> {
    const api = this.api;
    const cursor = this._nextCursor;
    const search = this._search;
    if (!api || !cursor || this._loadingMore) return;
    this._more?.abort();
    const controller = new AbortController();
    this._more = controller;
    this._loadingMore = true;
    this._moreError = null;
    try {
      const page = await api.searchKb(
        { q: this._resultsQuery, product: this.product || undefined, limit: this.limit, cursor },
        { signal: controller.signal },
      );
      if (this._more !== controller || this._search !== search || controller.signal.aborted) return;
      const first = this._hits.length;
      this._hits = [...this._hits, ...page.items];
      this._total = page.total;
      this._nextCursor = page.nextCursor;
      this._expanded = this._hits.length > 0;
      if (page.items.length) { this._active = first; this._focusAfterUpdate = 'input'; }
    } catch (e) {
      if (this._more !== controller || isAbort(e)) return;
      this._moreError = e;
      this.emitError(e, 'searchKb');
    } finally {
      if (this._more === controller) this._loadingMore = false;
    }
  }

  private emitError(e: unknown, operation: string): boolean {
    const error = e instanceof Error ? e : new Error(String(e));
    return this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation, error }));
  }

  private onInput(e: Event): void {
    this._input = (e.target as HTMLInputElement).value;
    this.query = this._input;
    this.scheduleSearch(this.debounce);
  }

  private onProduct(e: Event): void {
    this.product = (e.target as HTMLSelectElement).value;
  }

  private onKeyDown(e: KeyboardEvent): void {
    const n = this._hits.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!n) return;
        e.preventDefault();
        if (!this._expanded) { this._expanded = true; this._active = 0; }
        else this._active = this._active < 0 || this._active >= n - 1 ? 0 : this._active + 1;
        this._focusAfterUpdate = 'input';
        break;
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        if (!this._expanded) { this._expanded = true; this._active = n - 1; }
        else this._active = this._active <= 0 ? n - 1 : this._active - 1;
        this._focusAfterUpdate = 'input';
        break;
      case 'Home':
      case 'End':
        if (!n || !this._expanded || this._active < 0) return; // otherwise the caret moves in the input
        e.preventDefault();
        this._active = e.key === 'Home' ? 0 : n - 1;
        this._focusAfterUpdate = 'input';
        break;
      case 'Enter': {
        e.preventDefault();
        const hit = this._expanded && this._active >= 0 ? this._hits[this._active] : undefined;
        if (hit) this.openHit(this._active);
        else this.scheduleSearch(0);
        break;
      }
      case 'Escape':
        if (this._expanded) {
          e.preventDefault();
          this._expanded = false;
          this._active = -1;
        } else if (this._input) {
          e.preventDefault();
          this._input = '';
          this.query = '';
          this.scheduleSearch(0);
        }
        break;
      default:
    }
  }

  private openHit(index: number): void {
    const hit = this._hits[index];
    if (!hit) return;
    this._returnIndex = index;
    this.openArticle(hit.id, true);
  }

  private openArticle(id: string, fromResults: boolean): void {
    this._fromResults = fromResults || this._fromResults;
    this.article = id;
    this._focusAfterUpdate = 'title';
    this.emit(new EsKbArticleOpenEvent({ id, query: this._resultsQuery || this.trimmed }));
  }

  private backToResults(): void {
    const id = this.article;
    this.article = '';
    this._fromResults = false;
    if (this._hits.length && this._returnIndex >= 0) {
      this._expanded = true;
      this._active = Math.min(this._returnIndex, this._hits.length - 1);
    }
    this._focusAfterUpdate = 'input';
    this.emit(new EsKbArticleCloseEvent({ id, query: this.trimmed }));
  }

  private openCase(): void {
    this.emit(new EsKbOpenCaseEvent({ query: this.trimmed || this._resultsQuery, articleId: this.article || null }));
  }

  private async sendFeedback(id: string, helpful: boolean): Promise<void> {
    const api = this.api;
    const current = this._feedback.get(id);
    if (!api || current === 'sending' || current === 'sent' || votedArticles.has(id)) return;
    this._feedback = new Map(this._feedback).set(id, 'sending');
    try {
      await api.sendArticleFeedback(id, { helpful });
      votedArticles.set(id, helpful);
      this._feedback = new Map(this._feedback).set(id, 'sent');
      this.emit(new EsKbFeedbackEvent({ id, helpful }));
    } catch (e) {
      this._feedback = new Map(this._feedback).set(id, 'error');
      if (!isAbort(e)) this.emitError(e, 'sendArticleFeedback');
    }
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">${this.article ? this.renderArticle() : this.renderSearch()}</div>`;
  }

  private renderSearch(): TemplateResult {
    const products = this._products.status === TaskStatus.COMPLETE ? (this._products.value as Product[]) : [];
    const showList = this._status === 'results' && this._expanded && this._hits.length > 0;
    const active = showList && this._active >= 0 ? `kb-option-${this._active}` : undefined;
    return html`<section part="search" class="search" aria-label=${msg('Knowledge base', { id: 'kb-search.region' })}>
      <div part="controls" class="controls">
        <div class="field query-field">
          <label for="kb-input">${msg('Search the knowledge base', { id: 'kb-search.label' })}</label>
          <input id="kb-input" part="input" type="search" role="combobox" autocomplete="off" spellcheck="false"
            aria-autocomplete="list" aria-expanded=${showList ? 'true' : 'false'} aria-controls="kb-listbox"
            aria-activedescendant=${active ?? nothing} aria-describedby="kb-count"
            maxlength=${FIELD_LIMITS.kbQuery.max} .value=${this._input}
            @input=${this.onInput} @keydown=${this.onKeyDown} />
        </div>
        ${products.length ? html`<div class="field">
          <label for="kb-product">${msg('Product', { id: 'kb-search.product' })}</label>
          <select id="kb-product" part="product-select" .value=${this.product} @change=${this.onProduct}>
            <option value="" ?selected=${!this.product}>${msg('All products', { id: 'kb-search.all-products' })}</option>
            ${products.map((p) => html`<option value=${p.id} ?selected=${p.id === this.product}>${p.name}</option>`)}
          </select>
        </div>` : nothing}
      </div>
      <p id="kb-count" part="count" class="count" role="status" aria-live="polite">${this.renderCount()}</p>
      ${this.renderSearchBody(showList)}
      ${this._status === 'results' || this._status === 'error' ? this.renderOpenCase() : nothing}
    </section>`;
  }

  private renderCount(): string {
    if (this._status !== 'results') return '';
    const n = formatNumber(this._total);
    const rule = new Intl.PluralRules(currentLocale()).select(this._total);
    return rule === 'one'
      ? msg(str`${n} result`, { id: 'kb-search.results.one' })
      : msg(str`${n} results`, { id: 'kb-search.results.other' });
  }

  private renderSearchBody(showList: boolean): TemplateResult | typeof nothing {
    switch (this._status) {
      case 'idle':
        return html`<p part="hint" class="hint">${msg(str`Type at least ${FIELD_LIMITS.kbQuery.min} characters to search articles.`, { id: 'kb-search.hint' })}</p>
          <ul id="kb-listbox" role="listbox" hidden aria-label=${msg('Search results', { id: 'kb-search.results-label' })}></ul>`;
      case 'loading':
        return html`${renderLoading(msg('Searching…', { id: 'kb-search.searching' }))}
          <ul id="kb-listbox" role="listbox" hidden aria-label=${msg('Search results', { id: 'kb-search.results-label' })}></ul>`;
      case 'error':
        return html`${this._errorHidden ? nothing : renderError(this._error, () => this.scheduleSearch(0))}
          <ul id="kb-listbox" role="listbox" hidden aria-label=${msg('Search results', { id: 'kb-search.results-label' })}></ul>`;
      default:
    }
    if (!this._hits.length) {
      return html`${renderEmpty(msg(str`No articles match "${this._resultsQuery}". Try other words or fewer of them.`, { id: 'kb-search.empty' }))}
        <ul id="kb-listbox" role="listbox" hidden aria-label=${msg('Search results', { id: 'kb-search.results-label' })}></ul>`;
    }
    return html`
      <ul id="kb-listbox" part="listbox" class="listbox" role="listbox" ?hidden=${!showList}
        aria-label=${msg('Search results', { id: 'kb-search.results-label' })}>
        ${this._hits.map((hit, i) => this.renderOption(hit, i))}
      </ul>
      ${showList && this._nextCursor ? html`<div class="more">
        <button part="more-button" class="btn" type="button" ?disabled=${this._loadingMore} aria-busy=${this._loadingMore ? 'true' : 'false'}
          @click=${() => void this.loadMore()}>
          ${this._loadingMore ? msg('Loading…', { id: 'kb-search.loading-more' }) : msg('Show more results', { id: 'kb-search.more' })}
        </button>
      </div>` : nothing}
      ${this._moreError ? renderError(this._moreError, () => void this.loadMore()) : nothing}`;
  }

  private renderOption(hit: KbSearchHit, i: number): TemplateResult {
    const active = i === this._active;
    return html`<li id="kb-option-${i}" part=${active ? 'option option-active' : 'option'} class="option" role="option"
      aria-selected=${active ? 'true' : 'false'} @click=${() => this.openHit(i)}
      @mousedown=${(e: Event) => e.preventDefault()}>
      <span part="option-title" class="option-title">${highlight(hit.title, hit.titleMatches)}</span>
      <span part="option-snippet" class="option-snippet">${highlight(hit.snippet, hit.snippetMatches)}</span>
      <span part="option-meta" class="option-meta">${hit.productName ?? msg('All products', { id: 'kb-search.all-products' })}
        · ${msg(str`Updated ${formatDate(hit.updatedAt)}`, { id: 'kb-search.updated' })}</span>
    </li>`;
  }

  private renderOpenCase(): TemplateResult {
    return html`<div part="open-case" class="help">
      <p>${msg('Still need help?', { id: 'kb-search.still-need-help' })}</p>
      <button part="open-case-button" class="btn btn-primary" type="button" @click=${this.openCase}>
        ${msg('Open a case', { id: 'kb-search.open-case' })}
      </button>
    </div>`;
  }

  private renderArticle(): TemplateResult {
    const back = this._fromResults && this._hits.length
      ? msg('Back to results', { id: 'kb-search.back' })
      : msg('Search the knowledge base', { id: 'kb-search.back-to-search' });
    const body = this._article.render({
      initial: () => renderLoading(msg('Loading the article…', { id: 'kb-search.loading-article' })),
      pending: () => renderLoading(msg('Loading the article…', { id: 'kb-search.loading-article' })),
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
      error: (e) => (isAbort(e) ? nothing : this._articleErrorHidden ? nothing : renderError(e, () => void this._article.run())),
    });
    return html`<article part="article" class="article" aria-labelledby="kb-article-title">
      <button part="back-button" class="btn btn-link back" type="button" @click=${this.backToResults}>
        <span class="arrow" aria-hidden="true">←</span> ${back}
      </button>
      ${body}
      ${this.renderOpenCase()}
    </article>`;
  }

  private renderLoaded({ article, body }: LoadedArticle): TemplateResult {
    return html`
      <h2 id="kb-article-title" part="article-title" class="article-title" tabindex="-1">${article.title}</h2>
      <p part="article-meta" class="article-meta">
        <span>${article.productName ?? msg('All products', { id: 'kb-search.all-products' })}</span>
        <span>${msg(str`Updated ${formatDate(article.updatedAt)}`, { id: 'kb-search.updated' })}</span>
      </p>
      <div part="article-body" class="article-body" ${safeHtml(body)}></div>
      ${this.renderFeedback(article.id)}
      ${article.related?.length ? html`<nav part="related" class="related" aria-labelledby="kb-related-heading">
        <h3 id="kb-related-heading">${msg('Related articles', { id: 'kb-search.related' })}</h3>
        <ul>${article.related.map((r) => html`<li><a part="related-link" href="#/kb/${encodeURIComponent(r.id)}"
          @click=${(e: Event) => { e.preventDefault(); this.openArticle(r.id, false); }}>${r.title}</a></li>`)}</ul>
      </nav>` : nothing}`;
  }

  private renderFeedback(id: string): TemplateResult {
    const state = votedArticles.has(id) ? 'sent' : this._feedback.get(id);
    if (state === 'sent') {
      return html`<div part="feedback" class="feedback" role="status">
        <p>${msg('Thank you for your feedback.', { id: 'kb-search.feedback-thanks' })}</p>
      </div>`;
    }
    const busy = state === 'sending';
    return html`<div part="feedback" class="feedback" role="group" aria-labelledby="kb-feedback-q">
      <p id="kb-feedback-q">${msg('Was this helpful?', { id: 'kb-search.feedback-question' })}</p>
      <div class="row">
        <button part="feedback-yes" class="btn" type="button" ?disabled=${busy} @click=${() => void this.sendFeedback(id, true)}>
          ${msg('Yes', { id: 'kb-search.yes' })}</button>
        <button part="feedback-no" class="btn" type="button" ?disabled=${busy} @click=${() => void this.sendFeedback(id, false)}>
          ${msg('No', { id: 'kb-search.no' })}</button>
      </div>
      ${state === 'error' ? html`<p class="field-error" role="alert">${msg('Your answer could not be sent. Try again.', { id: 'kb-search.feedback-error' })}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-kb-search': EsKbSearch;
  }
}
