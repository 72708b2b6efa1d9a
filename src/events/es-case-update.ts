import type { SupportCase } from '../core/models.js';

export interface EsCaseUpdateDetail {
  case: SupportCase;
  /** What changed. */
  action: 'comment' | 'close' | 'reopen' | 'escalate';
}
/** `es-case-update`: es-case-detail changed a case (comment, close, reopen, escalation); detail: the case as the server returned it. */
export class EsCaseUpdateEvent extends CustomEvent<EsCaseUpdateDetail> {
  static readonly eventName = 'es-case-update';
  constructor(detail: EsCaseUpdateDetail) {
    super(EsCaseUpdateEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-case-update': EsCaseUpdateEvent;
  }
}
