import { expect } from '@open-wc/testing';
import { createApiClient, type ApiClientOptions } from '../../src/core/api-client.js';
import { ApiError, isAbort } from '../../src/core/errors.js';
import type { Session, SessionState } from '../../src/core/session-types.js';
import { mockBase, problem, requests, script, uniqueKey } from './mock.js';

/** A session stub: hands out tokens, counts renewals and expiries. */
class StubSession implements Session {
  state: SessionState = { status: 'signed-in', user: null, error: null };
  ready = Promise.resolve();
  renewals = 0;
  expired = 0;
  constructor(public token: string | null, private renewTo: (string | null)[] = []) {}
  subscribe() { return () => undefined; }
  async signIn() { /* not used */ }
  async signOut() { this.state = { ...this.state, status: 'signed-out' }; }
  async getAccessToken() { return this.token; }
  async renew() { this.renewals += 1; this.token = this.renewTo.shift() ?? null; return this.token; }
  clearError() { /* not used */ }
  markExpired() { this.expired += 1; this.token = null; this.state = { status: 'error', user: null, error: { code: 'expired', message: 'x' } }; }
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try { await p; } catch (e) { expect(e).to.be.instanceOf(ApiError); return e as ApiError; }
  throw new Error('expected the call to reject');
}

const me = { id: 'u-1', email: 'a@b.example', username: 'a@b.example', firstName: 'A', lastName: 'B', name: 'A B', organisation: null, portalAccess: 'enabled' };
const fastRetry = { delay: () => 20 };

/**
 * Anonymous calls go through plain fetch, calls with a bearer token through ky (api-transport.ts): every error
 * and retry outcome below must be the same on both, so these suites run once per transport.
 */
const TRANSPORTS = [
  { name: 'anonymous, fetch transport', client: (o: ApiClientOptions) => createApiClient(o) },
  { name: 'signed in, ky transport', client: (o: ApiClientOptions) => createApiClient({ session: new StubSession('tok-t'), ...o }) },
];

