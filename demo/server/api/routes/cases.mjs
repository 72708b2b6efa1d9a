// Cases, comments and the case life cycle (close / reopen / escalate), scoped to the caller's organisation.
import { findAccountById } from '../../idp/accounts.mjs';
import { requests } from '../schemas.mjs';
import {
  canonicalJson, createMemo, decodeCursor, encodeCursor, fieldProblem, newId, nowIso, problem, sha256, SEVERITY_RANK,
} from '../util.mjs';
import { guards } from './common.mjs';
import { attachmentMapper } from './attachments.mjs';

const SORTS = {
  '-updated': { cols: ['c.updated_at', 'c.seq'], keys: ['updated_at', 'seq'], dir: 'DESC' },
  updated: { cols: ['c.updated_at', 'c.seq'], keys: ['updated_at', 'seq'], dir: 'ASC' },
  '-created': { cols: ['c.created_at', 'c.seq'], keys: ['created_at', 'seq'], dir: 'DESC' },
  created: { cols: ['c.created_at', 'c.seq'], keys: ['created_at', 'seq'], dir: 'ASC' },
  '-severity': { cols: ['c.severity_rank', 'c.updated_at', 'c.seq'], keys: ['severity_rank', 'updated_at', 'seq'], dir: 'DESC' },
  severity: { cols: ['c.severity_rank', 'c.updated_at', 'c.seq'], keys: ['severity_rank', 'updated_at', 'seq'], dir: 'ASC' },
};

const SUMMARY_COLS = `c.seq, c.id, c.number, c.subject, c.product_id, p.name AS product_name, c.severity, c.severity_rank,
  c.status, c.created_at, c.updated_at`;

