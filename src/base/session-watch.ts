import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session, SessionState } from '../core/session-types.js';

const SIGNED_OUT: SessionState = { status: 'signed-out', user: null, error: null };

/**
 * Follows the session an element consumes through `sessionContext`, for every element that depends on who is
 * signed in. Before each update it checks `getSession()` and re-subscribes when the context value changed; every
 * session change re-renders the host, and `onChange(next, previous)` runs for the changes that matter (status,
 * error code or user), not for the state found when attaching. Without a session (no es-provider) the state reads
 * as signed out and `hasSession` is false.
 */
export class SessionWatch implements ReactiveController {
  private current: Session | undefined;
  private unsubscribe: (() => void) | undefined;
  private seen: SessionState | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getSession: () => Session | undefined,
    private readonly onChange?: (next: SessionState, previous: SessionState | null) => void,
  ) {
    host.addController(this);
  }

  /** The session being followed, if any. */
  get session(): Session | undefined {
    return this.current;
  }

  /** False when no session was provided (no es-provider above the element). */
  get hasSession(): boolean {
    return this.current !== undefined;
  }

  /** The latest state; signed out without a session. */
  get state(): SessionState {
    return this.current?.state ?? SIGNED_OUT;
  }

  get signedIn(): boolean {
    return this.state.status === 'signed-in';
  }

  /** OIDC subject of the signed-in user, or null. */
  get userSub(): string | null {
    return this.signedIn ? this.state.user?.sub ?? null : null;
  }

  /** Starts sign-in (redirect) on the followed session. */
  signIn(): void {
    void this.current?.signIn();
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const session = this.getSession();
    if (session === this.current && this.unsubscribe) return;
    this.unsubscribe?.();
    this.current = session;
    this.seen = session?.state ?? null;
    this.unsubscribe = session?.subscribe((next) => {
      const previous = this.seen;
      this.seen = next;
      if (!previous || previous.status !== next.status || previous.error?.code !== next.error?.code ||
        previous.user?.sub !== next.user?.sub) {
        this.onChange?.(next, previous);
      }
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
  }
}
