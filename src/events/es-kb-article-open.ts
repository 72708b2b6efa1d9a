/** Detail of `es-kb-article-open`. */
export interface EsKbArticleOpenDetail {
  /** Article id. */
  id: string;
  /** The search query that led to it ('' for a deep link or a related article). */
  query: string;
}

/**
 * `es-kb-article-open`: a knowledge-base article was opened (from the results, a related link or a deep link).
 * es-portal mirrors it into the hash route `#/kb/<id>`.
 */
export class EsKbArticleOpenEvent extends CustomEvent<EsKbArticleOpenDetail> {
  static readonly eventName = 'es-kb-article-open';
  constructor(detail: EsKbArticleOpenDetail) {
    super(EsKbArticleOpenEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-kb-article-open': EsKbArticleOpenEvent;
  }
}
