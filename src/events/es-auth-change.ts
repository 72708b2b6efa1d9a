import type { SessionState } from '../core/session-types.js';

/** `es-auth-change`: the session moved (signed in, signed out, error). Fired by es-provider and es-login. */
export class EsAuthChangeEvent extends CustomEvent<SessionState> {
  static readonly eventName = 'es-auth-change';
  constructor(detail: SessionState) {
    super(EsAuthChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'es-auth-change': EsAuthChangeEvent;
  }
}