export function toSummary(r) {
  return {
    id: r.id, number: r.number, subject: r.subject, productId: r.product_id, productName: r.product_name,
    severity: r.severity, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Display data of a Business Account (names live with the identity provider). */
export function personOf(db, sub, claims = {}) {
  const a = findAccountById(db, sub);
  const name = a ? `${a.firstName ?? ''} ${a.lastName ?? ''}`.trim() || a.email
    : (claims.name || [claims.given_name, claims.family_name].filter(Boolean).join(' ') || claims.email || 'Customer');
  return { id: sub, name, role: 'customer', email: a?.email ?? claims.email ?? null };
}

/** Case data access and life cycle, shared by routes, seed-independent. */
export function caseStore(db) {
  const stmtCache = new Map();
  const prep = (sql) => {
    let s = stmtCache.get(sql);
    if (!s) { s = db.prepare(sql); stmtCache.set(sql, s); }
    return s;
  };
  const attachments = attachmentMapper(db);
  // List totals and whole list pages are memoised until anything in the database changes (createMemo): lists
  // are read far more often than cases change (polling, paging back and forth, many users of one organisation).
  const countMemo = createMemo(db, 1000);
  const listMemo = createMemo(db, 500);
  const cachedCount = (sql, args) => countMemo(`${sql}\u0000${JSON.stringify(args)}`, () => prep(sql).get(...args).n);
  const q = {
    caseById: db.prepare(`SELECT c.*, p.name AS product_name FROM cases c JOIN products p ON p.id = c.product_id WHERE c.id = ?`),
    caseByNumber: db.prepare(`SELECT c.*, p.name AS product_name FROM cases c JOIN products p ON p.id = c.product_id WHERE c.number = ?`),
    history: db.prepare('SELECT * FROM case_history WHERE case_id = ? ORDER BY seq'),
    product: db.prepare('SELECT id, name FROM products WHERE id = ?'),
    nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 100000) + 1 AS n FROM cases'),
    insertCase: db.prepare(`INSERT INTO cases (seq, id, number, organisation_id, subject, description, product_id, severity,
      severity_rank, status, contact_phone, created_by, created_by_name, escalation_level, comment_count, created_at, updated_at)
      VALUES (@seq, @id, @number, @organisation_id, @subject, @description, @product_id, @severity, @severity_rank, @status,
      @contact_phone, @created_by, @created_by_name, 0, 0, @created_at, @created_at)`),
    insertHistory: db.prepare(`INSERT INTO case_history (case_id, from_status, to_status, at, by_id, by_name, by_role, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateStatus: db.prepare('UPDATE cases SET status = ?, escalation_level = ?, updated_at = ? WHERE id = ?'),
    insertComment: db.prepare(`INSERT INTO comments (id, case_id, author_id, author_name, author_role, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    bumpComments: db.prepare('UPDATE cases SET comment_count = comment_count + 1, updated_at = ? WHERE id = ?'),
    commentById: db.prepare('SELECT * FROM comments WHERE id = ?'),
    attachmentForLink: db.prepare('SELECT id, owner_id, case_id, comment_id FROM attachments WHERE id = ?'),
    linkAttachment: db.prepare('UPDATE attachments SET case_id = ?, comment_id = ? WHERE id = ?'),
    idem: db.prepare('SELECT body_hash, status_code, response FROM idempotency_keys WHERE user_id = ? AND route = ? AND key = ?'),
    insertIdem: db.prepare(`INSERT INTO idempotency_keys (key, user_id, route, body_hash, status_code, response, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    purgeIdem: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
  };

  function fullCase(id) {
    const r = q.caseById.get(id);
    if (!r) return null;
    return {
      ...toSummary(r),
      description: r.description,
      contactPhone: r.contact_phone ?? null,
      createdBy: { id: r.created_by, name: r.created_by_name, role: 'customer' },
      attachments: attachments.forCase(r.id),
      history: q.history.all(r.id).map((h) => ({
        from: h.from_status ?? null, to: h.to_status, at: h.at,
        by: h.by_id ? { id: h.by_id, name: h.by_name, role: h.by_role } : null, note: h.note ?? null,
      })),
      escalationLevel: r.escalation_level,
      commentCount: r.comment_count,
    };
  }

  function toComment(c) {
    return {
      id: c.id, caseId: c.case_id, author: { id: c.author_id, name: c.author_name, role: c.author_role }, body: c.body,
      createdAt: c.created_at, attachments: attachments.forComment(c.id),
    };
  }

  /** Validates and links attachmentIds (inside the caller's transaction). */
  function linkAttachments(ids, ownerId, caseId, commentId) {
    ids.forEach((id, i) => {
      const a = q.attachmentForLink.get(id);
      if (!a || a.owner_id !== ownerId) throw fieldProblem(`attachmentIds[${i}]`, 'is not an attachment you uploaded');
      if (a.case_id || a.comment_id) throw fieldProblem(`attachmentIds[${i}]`, 'is already attached to another case or comment');
      q.linkAttachment.run(caseId, commentId, id);
    });
  }

  /** Runs `create` once per (user, route, key); replays the stored answer for the same body, 422 for another. */
  function idempotent(userId, route, key, body, create) {
    const hash = sha256(canonicalJson(body));
    return db.transaction(() => {
      const prev = q.idem.get(userId, route, key);
      if (prev) {
        if (prev.body_hash !== hash) {
          throw problem(422, 'Idempotency key reused', 'This Idempotency-Key was already used with a different request body.', { type: 'idempotency-key-reused' });
        }
        return { status: prev.status_code, body: JSON.parse(prev.response), replayed: true };
      }
      const result = create();
      q.insertIdem.run(key, userId, route, hash, result.status, JSON.stringify(result.body), nowIso());
      return { ...result, replayed: false };
    }).immediate();
  }

  function createCase(portal, person, input) {
    const product = q.product.get(input.productId);
    if (!product) throw fieldProblem('productId', 'is not a known product');
    const { n: seq } = q.nextSeq.get();
    const id = newId('case');
    const at = nowIso();
    q.insertCase.run({
      seq, id, number: `CS-${String(seq).padStart(7, '0')}`, organisation_id: portal.organisation.id,
      subject: input.subject.trim(), description: input.description, product_id: input.productId, severity: input.severity,
      severity_rank: SEVERITY_RANK[input.severity], status: 'new', contact_phone: input.contactPhone?.trim() || null,
      created_by: person.id, created_by_name: person.name, created_at: at,
    });
    q.insertHistory.run(id, null, 'new', at, person.id, person.name, 'customer', null);
    linkAttachments(input.attachmentIds ?? [], person.id, id, null);
    return fullCase(id);
  }

  function addComment(caseRow, person, input) {
    if (caseRow.status === 'closed') {
      throw problem(409, 'Case is closed', 'Reopen the case before adding comments.', { type: 'case-closed' });
    }
    const id = newId('cmt');
    const at = nowIso();
    q.insertComment.run(id, caseRow.id, person.id, person.name, person.role, input.body, at);
    q.bumpComments.run(at, caseRow.id);
    linkAttachments(input.attachmentIds ?? [], person.id, caseRow.id, id);
    if (person.role === 'customer' && caseRow.status === 'waiting_on_customer') {
      q.updateStatus.run('in_progress', caseRow.escalation_level, at, caseRow.id);
      q.insertHistory.run(caseRow.id, 'waiting_on_customer', 'in_progress', at, person.id, person.name, person.role, null);
    }
    return toComment(q.commentById.get(id));
  }

  /** Applies a status change with a history entry. */
  function transition(caseRow, to, person, note, escalationLevel = caseRow.escalation_level) {
    const at = nowIso();
    q.updateStatus.run(to, escalationLevel, at, caseRow.id);
    q.insertHistory.run(caseRow.id, caseRow.status, to, at, person?.id ?? null, person?.name ?? null, person?.role ?? null, note ?? null);
  }

  function listCases(orgId, query) {
    const sort = SORTS[query.sort ?? '-updated'];
    const where = ['c.organisation_id = ?'];
    const args = [orgId];
    if (query.status) {
      const list = [...new Set(query.status.split(','))];
      where.push(`c.status IN (${list.map(() => '?').join(',')})`);
      args.push(...list);
    }
    if (query.severity) {
      const list = [...new Set(query.severity.split(','))];
      where.push(`c.severity IN (${list.map(() => '?').join(',')})`);
      args.push(...list);
    }
    if (query.product) { where.push('c.product_id = ?'); args.push(query.product); }
    const text = query.q?.trim();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push("(c.subject LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\' OR c.description LIKE ? ESCAPE '\\')");
      args.push(like, like, like);
    }
    const total = cachedCount(`SELECT COUNT(*) AS n FROM cases c WHERE ${where.join(' AND ')}`, args);
    const pageWhere = [...where];
    const pageArgs = [...args];
    if (query.cursor) {
      const sortName = query.sort ?? '-updated';
      const v = decodeCursor(query.cursor, (a) => a[0] === sortName && a.length === sort.cols.length + 1
        && a.slice(1).every((x) => typeof x === 'string' || Number.isInteger(x)));
      pageWhere.push(`(${sort.cols.join(', ')}) ${sort.dir === 'DESC' ? '<' : '>'} (${sort.cols.map(() => '?').join(', ')})`);
      pageArgs.push(...v.slice(1));
    }
    const limit = query.limit ?? 50;
    const rows = prep(`SELECT ${SUMMARY_COLS} FROM cases c JOIN products p ON p.id = c.product_id
      WHERE ${pageWhere.join(' AND ')} ORDER BY ${sort.cols.map((col) => `${col} ${sort.dir}`).join(', ')} LIMIT ?`)
      .all(...pageArgs, limit + 1);
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toSummary),
      nextCursor: more && last ? encodeCursor([query.sort ?? '-updated', ...sort.keys.map((k) => last[k])]) : null,
      total,
    };
  }

  /**
   * A page of a case's comments. `order` asc (default) = oldest first, desc = newest first (a long thread opens at
   * its end and pages back). `since` keeps only newer comments in either order. `total` counts every comment the
   * filter matches, whatever the cursor, so a client can tell how many are left. The cursor carries its order: a
   * cursor of one order is refused (400) in the other instead of silently skipping or repeating comments.
   */
  function listComments(caseId, query) {
    const where = ['case_id = ?'];
    const args = [caseId];
    if (query.since) {
      // Leap seconds (…:60) pass the date-time format but are no Date: treat them as the next second.
      const t = Date.parse(query.since.replace(/:60(?=[.Z+-]|$)/i, ':59')) + (/:60(?=[.Z+-]|$)/i.test(query.since) ? 1000 : 0);
      if (!Number.isFinite(t)) throw fieldProblem('since', 'must be a valid date-time');
      where.push('created_at > ?');
      args.push(new Date(t).toISOString());
    }
    const total = prep(`SELECT COUNT(*) AS n FROM comments WHERE ${where.join(' AND ')}`).get(...args).n;
    const desc = query.order === 'desc';
    const tag = desc ? 'cd' : 'c';
    if (query.cursor) {
      const v = decodeCursor(query.cursor, (a) => a.length === 3 && a[0] === tag && typeof a[1] === 'string' && Number.isInteger(a[2]));
      where.push(`(created_at, seq) ${desc ? '<' : '>'} (?, ?)`);
      args.push(v[1], v[2]);
    }
    const limit = query.limit ?? 100;
    const dir = desc ? 'DESC' : 'ASC';
    const rows = prep(`SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY created_at ${dir}, seq ${dir} LIMIT ?`).all(...args, limit + 1);
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { items: rows.map(toComment), nextCursor: more ? encodeCursor([tag, last.created_at, last.seq]) : null, total };
  }

  /** The list page as a JSON string (memoised). */
  function listCasesJson(orgId, query) {
    return listMemo(`${orgId}\u0000${JSON.stringify(query)}`, () => JSON.stringify(listCases(orgId, query)));
  }

  return { fullCase, createCase, addComment, transition, listCases, listCasesJson, listComments, idempotent, caseRow: (id) => q.caseById.get(id) ?? (/^CS-\d{7}$/.test(id) ? q.caseByNumber.get(id) : undefined), purge: () => q.purgeIdem.run(new Date(Date.now() - 86400000).toISOString()) };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyKey(request) {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) {
    throw problem(400, 'Idempotency-Key required', 'Send an Idempotency-Key header (a fresh random value per new item) so a retry never creates a duplicate.', {
      type: 'validation', errors: [{ field: 'Idempotency-Key', message: 'is required' }],
    });
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw problem(400, 'Invalid Idempotency-Key', 'The Idempotency-Key must be 1-200 visible ASCII characters.', {
      type: 'validation', errors: [{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }],
    });
  }
  return key;
}

/** Sends a case-update email to the case creator; failures are logged, never fail the request. */
async function notify(ctx, log, caseObj, what) {
  try {
    const creator = findAccountById(ctx.db, caseObj.createdBy.id);
    if (!creator?.email || !ctx.outbox) return;
    const url = `${ctx.portalUrl}/#/cases/${encodeURIComponent(caseObj.id)}`;
    const subject = `[${caseObj.number}] ${what}: ${caseObj.subject}`;
    const last = caseObj.history[caseObj.history.length - 1];
    const lines = [
      `Hello ${creator.firstName ?? ''},`.replace(' ,', ','), '',
      `Your support case ${caseObj.number} "${caseObj.subject}" was updated: ${what}.`,
      `Status: ${caseObj.status.replace(/_/g, ' ')}${caseObj.escalationLevel ? ` (escalation level ${caseObj.escalationLevel})` : ''}`,
      ...(last?.note ? ['', `Reason: ${last.note}`] : []), '', `Open the case: ${url}`, '', 'Vendor Support',
    ];
    await ctx.outbox.send({ to: creator.email, subject, text: lines.join('\n'), kind: 'case-update' });
  } catch (e) {
    log.warn({ err: e }, 'case-update email failed');
  }
}

export async function caseRoutes(api, ctx) {
  const { db } = ctx;
  const g = guards(ctx);
  const store = caseStore(db);
  ctx.cases = store;
  let purgeCounter = 0;

  /** The case, if it belongs to the caller's organisation; 404 otherwise (no existence leak). */
  function ownCase(request) {
    const row = store.caseRow(request.params.id);
    if (!row || row.organisation_id !== request.portal.organisation.id) {
      throw problem(404, 'Not found', 'There is no such case in your organisation.');
    }
    return row;
  }

  api.get('/cases', { preHandler: g.portal, schema: { querystring: requests.caseQuery } }, async (request, reply) => {
    const q = request.query;
    const query = { status: q.status, q: q.q, product: q.product, severity: q.severity, sort: q.sort, cursor: q.cursor, limit: q.limit };
    return reply.type('application/json; charset=utf-8').send(store.listCasesJson(request.portal.organisation.id, query));
  });

  api.post('/cases', { preHandler: g.portal, schema: { body: requests.newCase } }, async (request, reply) => {
    const key = idempotencyKey(request);
    const person = personOf(db, request.portal.sub, request.user.claims);
    if (++purgeCounter % 100 === 0) store.purge();
    const result = store.idempotent(request.portal.sub, 'POST /cases', key, request.body, () => ({
      status: 201, body: store.createCase(request.portal, person, request.body),
    }));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.header('location', `/api/v1/cases/${encodeURIComponent(result.body.id)}`);
    return reply.code(result.status).send(result.body);
  });

  api.get('/cases/:id', { preHandler: g.portal, schema: { params: requests.idParams } }, async (request) => {
    return store.fullCase(ownCase(request).id);
  });

  api.get('/cases/:id/comments', {
    preHandler: g.portal, schema: { params: requests.idParams, querystring: requests.commentQuery },
  }, async (request) => store.listComments(ownCase(request).id, request.query));

  api.post('/cases/:id/comments', {
    preHandler: g.portal, schema: { params: requests.idParams, body: requests.newComment },
  }, async (request, reply) => {
    const key = idempotencyKey(request);
    const row = ownCase(request);
    const person = personOf(db, request.portal.sub, request.user.claims);
    const result = store.idempotent(request.portal.sub, `POST /cases/${row.id}/comments`, key, request.body, () => ({
      status: 201, body: store.addComment(store.caseRow(row.id), person, request.body),
    }));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status).send(result.body);
  });

  api.post('/cases/:id/close', {
    preHandler: g.portal, schema: { params: requests.idParams, body: requests.closeCase },
  }, async (request) => {
    const person = personOf(db, request.portal.sub, request.user.claims);
    const updated = db.transaction(() => {
      const row = ownCase(request);
      if (row.status === 'closed') throw problem(409, 'Case already closed', 'This case is already closed.', { type: 'invalid-transition' });
      store.transition(row, 'closed', person, request.body?.reason?.trim() || null);
      return store.fullCase(row.id);
    }).immediate();
    await notify(ctx, request.log, updated, 'closed');
    return updated;
  });

  api.post('/cases/:id/reopen', {
    preHandler: g.portal, schema: { params: requests.idParams, body: requests.reasonRequired },
  }, async (request) => {
    const person = personOf(db, request.portal.sub, request.user.claims);
    const updated = db.transaction(() => {
      const row = ownCase(request);
      if (row.status !== 'solved' && row.status !== 'closed') {
        throw problem(409, 'Case is open', 'Only a solved or closed case can be reopened.', { type: 'invalid-transition' });
      }
      store.transition(row, 'in_progress', person, request.body.reason.trim());
      return store.fullCase(row.id);
    }).immediate();
    await notify(ctx, request.log, updated, 'reopened');
    return updated;
  });

  api.post('/cases/:id/escalations', {
    preHandler: g.portal, schema: { params: requests.idParams, body: requests.reasonRequired },
  }, async (request) => {
    const person = personOf(db, request.portal.sub, request.user.claims);
    const updated = db.transaction(() => {
      const row = ownCase(request);
      if (row.status === 'closed' || row.status === 'solved') {
        throw problem(409, 'Case is not open', 'A solved or closed case cannot be escalated; reopen it first.', { type: 'invalid-transition' });
      }
      if (row.escalation_level >= 3) {
        throw problem(409, 'Highest escalation level reached', 'This case is already at escalation level 3 (support management).', { type: 'escalation-limit' });
      }
      store.transition(row, 'escalated', person, request.body.reason.trim(), row.escalation_level + 1);
      return store.fullCase(row.id);
    }).immediate();
    await notify(ctx, request.log, updated, `escalated to level ${updated.escalationLevel}`);
    return updated;
  });
}
