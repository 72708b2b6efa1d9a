import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session, SessionState } from '../core/session-types.js';

const SIGNED_OUT: SessionState = { status: 'signed-out', user: null, error: null };

/** Sessions whose `ready` settled (or was given up on): an element attaching later need not wait again. */
const settledSessions = new WeakSet<Session>();

/**
 * Follows the session an element consumes through `sessionContext`, for every element that depends on who is
 * signed in. Before each update it checks `getSession()` and re-subscribes when the context value changed; every
 * session change re-renders the host, and `onChange(next, previous)` runs for the changes that matter (status,
 * error code or user), not for the state found when attaching. Without a session (no es-provider) the state reads
 * as signed out and `hasSession` is false.
 *
 * **Ready.** A session starts signed out while it restores a stored session (or handles a sign-in answer in the
 * URL); only when `session.ready` settles is "signed out" true. `ready` turns true then, or when `ready` rejects,
 * or after `SessionWatch.timing.giveUpMs` (a restore that hangs must never keep the user from signing in).
 * `slow` turns true when `ready` is still pending after `timing.revealMs`: only then is a "checking" message shown,
 * so a fast restore shows nothing that jumps away.
 */
export class SessionWatch implements ReactiveController {
  private current: Session | undefined;
  private unsubscribe: (() => void) | undefined;
  private seen: SessionState | null = null;
  private isReady = true;
  private isSlow = false;
  private timers: ReturnType<typeof setTimeout>[] = [];

  /**
   * @internal How long a pending `ready` stays silent (`revealMs`) and how long it is waited for (`giveUpMs`).
   * Read when a session is attached; tests shorten them.
   */
  static timing = { revealMs: 300, giveUpMs: 10_000 };

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

  /** True once the session's `ready` settled (or was given up on); always true without a session. */
  get ready(): boolean {
    return this.isReady;
  }

  /** True while `ready` has been pending longer than `timing.revealMs` (time to say what is happening). */
  get slow(): boolean {
    return !this.isReady && this.isSlow;
  }

  /** Signed out as far as is known so far: the session may still be restoring a stored sign-in. */
  get checking(): boolean {
    return !this.isReady && this.state.status === 'signed-out';
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
    this.waitForReady(session);
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

  private waitForReady(session: Session | undefined): void {
    this.clearTimers();
    this.isSlow = false;
    this.isReady = !session || settledSessions.has(session);
    if (this.isReady) return;
    const settle = () => {
      settledSessions.add(session!);
      if (this.current !== session || this.isReady) return;
      this.isReady = true;
      this.clearTimers();
      this.host.requestUpdate();
    };
    session!.ready.then(settle, (e: unknown) => {
      // Said once per session, not by every element that follows it.
      if (!settledSessions.has(session!)) console.warn('[eservice-widgets] restoring the sign-in failed; showing signed out', e);
      settle();
    });
    const { revealMs, giveUpMs } = SessionWatch.timing;
    const reveal = () => {
      if (this.current !== session || this.isReady) return;
      this.isSlow = true;
      this.host.requestUpdate();
    };
    this.timers.push(setTimeout(reveal, revealMs), setTimeout(settle, giveUpMs));
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  hostDisconnected(): void {
    this.clearTimers();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
  }
}
