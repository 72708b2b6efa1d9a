/**
 * A fake comment thread that pages like the support API's GET /cases/{id}/comments: `order` asc (default) or desc,
 * an opaque `cursor` that belongs to its order, `limit` (default 100, 1..200), `since`, and `total` = every comment
 * `since` matches whatever the cursor. The one pager behind both the Storybook fake API (fake-provider.ts) and the
 * component tests (test/helpers/fake-comments.ts re-exports it; pair it with `fakeApi({ listComments: ... })`).
 */
import { ApiError } from '../../src/core/errors.js';
import type { Comment, CommentQuery, Page, Person } from '../../src/core/models.js';

const support: Person = { id: 's-1', name: 'Laura Koskinen (Support)', role: 'support' };
const customer: Person = { id: 'u-1', name: 'Anna Virtanen', role: 'customer' };

/**
 * `n` comments of `caseId`, oldest first, one minute apart and ending `endsAgoMs` before now; ids
 * `${prefix}-1` … `${prefix}-n`, bodies "Comment i of n"; support and the customer take turns.
 */
export function makeThread(caseId: string, n: number, o: { prefix?: string; endsAgoMs?: number } = {}): Comment[] {
  const prefix = o.prefix ?? 'c';
  const end = Date.now() - (o.endsAgoMs ?? 3600_000);
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    return {
      id: `${prefix}-${i}`, caseId, author: i % 2 ? support : customer, body: `Comment ${i} of ${n}`,
      createdAt: new Date(end - (n - i) * 60_000).toISOString(), attachments: [],
    };
  });
}

/** One page of `all` (oldest first) as the API answers `q`. A bad cursor or limit rejects like the API (400). */
export function pageComments(all: readonly Comment[], q: CommentQuery = {}): Page<Comment> {
  const limit = q.limit ?? 100;
  const desc = q.order === 'desc';
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badRequest('limit', 'must be 1-200');
  const matching = q.since ? all.filter((c) => c.createdAt > q.since!) : [...all];
  const ordered = desc ? matching.reverse() : matching;
  let start = 0;
  if (q.cursor) {
    const [order, id] = q.cursor.split(':');
    const at = ordered.findIndex((c) => c.id === id);
    if (order !== (desc ? 'desc' : 'asc') || at < 0) throw badRequest('cursor', 'must be a cursor returned by a previous page');
    start = at + 1;
  }
  const items = ordered.slice(start, start + limit);
  const more = start + limit < ordered.length;
  return {
    items: structuredClone(items),
    nextCursor: more ? `${desc ? 'desc' : 'asc'}:${items[items.length - 1]!.id}` : null,
    total: matching.length,
  };
}

function badRequest(field: string, message: string): ApiError {
  return new ApiError({ kind: 'http', status: 400, operation: 'listComments', title: 'Invalid request', detail: `${field} ${message}`, fieldErrors: [{ field, message }] });
}
