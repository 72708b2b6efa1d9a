import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session, SessionState } from '../../core/session-types.js';

const SIGNED_OUT: SessionState = { status: 'signed-out', user: null, error: null };

/**
 * Follows the session that arrives through `sessionContext`: re-subscribes when the context value changes and
 * re-renders the host on every session change. Without a session (no es-provider) the state is `signed-out`.
 */
export class SessionWatch implements ReactiveController {
  private current: Session | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private host: ReactiveControllerHost,
    private getSession: () => Session | undefined,
    private onChange: (state: SessionState) => void = () => {},
  ) {
    host.addController(this);
  }

  get session(): Session | undefined {
    return this.current;
  }

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

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const s = this.getSession();
    if (s === this.current) return;
    this.unsubscribe?.();
    this.current = s;
    this.unsubscribe = s?.subscribe((state) => {
      this.host.requestUpdate();
      this.onChange(state);
    });
    this.onChange(this.state);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
  }

  signIn(): void {
    void this.current?.signIn();
  }
}
