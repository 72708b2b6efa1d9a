/** Detail of `es-kb-open-case`. */
export interface EsKbOpenCaseDetail {
  /** What the user searched for; a case form can pre-fill its subject with it. */
  query: string;
  /** The article the user was reading when they asked, if any. */
  articleId: string | null;
}

/**
 * `es-kb-open-case`: the user did not find an answer in the knowledge base and asked to open a support case.
 * es-portal navigates to its case form with the query; a host page can do the same.
 */
export class EsKbOpenCaseEvent extends CustomEvent<EsKbOpenCaseDetail> {
  static readonly eventName = 'es-kb-open-case';
  constructor(detail: EsKbOpenCaseDetail) {
    super(EsKbOpenCaseEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-kb-open-case': EsKbOpenCaseEvent;
  }
}