for (const mode of TRANSPORTS) {
  describe(`createApiClient: errors (${mode.name})`, () => {
    const createApiClient = mode.client;
    it('turns problem+json into an ApiError with status, title, detail, field errors and operation', async () => {
      const key = uniqueKey();
      await script(key, [problem(422, 'Invalid case', { detail: 'Two fields need attention.', errors: [{ field: 'subject', message: 'is too short' }, { field: 'severity', message: 'must be one of critical, high, medium, low' }] })]);
      const api = createApiClient({ apiUrl: mockBase(key) });
      const e = await rejection(api.createCase({ subject: 'x', description: 'y', productId: 'p', severity: 'low' }, { idempotencyKey: 'k-1' }));
      expect(e.kind).to.equal('http');
      expect(e.status).to.equal(422);
      expect(e.operation).to.equal('createCase');
      expect(e.title).to.equal('Invalid case');
      expect(e.detail).to.equal('Two fields need attention.');
      expect(e.fieldErrors).to.deep.equal([{ field: 'subject', message: 'is too short' }, { field: 'severity', message: 'must be one of critical, high, medium, low' }]);
      expect(e.message).to.equal('Invalid case: Two fields need attention.');
    });

    it('a 500 with an HTML body becomes a readable http error (and a GET is retried before giving up)', async () => {
      const key = uniqueKey();
      const html500 = { status: 500, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Internal Server Error</h1></body></html>' };
      await script(key, [html500, html500, html500]);
      const api = createApiClient({ apiUrl: mockBase(key), retry: fastRetry });
      const e = await rejection(api.listProducts());
      expect(e.kind).to.equal('http');
      expect(e.status).to.equal(500);
      expect(e.message).to.not.contain('<');
      expect(e.message).to.match(/support service had a problem/i);
      expect(e.retryable).to.equal(true);
      expect((await requests(key)).length).to.equal(3);
    });

    it('malformed JSON in a 200 is kind invalid-response', async () => {
      const key = uniqueKey();
      await script(key, [{ status: 200, headers: { 'content-type': 'application/json' }, body: '{"items": [1, 2' }]);
      const e = await rejection(createApiClient({ apiUrl: mockBase(key) }).listCases({}));
      expect(e.kind).to.equal('invalid-response');
      expect(e.operation).to.equal('listCases');
      expect(e.message).to.contain('does not understand').and.contain('not valid JSON');
    });

    it('a 2xx of the wrong shape, or HTML instead of JSON, is kind invalid-response', async () => {
      const key = uniqueKey();
      await script(key, [{ json: { cases: [] } }, { headers: { 'content-type': 'text/html' }, body: '<p>login</p>' }, { json: { nope: true } }]);
      const api = createApiClient({ apiUrl: mockBase(key) });
      const a = await rejection(api.listCases({}));
      expect(a.kind).to.equal('invalid-response');
      expect(a.detail).to.contain('page of cases');
      const b = await rejection(api.getContacts());
      expect(b.kind).to.equal('invalid-response');
      expect(b.detail).to.contain('text/html');
      expect((await rejection(api.me())).kind).to.equal('invalid-response');
    });

    it('no answer in time is kind timeout', async () => {
      const key = uniqueKey();
      await script(key, [{ json: me, delayMs: 800 }]);
      const e = await rejection(createApiClient({ apiUrl: mockBase(key), timeout: 150 }).me());
      expect(e.kind).to.equal('timeout');
      expect(e.message).to.match(/took too long/);
    });

    it('a server that cannot be reached is kind network', async () => {
      const api = createApiClient({ apiUrl: 'http://127.0.0.1:9/api/v1', retry: { limit: 0 } });
      const e = await rejection(api.listProducts());
      expect(e.kind).to.equal('network');
      expect(e.status).to.equal(0);
      expect(e.message).to.match(/could not be reached/);
    });

    it('an aborted call is kind abort (isAbort) and a stale request never resolves into the newer one', async () => {
      const key = uniqueKey();
      await script(key, [{ json: { items: [{ id: 'old' }], nextCursor: null, total: 1 }, delayMs: 1000 }, { json: { items: [{ id: 'new' }], nextCursor: null, total: 1 } }]);
      const api = createApiClient({ apiUrl: mockBase(key) });
      const first = new AbortController();
      const stale = rejection(api.searchKb({ q: 'vpn' }, { signal: first.signal }));
      await new Promise((r) => setTimeout(r, 50));
      first.abort();
      const fresh = await api.searchKb({ q: 'vpn client' });
      const e = await stale;
      expect(e.kind).to.equal('abort');
      expect(isAbort(e)).to.equal(true);
      expect(fresh.items[0]).to.deep.equal({ id: 'new' });
    });

    it('an already aborted signal rejects with kind abort', async () => {
      const c = new AbortController();
      c.abort();
      const e = await rejection(createApiClient({ apiUrl: mockBase(uniqueKey()) }).me({ signal: c.signal }));
      expect(e.kind).to.equal('abort');
    });
  });

  describe(`createApiClient: retries (${mode.name})`, () => {
    it('retries a GET on 503 and succeeds; respects Retry-After', async () => {
      const key = uniqueKey();
      await script(key, [{ status: 503, headers: { 'Retry-After': '1' }, body: '' }, { json: [{ id: 'p1', name: 'Endpoint', family: 'EP' }] }]);
      const started = performance.now();
      const products = await mode.client({ apiUrl: mockBase(key), retry: fastRetry }).listProducts();
      expect(products).to.have.length(1);
      expect(performance.now() - started).to.be.greaterThan(900);
      expect((await requests(key)).length).to.equal(2);
    });

    it('never retries a POST (callers retry with the same Idempotency-Key)', async () => {
      const key = uniqueKey();
      await script(key, [{ status: 503, body: '' }, { json: { id: 'c-1' } }]);
      const e = await rejection(mode.client({ apiUrl: mockBase(key), retry: fastRetry }).addComment('c-1', { body: 'hi' }, { idempotencyKey: 'k-7' }));
      expect(e.status).to.equal(503);
      expect(e.retryable).to.equal(true);
      expect((await requests(key)).length).to.equal(1);
    });

    it('retries a GET after a network failure (with the backoff) before it gives up with kind network', async () => {
      const started = performance.now();
      const e = await rejection(mode.client({ apiUrl: 'http://127.0.0.1:9/api/v1', retry: { limit: 1, delay: () => 400 } }).listProducts());
      expect(e.kind).to.equal('network');
      expect(performance.now() - started).to.be.greaterThan(380);
    });

    it('cuts a long Retry-After to maxRetryAfter instead of hanging', async () => {
      const key = uniqueKey();
      await script(key, [{ status: 429, headers: { 'Retry-After': '3600' }, body: '' }, { json: [] }]);
      const started = performance.now();
      expect(await mode.client({ apiUrl: mockBase(key), retry: { maxRetryAfter: 200 } }).listProducts()).to.deep.equal([]);
      expect(performance.now() - started).to.be.within(180, 3000);
    });
  });
}

describe('createApiClient: auth and retries', () => {
  it('sends the bearer token, and on 401 renews once and repeats the call once', async () => {
    const key = uniqueKey();
    await script(key, [problem(401, 'Unauthorized'), { json: me }]);
    const session = new StubSession('tok-1', ['tok-2']);
    const got = await createApiClient({ apiUrl: mockBase(key), session }).me();
    expect(got.id).to.equal('u-1');
    expect(session.renewals).to.equal(1);
    expect(session.expired).to.equal(0);
    const log = await requests(key);
    expect(log.map((r) => r.headers.authorization)).to.deep.equal(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('a second 401 moves the session to signed-out and rejects with 401', async () => {
    const key = uniqueKey();
    await script(key, [problem(401, 'Unauthorized'), problem(401, 'Unauthorized'), { json: me }]);
    const session = new StubSession('tok-1', ['tok-2']);
    const e = await rejection(createApiClient({ apiUrl: mockBase(key), session }).me());
    expect(e.status).to.equal(401);
    expect(session.renewals).to.equal(1);
    expect(session.expired).to.equal(1);
    expect((await requests(key)).length).to.equal(2);
  });

  it('a renewal that returns null signs out without repeating the call', async () => {
    const key = uniqueKey();
    await script(key, [{ status: 401, body: '' }, { json: me }]);
    const session = new StubSession('tok-1', [null]);
    const e = await rejection(createApiClient({ apiUrl: mockBase(key), session }).listCases({}));
    expect(e.status).to.equal(401);
    expect(e.message).to.match(/session has ended/i);
    expect(session.expired).to.equal(1);
    expect((await requests(key)).length).to.equal(1);
  });

  it('a 401 without a token (signed out) does not touch the session', async () => {
    const key = uniqueKey();
    await script(key, [problem(401, 'Unauthorized')]);
    const session = new StubSession(null, ['never']);
    const e = await rejection(createApiClient({ apiUrl: mockBase(key), session }).me());
    expect(e.status).to.equal(401);
    expect(session.renewals).to.equal(0);
    expect((await requests(key))[0].headers.authorization).to.equal(null);
  });
});

describe('createApiClient: requests', () => {
  it('sends Idempotency-Key on createCase and addComment, JSON bodies, and the right paths', async () => {
    const key = uniqueKey();
    await script(key, [{ status: 201, json: { id: 'c-9', number: 'CS-9' } }, { status: 201, json: { id: 'm-1' } }]);
    const api = createApiClient({ apiUrl: mockBase(key) });
    await api.createCase({ subject: 'VPN drops', description: 'Every hour', productId: 'p1', severity: 'high' }, { idempotencyKey: 'draft-key-1' });
    await api.addComment('c 9/x', { body: 'More logs' }, { idempotencyKey: 'comment-key-2' });
    const log = await requests(key);
    expect(log[0]).to.include({ method: 'POST', path: '/cases' });
    expect(log[0].headers['idempotency-key']).to.equal('draft-key-1');
    expect(log[0].headers['content-type']).to.match(/^application\/json/);
    expect(JSON.parse(log[0].body)).to.deep.equal({ subject: 'VPN drops', description: 'Every hour', productId: 'p1', severity: 'high' });
    expect(log[1].path).to.equal('/cases/c%209%2Fx/comments');
    expect(log[1].headers['idempotency-key']).to.equal('comment-key-2');
  });

  it('joins arrays with commas and drops undefined query values', async () => {
    const key = uniqueKey();
    await script(key, [{ json: { items: [], nextCursor: null, total: 0 } }, { json: [] }]);
    const api = createApiClient({ apiUrl: mockBase(key) });
    await api.listCases({ status: ['new', 'in_progress'], severity: ['critical'], q: 'vpn', product: undefined, sort: '-updated', limit: 50 });
    await api.listDocuments({ product: undefined, lang: 'fi' });
    const log = await requests(key);
    const q = new URLSearchParams(log[0].query);
    expect(q.get('status')).to.equal('new,in_progress');
    expect(q.get('severity')).to.equal('critical');
    expect(q.get('q')).to.equal('vpn');
    expect(q.get('sort')).to.equal('-updated');
    expect(q.get('limit')).to.equal('50');
    expect(q.has('product')).to.equal(false);
    expect(log[1].query).to.equal('lang=fi');
  });

  it('downloads an attachment as a Blob with the token, and sends feedback expecting no body', async () => {
    const key = uniqueKey();
    await script(key, [{ headers: { 'content-type': 'text/plain' }, body: 'log line 1' }, { status: 204 }]);
    const api = createApiClient({ apiUrl: mockBase(key), session: new StubSession('tok-d') });
    const blob = await api.downloadAttachment('a-1');
    expect(await blob.text()).to.equal('log line 1');
    await api.sendArticleFeedback('kb-1', { helpful: true });
    const log = await requests(key);
    expect(log[0].headers.authorization).to.equal('Bearer tok-d');
    expect(log[1]).to.include({ method: 'POST', path: '/kb/articles/kb-1/feedback' });
  });
});

describe('createApiClient: uploadAttachment', () => {
  it('uploads multipart with the token and reports progress', async () => {
    const key = uniqueKey();
    const attachment = { id: 'att-1', fileName: 'trace.log', contentType: 'text/plain', size: 2048, createdAt: '2026-01-01T00:00:00Z' };
    await script(key, [{ status: 201, json: attachment }]);
    const progress: number[] = [];
    const file = new File(['x'.repeat(2048)], 'trace.log', { type: 'text/plain' });
    const got = await createApiClient({ apiUrl: mockBase(key), session: new StubSession('tok-u') })
      .uploadAttachment(file, { onProgress: (loaded) => progress.push(loaded) });
    expect(got).to.deep.equal(attachment);
    const [req] = await requests(key);
    expect(req).to.include({ method: 'POST', path: '/attachments' });
    expect(req.headers.authorization).to.equal('Bearer tok-u');
    expect(req.headers['content-type']).to.match(/^multipart\/form-data/);
    expect(req.body).to.contain('filename="trace.log"');
    expect(progress.length).to.be.greaterThan(0);
  });

  it('maps problem+json, 401 → renew → retry, and abort', async () => {
    const key = uniqueKey();
    await script(key, [problem(413, 'File too large', { detail: 'Attachments may be at most 25 MB.' }), problem(401, 'Unauthorized'), { status: 201, json: { id: 'att-2' } }, { json: { id: 'late' }, delayMs: 1000 }]);
    const session = new StubSession('tok-1', ['tok-2']);
    const api = createApiClient({ apiUrl: mockBase(key), session });
    const file = new File(['abc'], 'a.txt', { type: 'text/plain' });
    const e = await rejection(api.uploadAttachment(file));
    expect(e).to.include({ kind: 'http', status: 413, operation: 'uploadAttachment', detail: 'Attachments may be at most 25 MB.' });
    const ok = await api.uploadAttachment(file);
    expect(ok.id).to.equal('att-2');
    expect(session.renewals).to.equal(1);
    const c = new AbortController();
    const pending = api.uploadAttachment(file, { signal: c.signal });
    setTimeout(() => c.abort(), 50);
    expect((await rejection(pending)).kind).to.equal('abort');
  });
});
