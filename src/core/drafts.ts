/**
 * Drafts of what a user is typing (a new case, a comment), so nothing is lost on a reload, on the sign-in redirect
 * or when a submit fails.
 *
 * Storage choice: `sessionStorage`. It survives a reload and the sign-in redirect round trip (same tab, same
 * origin), which are the two cases that matter, and it is gone when the tab closes — so the text of a support case
 * (often describing a security incident) is not left behind in `localStorage` for the next person using the machine.
 * The trade-off: a draft does not follow the user into a new tab. Keys include the user's subject (`sub`), so two
 * people signing in one after another in the same tab never see each other's drafts.
 *
 * Every access is guarded: storage may be disabled (privacy modes, sandboxed iframes) or full; the widgets then work
 * without drafts instead of failing.
 */

const PREFIX = 'es-draft';
const VERSION = 1;

interface Envelope<T> {
  v: number;
  savedAt: string;
  data: T;
}

/** Storage key of a draft: `es-draft:<kind>:<user sub or 'anonymous'>:<key>`. */
export function draftStorageKey(kind: string, user: string | null | undefined, key: string): string {
  return `${PREFIX}:${kind}:${user || 'anonymous'}:${key || 'default'}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // SecurityError when storage is blocked
  }
}

/** The stored draft, or null (none, unreadable, or written by an incompatible version). */
export function loadDraft<T>(storageKey: string): T | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(storageKey);
    if (!raw) return null;
    const env = JSON.parse(raw) as Envelope<T>;
    if (!env || env.v !== VERSION || typeof env.data !== 'object' || env.data === null) return null;
    return env.data;
  } catch {
    return null;
  }
}

/** Saves a draft; returns false when storage is unavailable or full. */
export function saveDraft<T>(storageKey: string, data: T): boolean {
  const s = storage();
  if (!s) return false;
  try {
    const env: Envelope<T> = { v: VERSION, savedAt: new Date().toISOString(), data };
    s.setItem(storageKey, JSON.stringify(env));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storageKey: string): void {
  try {
    storage()?.removeItem(storageKey);
  } catch {
    /* ignore */
  }
}

/** Calls `fn` `wait` ms after the last call; `flush()` runs a pending call now, `cancel()` drops it. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;
  const run = () => {
    timer = undefined;
    if (pending) { const a = pending; pending = null; fn(...a); }
  };
  const d = (...args: A) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(run, wait);
  };
  d.flush = () => { clearTimeout(timer); run(); };
  d.cancel = () => { clearTimeout(timer); timer = undefined; pending = null; };
  return d;
}
