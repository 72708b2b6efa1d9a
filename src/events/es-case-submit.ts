import type { SupportCase } from '../core/models.js';

export interface EsCaseSubmitDetail {
  case: SupportCase;
}
/** `es-case-submit`: es-case-form created a case (detail: the created case). */
export class EsCaseSubmitEvent extends CustomEvent<EsCaseSubmitDetail> {
  static readonly eventName = 'es-case-submit';
  constructor(detail: EsCaseSubmitDetail) {
    super(EsCaseSubmitEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-case-submit': EsCaseSubmitEvent;
  }
}
