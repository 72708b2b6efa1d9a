import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { EsElement } from '../../base/es-element.js';
import { renderEmpty, renderError, renderLoading } from '../../base/status-views.js';
import { apiContext, configContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { EsConfig } from '../../core/config.types.js';
import type { DocumentInfo, Product } from '../../core/models.js';
import { isAbort, isApiError } from '../../core/errors.js';
import { currentLocale, formatBytes, formatDate } from '../../core/format.js';
import { EsErrorEvent } from '../../events/es-error.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { documentsStyles } from './documents.styles.js';

/** Languages always offered in the filter (others are added as documents in them appear). */
/** Reflects '' as no attribute. */
const optionalString = { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => (v ? v : null) };

const BASE_LANGUAGES = ['en', 'fi'];

/**
 * The download URL of a document: absolute http(s) URLs as they are, relative ones resolved against the API base
 * URL; anything else (javascript:, data:, unparsable) gives null and the title is shown without a link.
 */
export function documentHref(url: string, apiUrl: string | undefined): string | null {
  try {
    const base = apiUrl ? (apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`) : document.baseURI;
    const resolved = new URL(url.trim(), new URL(base, document.baseURI));
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/**
 * Support service-description documents (SLAs, service descriptions, policies) with product and language
 * filters, file type, size, publication date and download links. Public data: works signed out.
 *
 * @summary Service-description documents with product and language filters and download links.
 *
 * @event es-error - The documents could not be loaded; cancel it to hide the built-in message.
 *
 * @csspart base - Wrapper.
 * @csspart heading - The element's heading.
 * @csspart filters - The filter controls.
 * @csspart product-select - Product filter.
 * @csspart language-select - Language filter.
 * @csspart table - The document table.
 * @csspart item - One document row.
 * @csspart download-link - A document's download link.
 * @csspart loading - Loading state.
 * @csspart empty - No documents.
 * @csspart error - Error state.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssproperty --es-documents-gap - Space between the filters and the table.
 */
@localized()
export class EsDocuments extends EsElement {
  static override tagName = 'es-documents';
  static override styles = css`${EsElement.styles} ${sharedStyles} ${documentsStyles}`;

  /** Product id to show documents for (plus the general ones the API returns with it); empty = all. */
  @property({ reflect: true, converter: optionalString }) product = '';

  /**
   * Document language filter (BCP 47, e.g. `fi`); empty = all. Attribute `language` — not `lang`, which is the
   * global HTML attribute that says what language the element's own text is in.
   */
  @property({ reflect: true, converter: optionalString }) language = '';

  /** Heading level of the element's title (2-6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @consume({ context: apiContext, subscribe: true }) @state() api?: SupportApi;
  @consume({ context: configContext, subscribe: true }) @state() config?: EsConfig;

  @state() private _errorHidden = false;
  private _seenLanguages = new Set<string>(BASE_LANGUAGES);

  private _products = new Task(this, {
    task: async ([api], { signal }) => (api ? api.listProducts({ signal }) : []),
    args: () => [this.api] as const,
  });

  private _documents = new Task(this, {
    task: async ([api, product, lang], { signal }) => {
      if (!api) return null;
      this._errorHidden = false;
      try {
        const docs = await api.listDocuments({ product: product || undefined, lang: lang || undefined }, { signal });
        for (const d of docs) if (d.language) this._seenLanguages.add(d.language);
        return docs;
      } catch (e) {
        if (!isAbort(e)) {
          const error = e instanceof Error ? e : new Error(String(e));
          this._errorHidden = !this.emit(new EsErrorEvent({ status: isApiError(e) ? e.status : 0, operation: 'listDocuments', error }));
        }
        throw e;
      }
    },
    args: () => [this.api, this.product, this.language] as const,
  });

  protected override render(): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<section part="base" class="base" aria-labelledby="doc-heading">
      <div id="doc-heading" part="heading" class="heading" role="heading" aria-level=${level}>
        ${msg('Service descriptions', { id: 'documents.heading' })}</div>
      ${this.renderFilters()}
      ${this._documents.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        complete: (docs) => (docs ? this.renderList(docs) : renderLoading()),
        error: (e) => (isAbort(e) || this._errorHidden ? nothing : renderError(e, () => void this._documents.run())),
      })}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const products = this._products.status === TaskStatus.COMPLETE ? (this._products.value as Product[]) : [];
    const langs = [...new Set([...this._seenLanguages, ...(this.language ? [this.language] : [])])]
      .map((code) => ({ code, name: languageName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, currentLocale()));
    return html`<div part="filters" class="filters">
      <div class="field">
        <label for="doc-product">${msg('Product', { id: 'documents.product' })}</label>
        <select id="doc-product" part="product-select" @change=${(e: Event) => { this.product = (e.target as HTMLSelectElement).value; }}>
          <option value="" ?selected=${!this.product}>${msg('All products', { id: 'documents.all-products' })}</option>
          ${products.map((p) => html`<option value=${p.id} ?selected=${p.id === this.product}>${p.name}</option>`)}
          ${this.product && !products.some((p) => p.id === this.product) ? html`<option value=${this.product} selected>${this.product}</option>` : nothing}
        </select>
      </div>
      <div class="field">
        <label for="doc-language">${msg('Language', { id: 'documents.language' })}</label>
        <select id="doc-language" part="language-select" @change=${(e: Event) => { this.language = (e.target as HTMLSelectElement).value; }}>
          <option value="" ?selected=${!this.language}>${msg('All languages', { id: 'documents.all-languages' })}</option>
          ${langs.map((l) => html`<option value=${l.code} ?selected=${l.code === this.language}>${l.name}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private renderList(docs: DocumentInfo[]): TemplateResult {
    if (!docs.length) {
      const filtered = !!(this.product || this.language);
      return renderEmpty(
        filtered ? msg('No documents match these filters.', { id: 'documents.empty-filtered' })
          : msg('No documents are available yet.', { id: 'documents.empty' }),
        filtered ? html`<button class="btn" type="button" @click=${() => { this.product = ''; this.language = ''; }}>
          ${msg('Show all documents', { id: 'documents.show-all' })}</button>` : undefined,
      );
    }
    return html`<div class="table-wrap"><table part="table">
      <caption class="visually-hidden">${msg('Service descriptions', { id: 'documents.heading' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Title', { id: 'documents.title' })}</th>
        <th scope="col">${msg('Product', { id: 'documents.product' })}</th>
        <th scope="col">${msg('Language', { id: 'documents.language' })}</th>
        <th scope="col">${msg('Type', { id: 'documents.type' })}</th>
        <th scope="col">${msg('Size', { id: 'documents.size' })}</th>
        <th scope="col">${msg('Published', { id: 'documents.published' })}</th>
      </tr></thead>
      <tbody>${docs.map((d) => this.renderRow(d))}</tbody>
    </table></div>`;
  }

  private renderRow(d: DocumentInfo): TemplateResult {
    const href = documentHref(d.url, this.config?.apiUrl);
    const type = (d.fileType || '').toUpperCase();
    return html`<tr part="item">
      <td class="title">${href
        ? html`<a part="download-link" href=${href} download rel="noopener noreferrer"
            aria-label=${`${d.title} (${type}, ${formatBytes(d.size)})`}>${d.title}</a>`
        : d.title}</td>
      <td>${d.productName ?? msg('All products', { id: 'documents.all-products' })}</td>
      <td lang=${d.language || nothing}>${languageName(d.language)}</td>
      <td><span class="type">${type}</span></td>
      <td class="num">${formatBytes(d.size)}</td>
      <td class="num"><time datetime=${d.publishedAt}>${formatDate(d.publishedAt)}</time></td>
    </tr>`;
  }
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-documents': EsDocuments;
  }
}
