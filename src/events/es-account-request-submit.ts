import type { AccountRequestReceipt } from '../core/models.js';

/**
 * `es-account-request-submit`: an account request was accepted by the support API. `detail` is the receipt
 * (`status` `received` for a new request, `duplicate` when an open request for the email already existed).
 */
export class EsAccountRequestSubmitEvent extends CustomEvent<AccountRequestReceipt> {
  static readonly eventName = 'es-account-request-submit';
  constructor(detail: AccountRequestReceipt) {
    super(EsAccountRequestSubmitEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-account-request-submit': EsAccountRequestSubmitEvent;
  }
}
