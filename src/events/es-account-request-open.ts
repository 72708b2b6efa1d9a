/**
 * `es-account-request-open`: the user chose "Request an account" in es-login (default link). Cancel it
 * (`preventDefault()`) to stop the default navigation to `#/request-account` and open your own form or page.
 */
export class EsAccountRequestOpenEvent extends Event {
  static readonly eventName = 'es-account-request-open';
  constructor() {
    super(EsAccountRequestOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-account-request-open': EsAccountRequestOpenEvent;
  }
}
