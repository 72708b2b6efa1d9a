/** Detail of `es-kb-feedback`. */
export interface EsKbFeedbackDetail {
  /** Article id. */
  id: string;
  /** The user's answer to "Was this helpful?". */
  helpful: boolean;
}

/** `es-kb-feedback`: the user answered "Was this helpful?" and the answer was recorded. Hosts can count deflections. */
export class EsKbFeedbackEvent extends CustomEvent<EsKbFeedbackDetail> {
  static readonly eventName = 'es-kb-feedback';
  constructor(detail: EsKbFeedbackDetail) {
    super(EsKbFeedbackEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-kb-feedback': EsKbFeedbackEvent;
  }
}
