export interface EsCaseSelectDetail {
  id: string;
  /** Human case number, e.g. `CS-0104233`. */
  number: string;
}
/** `es-case-select`: a case row was chosen (click or Enter). Cancelable: call `preventDefault()` to stop a row link from navigating and handle the selection yourself. */
export class EsCaseSelectEvent extends CustomEvent<EsCaseSelectDetail> {
  static readonly eventName = 'es-case-select';
  constructor(detail: EsCaseSelectDetail) {
    super(EsCaseSelectEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-case-select': EsCaseSelectEvent;
  }
}
