export interface EsCaseDeflectDetail {
  articleId: string;
  /** The text the suggestions were searched with. */
  query: string;
}
/** `es-case-deflect`: a KB article suggested by es-case-form solved the problem: the flow ended without a case (count these). */
export class EsCaseDeflectEvent extends CustomEvent<EsCaseDeflectDetail> {
  static readonly eventName = 'es-case-deflect';
  constructor(detail: EsCaseDeflectDetail) {
    super(EsCaseDeflectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-case-deflect': EsCaseDeflectEvent;
  }
}
