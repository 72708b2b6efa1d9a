import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { renderEmpty, renderError, renderLoading, renderSessionGate } from '../../base/status-views.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { apiContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { Session } from '../../core/session-types.js';
import {
  CASE_STATUSES, SEVERITIES, type CaseQuery, type CaseSort, type CaseSummary, type Page, type Product,
} from '../../core/models.js';
import { isAbort, isApiError, type ApiError } from '../../core/errors.js';
import { currentLocale, formatDateTime, formatNumber, formatRelative } from '../../core/format.js';
import { debounce } from '../../core/drafts.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { EsCaseSelectEvent } from '../../events/es-case-select.js';
import { SessionWatch } from '../../base/session-watch.js';
import { severityBadge, severityLabel, sortLabel, statusBadge, statusLabel } from '../shared-case/labels.js';
import { badgeStyles } from '../shared-case/badge.styles.js';
import { caseListStyles } from './case-list.styles.js';

type VirtualizeFn = typeof import('@lit-labs/virtualizer/virtualize.js').virtualize;
type VirtualizerRefSymbol = typeof import('@lit-labs/virtualizer/virtualize.js').virtualizerRef;

/** Loaded once, on the first list longer than the threshold (keeps short pages small). */
let virtualizeModule: Promise<{ virtualize: VirtualizeFn; virtualizerRef: VirtualizerRefSymbol }> | null = null;
function loadVirtualizer() {
  virtualizeModule ??= import('@lit-labs/virtualizer/virtualize.js');
  return virtualizeModule;
}

const SORTS: CaseSort[] = ['-updated', 'updated', '-created', 'created', 'severity', '-severity'];
const PAGE_JUMP = 10;

const splitList = <T extends string>(value: string, allowed: readonly T[]): T[] =>
  value.split(',').map((s) => s.trim()).filter((s): s is T => (allowed as readonly string[]).includes(s));

/**
 * The organisation's support cases: filter by status, product and severity, search, sort, page; long lists are
 * virtualised (constant number of rows in the DOM); arrow keys move between rows; Enter or click opens one.
 *
 * @summary Case list with filters, search, sort, paging and virtual scrolling.
 *
 * @event es-case-select - A row was chosen (click / Enter). Detail `{ id, number }`. Cancelable: `preventDefault()`
 *   stops a row link (`href-template`) from navigating.
 * @event es-error - A load failed. Cancel it to hide the built-in message.
 *
 * @csspart toolbar - The filter and search bar.
 * @csspart search-input - The search box.
 * @csspart product-filter - The product select.
 * @csspart status-filter - The status filter disclosure.
 * @csspart severity-filter - The severity filter disclosure.
 * @csspart sort-select - The sort select.
 * @csspart clear-filters-button - Clears every filter and the search.
 * @csspart count - "N cases" line.
 * @csspart header - The column header row (wide layout).
 * @csspart list - The list of cases.
 * @csspart item - One list item.
 * @csspart row - The focusable row (a link with `href-template`, else a button).
 * @csspart status-badge - Status badge in a row.
 * @csspart severity-badge - Severity badge in a row.
 * @csspart load-more-button - Loads the next page.
 * @csspart loading - Loading skeleton.
 * @csspart empty - Empty state.
 * @csspart error - Error message with a retry button.
 * @csspart signed-out - Shown when nobody is signed in.
 *
 * @cssproperty --es-case-list-gap - Space between toolbar items.
 * @cssproperty --es-case-list-height - Height of the scrolling area of a virtualised (long) list. Default 36rem.
 * @cssproperty --es-case-list-row-hover - Background of a hovered row.
 */
