import type { ApiError } from '../core/errors.js';

export interface EsErrorDetail {
  /** HTTP status; 0 when there was no answer. */
  status: number;
  /** API call or action that failed, e.g. `createCase`. */
  operation: string;
  error: ApiError | Error;
}

/**
 * `es-error`: an element hit an error it shows to the user. Cancel it (`preventDefault()`) to hide the built-in
 * message and show your own.
 */
export class EsErrorEvent extends CustomEvent<EsErrorDetail> {
  static readonly eventName = 'es-error';
  constructor(detail: EsErrorDetail) {
    super(EsErrorEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-error': EsErrorEvent;
  }
}
