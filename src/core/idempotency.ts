/**
 * Idempotency keys for creating calls (POST /cases, POST /cases/{id}/comments). One key belongs to one draft: it is
 * made when the draft starts, stored with it, sent with every retry of that draft, and replaced only after the
 * create succeeded — so a retry after a lost answer, a timeout or a reload never creates a second case or comment.
 */

/** A fresh random key (UUID v4). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Non-secure contexts (plain http on a LAN name) have getRandomValues but no randomUUID.
  const b = new Uint8Array(16);
  c!.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