@localized()
export class EsCaseList extends EsElement {
  static override tagName = 'es-case-list';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${badgeStyles} ${caseListStyles}`;

  /** Status filter: comma-separated statuses, e.g. `new,in_progress`. Empty = every status. Reflected. */
  @property({ reflect: true }) status = '';
  /** Product filter: a product id. Empty = every product. Reflected. */
  @property({ reflect: true }) product = '';
  /** Severity filter: comma-separated severities, e.g. `critical,high`. Reflected. */
  @property({ reflect: true }) severity = '';
  /** Search text. Reflected (deep links). */
  @property({ reflect: true }) q = '';
  /** Sort: `-updated` (default), `updated`, `-created`, `created`, `severity`, `-severity`. Reflected. */
  @property({ reflect: true }) sort: CaseSort = '-updated';
  /** Makes rows real links: `{id}` and `{number}` are replaced, e.g. `#/cases/{id}`. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';
  /** Cases per request (1..200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Lists longer than this are virtualised. */
  @property({ type: Number, attribute: 'virtualize-threshold' }) virtualizeThreshold = 200;

  /** @internal */
  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;
  /** @internal */
  @consume({ context: sessionContext, subscribe: true }) @state() session?: Session;

  @state() private _qInput = '';
  @state() private _items: CaseSummary[] = [];
  @state() private _total = 0;
  @state() private _nextCursor: string | null = null;
  @state() private _moreLoading = false;
  @state() private _moreError: unknown = null;
  @state() private _activeIndex = 0;
  @state() private _showError = true;
  @state() private _virtualize: VirtualizeFn | null = null;

  private _virtualizerRef: VirtualizerRefSymbol | null = null;
  private _moreAbort: AbortController | null = null;
  private _reload = 0;
  private _sessionWatch = new SessionWatch(this, () => this.session);
  private _searchDebounce = debounce((value: string) => { this.q = value; }, 300);

  private _products = new Task(this, {
    task: async ([api], { signal }) => (api ? api.listProducts({ signal }) : initialState),
    args: () => [this.api] as const,
  });

