/**
 * One lock for every token renewal, within a tab and across the tabs of an origin.
 *
 * Refresh tokens rotate, and the identity provider revokes the whole grant when a used one comes back (DESIGN §7,
 * §8): two renewals racing — a timer and a 401 in one tab, or two tabs — sign the user out everywhere. The Web
 * Locks API (`navigator.locks`) serialises them across tabs; where it is missing (very old browsers, some
 * sandboxed frames) a promise chain still serialises renewals inside the tab.
 */

const chains = new Map<string, Promise<unknown>>();

/** The lock name for a client id: `eservice-widgets-renew:<clientId>`. */
export function renewLockName(clientId: string): string {
  return `eservice-widgets-renew:${clientId}`;
}

/** Minimal shape of `navigator.locks` used here (injectable for tests). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function platformLocks(): LockManagerLike | null {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? { request: <T>(name: string, cb: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, cb) as Promise<T> } : null;
}

/** Runs `fn` while holding the exclusive lock `name`; callers queue in order. */
export function withLock<T>(name: string, fn: () => Promise<T>, locks: LockManagerLike | null = platformLocks()): Promise<T> {
  if (locks) return locks.request(name, fn);
  const prev = chains.get(name) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(fn);
  chains.set(name, run);
  void run.finally(() => { if (chains.get(name) === run) chains.delete(name); }).catch(() => undefined);
  return run;
}
