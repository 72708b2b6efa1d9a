/** Detail of `es-kb-article-close`. */
export interface EsKbArticleCloseDetail {
  /** The article that was left. */
  id: string;
  /** The search the user went back to ('' when there is none). */
  query: string;
}

/**
 * `es-kb-article-close`: the user left the article view with "Back to results". es-portal mirrors it into the hash
 * route `#/kb?q=<query>`.
 */
export class EsKbArticleCloseEvent extends CustomEvent<EsKbArticleCloseDetail> {
  static readonly eventName = 'es-kb-article-close';
  constructor(detail: EsKbArticleCloseDetail) {
    super(EsKbArticleCloseEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-kb-article-close': EsKbArticleCloseEvent;
  }
}