  private _cases = new Task(this, {
    task: async ([api, signedIn, query], { signal }): Promise<Page<CaseSummary> | typeof initialState> => {
      if (!api || !signedIn) return initialState;
      this._moreAbort?.abort();
      return api.listCases(query, { signal });
    },
    args: () => [this.api, this._sessionWatch.signedIn, this._query(), this._reload] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && JSON.stringify(a[2]) === JSON.stringify(b[2]) && a[3] === b[3],
    onComplete: (page) => {
      this._items = page.items;
      this._total = page.total;
      this._nextCursor = page.nextCursor;
      this._moreError = null;
      this._activeIndex = 0;
      this._maybeLoadVirtualizer();
    },
    onError: (e) => {
      if (isAbort(e)) return;
      this._showError = this._emitError(e, 'listCases');
    },
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('q') && this.q !== this._qInput) {
      this._searchDebounce.cancel();
      this._qInput = this.q;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._searchDebounce.cancel();
    this._moreAbort?.abort();
  }

  /** The query the current filters describe. */
  private _query(): CaseQuery {
    const q: CaseQuery = { sort: SORTS.includes(this.sort) ? this.sort : '-updated', limit: this._limit() };
    const status = splitList(this.status, CASE_STATUSES);
    const severity = splitList(this.severity, SEVERITIES);
    if (status.length) q.status = status;
    if (severity.length) q.severity = severity;
    if (this.product) q.product = this.product;
    if (this.q.trim()) q.q = this.q.trim();
    return q;
  }

  private _limit(): number {
    return Math.max(1, Math.min(200, Math.floor(this.pageSize) || 50));
  }

  private get _filtersActive(): boolean {
    return !!(this.status || this.product || this.severity || this.q.trim());
  }

  /** Reloads the first page with the current filters. */
  reload(): void {
    this._reload++;
    this._showError = true;
    this.requestUpdate();
  }

  /** Clears every filter and the search. */
  clearFilters(): void {
    this._searchDebounce.cancel();
    this.status = '';
    this.product = '';
    this.severity = '';
    this.q = '';
    this._qInput = '';
  }

  private _emitError(e: unknown, operation: string): boolean {
    const err = e as ApiError | Error;
    return this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation, error: err }));
  }

  private _maybeLoadVirtualizer(): void {
    if (this._items.length > this.virtualizeThreshold && !this._virtualize) {
      void loadVirtualizer().then((m) => {
        this._virtualizerRef = m.virtualizerRef;
        this._virtualize = m.virtualize;
      });
    }
  }

  private async _loadMore(): Promise<void> {
    const api = this.api;
    if (!api || !this._nextCursor || this._moreLoading) return;
    this._moreAbort?.abort();
    const abort = new AbortController();
    this._moreAbort = abort;
    this._moreLoading = true;
    this._moreError = null;
    try {
      const page = await api.listCases({ ...this._query(), cursor: this._nextCursor }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const seen = new Set(this._items.map((c) => c.id));
      this._items = [...this._items, ...page.items.filter((c) => !seen.has(c.id))];
      this._nextCursor = page.nextCursor;
      this._total = page.total;
      this._maybeLoadVirtualizer();
    } catch (e) {
      if (isAbort(e) || abort.signal.aborted) return;
      this._moreError = this._emitError(e, 'listCases') ? e : null;
    } finally {
      if (this._moreAbort === abort) { this._moreLoading = false; this._moreAbort = null; }
    }
  }

  // ------------------------------------------------------------------ events

  private _onSearchInput(e: Event): void {
    this._qInput = (e.target as HTMLInputElement).value;
    this._searchDebounce(this._qInput);
  }

  private _onSearchKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') { e.preventDefault(); this._searchDebounce.flush(); }
  }

  private _toggle(kind: 'status' | 'severity', value: string, on: boolean): void {
    const allowed = kind === 'status' ? CASE_STATUSES : SEVERITIES;
    const set = new Set<string>(splitList(this[kind], allowed as readonly string[]));
    if (on) set.add(value); else set.delete(value);
    // Keep the canonical order so the attribute is stable.
    this[kind] = (allowed as readonly string[]).filter((s) => set.has(s)).join(',');
  }

  private _href(c: CaseSummary): string {
    return this.hrefTemplate
      .replaceAll('{id}', encodeURIComponent(c.id))
      .replaceAll('{number}', encodeURIComponent(c.number));
  }

  private _onRowClick(e: MouseEvent, c: CaseSummary, index: number): void {
    this._activeIndex = index;
    // Let modified clicks (new tab / window) on links do what the browser does.
    if (this.hrefTemplate && (e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1)) return;
    const ok = this.emit(new EsCaseSelectEvent({ id: c.id, number: c.number }));
    if (!ok) e.preventDefault();
  }

  private _onListKeydown(e: KeyboardEvent): void {
    const n = this._items.length;
    if (!n) return;
    let next = this._activeIndex;
    switch (e.key) {
      case 'ArrowDown': next++; break;
      case 'ArrowUp': next--; break;
      case 'Home': next = 0; break;
      case 'End': next = n - 1; break;
      case 'PageDown': next += PAGE_JUMP; break;
      case 'PageUp': next -= PAGE_JUMP; break;
      default: return;
    }
    e.preventDefault();
    next = Math.max(0, Math.min(n - 1, next));
    void this.focusRow(next);
    if (next >= n - 1 && this._nextCursor && e.key !== 'Home') void this._loadMore();
  }

  /** Moves the roving focus to row `index` (scrolling a virtualised row into the DOM first). */
  async focusRow(index: number): Promise<void> {
    this._activeIndex = index;
    await this.updateComplete;
    const find = () => this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
    let row = find();
    if (!row && this._virtualize && this._virtualizerRef) {
      const list = this.renderRoot.querySelector('.list') as (HTMLElement & Record<symbol, { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined }>) | null;
      list?.[this._virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let i = 0; i < 30 && !row; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        row = find();
      }
    }
    if (row) {
      row.focus({ preventScroll: false });
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  private _onRange(e: Event): void {
    const last = (e as Event & { last?: number }).last ?? 0;
    if (this._nextCursor && !this._moreLoading && !this._moreError && last >= this._items.length - 20) void this._loadMore();
  }

  // ------------------------------------------------------------------ render

  override render() {
    const gate = renderSessionGate(this._sessionWatch, msg('Sign in with your Business Account to see your organisation\'s support cases.', { id: 'case-list.signed-out' }));
    if (gate) return gate;
    return html`
      ${this._renderToolbar()}
      ${this._cases.render({
        initial: () => renderLoading(msg('Loading cases…', { id: 'case-list.loading' }), 5),
        pending: () => renderLoading(msg('Loading cases…', { id: 'case-list.loading' }), 5),
        complete: () => this._renderResults(),
        error: (e) => (isAbort(e) || !this._showError ? nothing : renderError(e, () => this.reload())),
      })}`;
  }

  private _renderToolbar(): TemplateResult {
    const statuses = splitList(this.status, CASE_STATUSES);
    const severities = splitList(this.severity, SEVERITIES);
    const products = this._products.status === TaskStatus.COMPLETE ? (this._products.value as Product[]) : [];
    const productKnown = !this.product || products.some((p) => p.id === this.product);
    return html`<div part="toolbar" class="toolbar" role="search" aria-label=${msg('Filter cases', { id: 'case-list.filter-region' })}>
      <div class="tool search">
        <label for="q">${msg('Search cases', { id: 'case-list.search' })}</label>
        <input part="search-input" id="q" name="q" type="search" autocomplete="off" .value=${this._qInput}
          placeholder=${msg('Number, subject or text', { id: 'case-list.search-placeholder' })}
          @input=${this._onSearchInput} @keydown=${this._onSearchKeydown} />
      </div>
      <div class="tool">
        <label for="product">${msg('Product', { id: 'case-list.product' })}</label>
        <select part="product-filter" id="product" name="product"
          @change=${(e: Event) => { this.product = (e.target as HTMLSelectElement).value; }}>
          <option value="" ?selected=${!this.product}>${msg('All products', { id: 'case-list.all-products' })}</option>
          ${products.map((p) => html`<option value=${p.id} ?selected=${p.id === this.product}>${p.name}</option>`)}
          ${productKnown ? nothing : html`<option value=${this.product} selected>${this.product}</option>`}
        </select>
      </div>
      ${this._renderChecks('status', msg('Status', { id: 'case-list.status' }), CASE_STATUSES, statuses, statusLabel)}
      ${this._renderChecks('severity', msg('Severity', { id: 'case-list.severity' }), SEVERITIES, severities, severityLabel)}
      <div class="tool">
        <label for="sort">${msg('Sort by', { id: 'case-list.sort' })}</label>
        <select part="sort-select" id="sort" name="sort"
          @change=${(e: Event) => { this.sort = (e.target as HTMLSelectElement).value as CaseSort; }}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort}>${sortLabel(s)}</option>`)}
        </select>
      </div>
      ${this._filtersActive ? html`<button part="clear-filters-button" class="btn btn-link tool-end" type="button"
        @click=${() => this.clearFilters()}>${msg('Clear filters', { id: 'case-list.clear-filters' })}</button>` : nothing}
    </div>`;
  }

  private _renderChecks<T extends string>(
    kind: 'status' | 'severity', label: string, all: readonly T[], selected: T[], name: (v: T) => string,
  ): TemplateResult {
    const summary = selected.length
      ? html`${label} <span class="count-pill">${selected.length}</span>`
      : html`${label}: ${msg('all', { id: 'case-list.all' })}`;
    return html`<details part="${kind}-filter" class="tool check-filter">
      <summary class="btn">${summary}</summary>
      <fieldset>
        <legend class="visually-hidden">${label}</legend>
        ${all.map((v) => html`<label class="check">
          <input type="checkbox" name=${kind} value=${v} .checked=${selected.includes(v)}
            @change=${(e: Event) => this._toggle(kind, v, (e.target as HTMLInputElement).checked)} />
          ${name(v)}
        </label>`)}
      </fieldset>
    </details>`;
  }

  private _countText(): string {
    const total = this._total;
    const shown = this._items.length;
    const n = formatNumber(total);
    if (shown < total) {
      const s = formatNumber(shown);
      return msg(str`Showing ${s} of ${n} cases`, { id: 'case-list.count-partial' });
    }
    return new Intl.PluralRules(currentLocale()).select(total) === 'one'
      ? msg(str`${n} case`, { id: 'case-list.count.one' })
      : msg(str`${n} cases`, { id: 'case-list.count.other' });
  }

  private _renderResults(): TemplateResult {
    if (!this._items.length) {
      return this._filtersActive
        ? renderEmpty(msg('No cases match these filters.', { id: 'case-list.empty-filtered' }),
          html`<button part="clear-filters-button" class="btn" type="button" @click=${() => this.clearFilters()}>${msg('Clear filters', { id: 'case-list.clear-filters' })}</button>`)
        : renderEmpty(msg('Your organisation has no support cases yet.', { id: 'case-list.empty' }));
    }
    const virtual = this._virtualize;
    const long = this._items.length > this.virtualizeThreshold;
    const label = msg('Support cases', { id: 'case-list.list-label' });
    return html`
      <p part="count" class="count" role="status">${this._countText()}</p>
      <div part="header" class="header" aria-hidden="true">
        <span>${msg('Number', { id: 'case-list.col-number' })}</span>
        <span>${msg('Subject', { id: 'case-list.col-subject' })}</span>
        <span>${msg('Product', { id: 'case-list.product' })}</span>
        <span>${msg('Severity', { id: 'case-list.severity' })}</span>
        <span>${msg('Status', { id: 'case-list.status' })}</span>
        <span>${msg('Last update', { id: 'case-list.col-updated' })}</span>
      </div>
      ${long && virtual
        ? html`<ul part="list" class="list virtual" aria-label=${label} @keydown=${this._onListKeydown}
            @rangeChanged=${this._onRange}>${virtual({
              items: this._items, scroller: true, keyFunction: (c: CaseSummary) => c.id,
              renderItem: (c: CaseSummary, i: number) => this._renderItem(c, i),
            })}</ul>`
        : html`<ul part="list" class="list" aria-label=${label} @keydown=${this._onListKeydown}>
            ${(long ? this._items.slice(0, this.virtualizeThreshold) : this._items).map((c, i) => this._renderItem(c, i))}
          </ul>`}
      ${this._renderMore()}`;
  }

  private _renderMore(): TemplateResult | typeof nothing {
    if (this._moreError) {
      return html`<div class="more">${renderError(this._moreError, () => { this._moreError = null; void this._loadMore(); })}</div>`;
    }
    if (!this._nextCursor) return nothing;
    return html`<div class="more">
      <button part="load-more-button" class="btn" type="button" ?disabled=${this._moreLoading}
        aria-busy=${this._moreLoading ? 'true' : 'false'} @click=${() => this._loadMore()}>
        ${this._moreLoading ? msg('Loading…', { id: 'common.loading' }) : msg('Load more', { id: 'case-list.load-more' })}
      </button>
    </div>`;
  }

  private _renderItem(c: CaseSummary, i: number): TemplateResult {
    const tabindex = i === this._activeIndex ? '0' : '-1';
    const updated = formatDateTime(c.updatedAt);
    const cells = html`
      <span class="cell number">${c.number}</span>
      <span class="cell subject user-text">${c.subject}</span>
      <span class="cell product user-text">${c.productName}</span>
      <span class="cell severity"><span class="visually-hidden">${msg('Severity', { id: 'case-list.severity' })}: </span>${severityBadge(c.severity)}</span>
      <span class="cell status"><span class="visually-hidden">${msg('Status', { id: 'case-list.status' })}: </span>${statusBadge(c.status)}</span>
      <span class="cell updated"><span class="visually-hidden">${msg('Last update', { id: 'case-list.col-updated' })}: </span><time datetime=${c.updatedAt} title=${updated}>${formatRelative(c.updatedAt)}</time></span>`;
    return html`<li part="item" class="item" aria-setsize=${this._total || this._items.length} aria-posinset=${i + 1}>
      ${this.hrefTemplate
        ? html`<a part="row" class="row" href=${this._href(c)} data-index=${i} data-id=${c.id} tabindex=${tabindex}
            @focus=${() => { this._activeIndex = i; }} @click=${(e: MouseEvent) => this._onRowClick(e, c, i)}>${cells}</a>`
        : html`<button part="row" class="row" type="button" data-index=${i} data-id=${c.id} tabindex=${tabindex}
            @focus=${() => { this._activeIndex = i; }} @click=${(e: MouseEvent) => this._onRowClick(e, c, i)}>${cells}</button>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-case-list': EsCaseList;
  }
}
