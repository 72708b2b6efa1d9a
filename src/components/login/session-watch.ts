import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session, SessionState } from '../../core/session-types.js';

/**
 * Follows a Session's state for an element: subscribes while the host is connected, re-renders the host on every
 * change and calls `onChange(next, previous)` for changes it sees (not for the state it found when attaching).
 * Call `setSession()` whenever the consumed session context changes (e.g. in willUpdate).
 */
export class SessionWatch implements ReactiveController {
  /** The latest state, or null without a session. */
  state: SessionState | null = null;
  private session: Session | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (next: SessionState, previous: SessionState | null) => void,
  ) {
    host.addController(this);
  }

  setSession(session: Session | undefined): void {
    if (session === this.session) return;
    this.detach();
    this.session = session;
    this.state = session?.state ?? null;
    this.attach();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    if (!this.connected || !this.session || this.unsubscribe) return;
    const session = this.session;
    // The state may have moved while we were not listening.
    this.state = session.state;
    this.unsubscribe = session.subscribe((next) => {
      const previous = this.state;
      this.state = next;
      if (!previous || previous.status !== next.status || previous.error?.code !== next.error?.code ||
        previous.user?.sub !== next.user?.sub) {
        this.onChange?.(next, previous);
      }
      this.host.requestUpdate();
    });
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
