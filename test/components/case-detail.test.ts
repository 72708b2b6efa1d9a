import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanup, deferred, fakeApi, FakeSession, mountWith, recordRenders, signedInUser } from '../helpers/fakes.js';
import '../../src/components/case-detail/define.js';
import type { EsCaseDetail } from '../../src/components/case-detail/case-detail.js';
import type { Comment, Page, SupportCase } from '../../src/core/models.js';
import type { CreateOptions, RequestOptions, SupportApi } from '../../src/core/api-types.js';
import { ApiError } from '../../src/core/errors.js';

const H = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const engineer = { id: 's-1', name: 'Laura Koskinen (Support)', role: 'support' as const };
const anna = { id: signedInUser.sub, name: 'Anna Virtanen', role: 'customer' as const };

function makeCase(extra: Partial<SupportCase> = {}): SupportCase {
  return {
    id: 'case-7', number: 'CS-0104239', subject: 'VPN tunnels drop every 60 minutes on rekey', productId: 'p-vpn',
    productName: 'Bastion VPN Gateway', severity: 'critical', status: 'in_progress', createdAt: ago(72 * H), updatedAt: ago(2 * H),
    description: 'Tunnels drop at rekey.\nSee https://support.example.com/kb/1001 for what we tried.\njavascript:alert(1)',
    contactPhone: '+358 40 123 4567', createdBy: anna,
    attachments: [{ id: 'att-1', fileName: 'gateway.log', contentType: 'text/plain', size: 19420, createdAt: ago(70 * H) }],
    history: [
      { from: null, to: 'new', at: ago(72 * H), by: anna, note: null },
      { from: 'new', to: 'in_progress', at: ago(60 * H), by: engineer, note: null },
    ],
    escalationLevel: 0, commentCount: 2, ...extra,
  };
}
const baseComments: Comment[] = [
  { id: 'c-1', caseId: 'case-7', author: engineer, body: 'Please send the logs.', createdAt: ago(50 * H), attachments: [] },
  { id: 'c-2', caseId: 'case-7', author: anna, body: 'Logs attached.', createdAt: ago(40 * H), attachments: [] },
];
const pageOf = (items: Comment[]): Page<Comment> => ({ items, nextCursor: null, total: items.length });
const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });

function api(overrides: Partial<SupportApi> = {}, c: SupportCase = makeCase(), comments = baseComments): SupportApi {
  return fakeApi({
    getCase: async () => structuredClone(c),
    listComments: async (_id: string, o?: RequestOptions & { since?: string }) => pageOf(o?.since ? [] : structuredClone(comments)),
    ...overrides,
  });
}
const $ = <T extends Element = HTMLElement>(el: EsCaseDetail, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const loaded = async (el: EsCaseDetail) => { await waitUntil(() => $(el, '[part=header]') || $(el, '[part~=error]'), 'not loaded'); await el.updateComplete; };
async function typeComment(el: EsCaseDetail, text: string) {
  const ta = $<HTMLTextAreaElement>(el, '#comment')!;
  ta.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('es-case-detail', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(cleanup);

  it('is accessible with a loaded case', async () => {
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: api(), session: signedIn() });
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('renders the header, description with safe links, attachments, thread with role markers and history', async () => {
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: api(), session: signedIn() });
    await loaded(el);
    expect($(el, '.number')!.textContent).to.equal('CS-0104239');
    expect($(el, '[part~=title]')!.textContent).to.equal('VPN tunnels drop every 60 minutes on rekey');
    expect($(el, '[part~=status-badge]')!.textContent).to.equal('In progress');
    expect($(el, '[part~=severity-badge]')!.textContent).to.equal('Critical');
    const desc = $(el, '.description')!;
    expect(getComputedStyle(desc).whiteSpace).to.equal('pre-wrap');
    const links = desc.querySelectorAll('a');
    expect(links).to.have.length(1);
    expect(links[0]!.getAttribute('href')).to.equal('https://support.example.com/kb/1001');
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow');
    expect(desc.textContent).to.contain('javascript:alert(1)');
    expect(el.shadowRoot!.querySelectorAll('[part~=comment]')).to.have.length(2);
    expect($(el, '[part~=comment-support] .badge')!.textContent).to.equal('Support');
    expect($(el, '[part~=comment-customer] .badge')!.textContent).to.equal('Customer');
    expect(el.shadowRoot!.querySelectorAll('.timeline li')).to.have.length(2);
    expect($(el, '[part=case-attachments] [part=attachment-button]')!.textContent).to.contain('gateway.log');
  });

  it('shows the signed-out state without loading', async () => {
    let calls = 0;
    const a = api({ getCase: async () => { calls++; return makeCase(); } });
    const session = new FakeSession();
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7"></es-case-detail>', { api: a, session });
    await expect(el).to.be.accessible();
    expect($(el, '[part=signed-out]')).to.exist;
    expect(calls).to.equal(0);
    // after sign-in the case loads
    session.set({ status: 'signed-in', user: signedInUser });
    await loaded(el);
    expect(calls).to.equal(1);
  });

  it('while the session restores a stored sign-in: a checking state, then the case, never the sign-in prompt', async () => {
    let calls = 0;
    const session = new FakeSession().holdReady();
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
      api: api({ getCase: async () => { calls++; return makeCase(); } }), session,
    });
    const seen = recordRenders(el);
    expect($(el, '[part~=checking]')!.getAttribute('role')).to.equal('status');
    expect($(el, '[part~=sign-in-button]')).to.equal(null);
    expect(calls).to.equal(0);
    session.set({ status: 'signed-in', user: signedInUser });
    session.resolveReady();
    await loaded(el);
    expect(calls).to.equal(1);
    expect(seen.parts().has('signed-out')).to.equal(false);
  });

  it('loading, then error with retry; 404 says not found or another organisation', async () => {
    const d = deferred<SupportCase>();
    let n = 0;
    const a = api({ getCase: () => { n++; return n === 1 ? d.promise : Promise.resolve(makeCase()); } });
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: a, session: signedIn() });
    expect($(el, '[part=loading]')).to.exist;
    d.reject(new ApiError({ kind: 'http', status: 500, operation: 'getCase' }));
    await loaded(el);
    expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
    $<HTMLButtonElement>(el, '[part=retry-button]')!.click();
    await waitUntil(() => $(el, '[part=header]'));
    const notFound = await mountWith<EsCaseDetail>('<es-case-detail case-id="nope" poll-interval="0"></es-case-detail>', {
      api: api({ getCase: async () => { throw new ApiError({ kind: 'http', status: 404, operation: 'getCase' }); } }), session: signedIn(),
    });
    await loaded(notFound);
    expect($(notFound, '[part~=not-found]')!.textContent).to.contain('not found, or it belongs to another organisation');
    await expect(notFound).to.be.accessible();
  });

  it('renders hostile text inert everywhere', async () => {
    (window as unknown as { __xss?: number }).__xss = undefined;
    const bad = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    const c = makeCase({ subject: bad, description: `${bad} javascript:window.__xss=1`, productName: bad, contactPhone: bad,
      createdBy: { id: 'x', name: bad, role: 'customer' },
      attachments: [{ id: 'a', fileName: bad, contentType: 'text/plain', size: 1, createdAt: ago(H) }] });
    const comments = [{ ...baseComments[0]!, body: `${bad} https://ok.example/"><svg onload=window.__xss=1>`, author: { ...engineer, name: bad } }];
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: api({}, c, comments), session: signedIn() });
    await loaded(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
    expect($(el, '[part~=title]')!.textContent).to.equal(bad);
    expect(el.shadowRoot!.querySelectorAll('a[href^="javascript"]')).to.have.length(0);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('optimistic comment: shown as sending, rolled back on failure with the text kept; the retry reuses the key', async () => {
    const keys: string[] = [];
    const attempts: ReturnType<typeof deferred<Comment>>[] = [];
    const a = api({
      addComment: (_id: string, _input, o: CreateOptions) => { keys.push(o.idempotencyKey); const d = deferred<Comment>(); attempts.push(d); return d.promise; },
    });
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: a, session: signedIn() });
    await loaded(el);
    await typeComment(el, 'The workaround did not help.');
    $<HTMLButtonElement>(el, '[part=send-button]')!.click();
    await el.updateComplete;
    const pending = $(el, '[part~=comment-pending]')!;
    expect(pending.textContent).to.contain('The workaround did not help.');
    expect(pending.textContent).to.contain('Sending…');
    expect($<HTMLButtonElement>(el, '[part=send-button]')!.disabled).to.equal(true);
    attempts[0]!.reject(new ApiError({ kind: 'network', operation: 'addComment' }));
    await waitUntil(() => $(el, '[part=comment-error]'));
    expect($(el, '[part~=comment-pending]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~=comment]')).to.have.length(2);
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('The workaround did not help.');
    expect($(el, '[part=comment-error]')!.textContent).to.contain('Your comment was not sent');
    await expect(el).to.be.accessible();
    // retry: same key; success replaces the optimistic comment and clears the draft
    $<HTMLButtonElement>(el, '[part=send-button]')!.click();
    await el.updateComplete;
    const updated = oneEvent(el, 'es-case-update');
    attempts[1]!.resolve({ id: 'c-3', caseId: 'case-7', author: anna, body: 'The workaround did not help.', createdAt: new Date().toISOString(), attachments: [] });
    const ev = await updated;
    expect(ev.detail.action).to.equal('comment');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    await el.updateComplete;
    expect($(el, '[data-id=c-3]')).to.exist;
    expect($(el, '[part~=comment-pending]')).to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('');
    expect(Object.keys(sessionStorage).filter((k) => k.includes('case-comment'))).to.have.length(0);
  });

  it('a key already used for other text (edited after a lost answer) gets a new key instead of failing', async () => {
    const keys: string[] = [];
    const a = api({
      addComment: async (_id: string, input, o: CreateOptions) => {
        keys.push(o.idempotencyKey);
        if (keys.length === 1) {
          throw ApiError.fromProblem('addComment', { type: 'https://eservice.example/problems/idempotency-key-reused', title: 'Idempotency key reused', status: 422 });
        }
        return { id: 'c-9', caseId: 'case-7', author: anna, body: input.body, createdAt: new Date().toISOString(), attachments: [] };
      },
    });
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: a, session: signedIn() });
    await loaded(el);
    await typeComment(el, 'Edited after the reload');
    $<HTMLButtonElement>(el, '[part=send-button]')!.click();
    await waitUntil(() => $(el, '[data-id=c-9]'), 'comment not shown');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
    expect($(el, '[part=comment-error]')).to.equal(null);
  });

  it('keeps an unsent comment (and its key) across a re-mount', async () => {
    const keys: string[] = [];
    const failing = api({ addComment: async (_i, _b, o) => { keys.push(o.idempotencyKey); throw new ApiError({ kind: 'http', status: 503, operation: 'addComment' }); } });
    let el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: failing, session: signedIn() });
    await loaded(el);
    await typeComment(el, 'Draft that must survive');
    $<HTMLButtonElement>(el, '[part=send-button]')!.click();
    await waitUntil(() => $(el, '[part=comment-error]'));
    cleanup();
    el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: failing, session: signedIn() });
    await loaded(el);
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Draft that must survive');
    $<HTMLButtonElement>(el, '[part=send-button]')!.click();
    await waitUntil(() => keys.length === 2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('close asks for confirmation in a modal dialog; cancel returns focus; confirm shows the status at once', async () => {
    const d = deferred<SupportCase>();
    let closes = 0;
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
      api: api({ closeCase: () => { closes++; return d.promise; } }), session: signedIn(),
    });
    await loaded(el);
    const closeBtn = $<HTMLButtonElement>(el, '[part=close-button]')!;
    closeBtn.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expect(closes).to.equal(0);
    await waitUntil(() => el.shadowRoot!.activeElement === closeBtn, 'focus did not return');
    closeBtn.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await el.updateComplete;
    expect(closes).to.equal(1);
    expect($(el, '[part~=status-badge]')!.textContent).to.equal('Closed'); // optimistic
    const ev = oneEvent(el, 'es-case-update');
    d.resolve(makeCase({ status: 'closed' }));
    expect((await ev).detail.case.status).to.equal('closed');
    await el.updateComplete;
    expect($(el, '[part=reopen-button]')).to.exist;
    expect($(el, '[part=close-button]')).to.equal(null);
  });

  it('switching case-id keeps the unsent comment with its own case', async () => {
    const a = api({ getCase: async (id) => makeCase({ id, number: id === 'case-8' ? 'CS-0104240' : 'CS-0104239' }) });
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: a, session: signedIn() });
    await loaded(el);
    await typeComment(el, 'For case 7 only');
    el.caseId = 'case-8';
    await waitUntil(() => $(el, '.number')?.textContent === 'CS-0104240');
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('');
    const stored = (id: string) => sessionStorage.getItem(`es-draft:case-comment:${signedInUser.sub}:${id}`);
    expect(JSON.parse(stored('case-7')!).data.body).to.equal('For case 7 only');
    expect(stored('case-8')).to.equal(null);
    el.caseId = 'case-7';
    await waitUntil(() => $(el, '.number')?.textContent === 'CS-0104239');
    await waitUntil(() => $<HTMLTextAreaElement>(el, '#comment')?.value === 'For case 7 only');
  });

  it('a failed close rolls back the status with a message', async () => {
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
      api: api({ closeCase: async () => { throw new ApiError({ kind: 'http', status: 500, operation: 'closeCase' }); } }), session: signedIn(),
    });
    await loaded(el);
    $<HTMLButtonElement>(el, '[part=close-button]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await waitUntil(() => $(el, '[part=action-error]'));
    expect($(el, '[part=action-error]')!.textContent).to.contain('could not be closed');
    expect($(el, '[part~=status-badge]')!.textContent).to.equal('In progress');
  });

  it('reopen requires a reason', async () => {
    const reasons: string[] = [];
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
      api: api({ reopenCase: async (_id, input) => { reasons.push(input.reason); return makeCase({ status: 'in_progress' }); } }, makeCase({ status: 'closed' })),
      session: signedIn(),
    });
    await loaded(el);
    expect($(el, '[part=comment-form]')).to.equal(null);
    $<HTMLButtonElement>(el, '[part=reopen-button]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await el.updateComplete;
    expect(reasons).to.have.length(0);
    expect($(el, '#reason-error')!.textContent).to.contain('reason');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    await sendKeys({ type: 'The drops are back after the firmware update.' });
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await waitUntil(() => reasons.length === 1);
    expect(reasons[0]).to.equal('The drops are back after the firmware update.');
  });

  it('escalation shows the level it goes to, needs a reason, and is disabled at level 3 and when closed', async () => {
    const reasons: string[] = [];
    const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
      api: api({ escalateCase: async (_id, i) => { reasons.push(i.reason); return makeCase({ status: 'escalated', escalationLevel: 2 }); } }, makeCase({ escalationLevel: 1, status: 'escalated' })),
      session: signedIn(),
    });
    await loaded(el);
    expect($(el, '#escalate-hint')!.textContent).to.contain('level 2 of 3');
    $<HTMLButtonElement>(el, '[part=escalate-button]')!.click();
    await el.updateComplete;
    expect($(el, '#dialog-text')!.textContent).to.contain('level 2 of 3');
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await el.updateComplete;
    expect(reasons).to.have.length(0);
    await sendKeys({ type: 'Production is down for 400 users.' });
    $<HTMLButtonElement>(el, '[part=confirm-button]')!.click();
    await waitUntil(() => reasons.length === 1);
    await el.updateComplete;
    expect($(el, '#escalate-hint')!.textContent).to.contain('level 3 of 3');

    const top = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: api({}, makeCase({ escalationLevel: 3, status: 'escalated' })), session: signedIn() });
    await loaded(top);
    expect($<HTMLButtonElement>(top, '[part=escalate-button]')!.disabled).to.equal(true);
    expect($(top, '#escalate-hint')!.textContent).to.contain('highest escalation level');
    const closed = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', { api: api({}, makeCase({ status: 'closed' })), session: signedIn() });
    await loaded(closed);
    expect($<HTMLButtonElement>(closed, '[part=escalate-button]')!.disabled).to.equal(true);
  });

  /** Test pages may run in a background tab (web-test-runner runs files in parallel): pin visibilityState. */
  function pinVisibility(state: DocumentVisibilityState): () => void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    return () => { delete (document as unknown as Record<string, unknown>)['visibilityState']; };
  }

  it('does not poll while the tab is hidden', async () => {
    const unpin = pinVisibility('hidden');
    try {
      let polls = 0;
      const a = api({ listComments: async (_id, o) => { if (o?.since) polls++; return pageOf(o?.since ? [] : structuredClone(baseComments)); } });
      const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="200"></es-case-detail>', { api: a, session: signedIn() });
      await loaded(el);
      await new Promise((r) => setTimeout(r, 700));
      expect(polls).to.equal(0);
    } finally { unpin(); }
  });

  it('polls for new replies with `since`, merges them with a "New reply" marker and announces them', async () => {
    const unpin = pinVisibility('visible');
    try {
      const sinces: (string | undefined)[] = [];
      const reply: Comment = { id: 'c-9', caseId: 'case-7', author: engineer, body: 'A hotfix is available.', createdAt: new Date().toISOString(), attachments: [] };
      let polls = 0;
      const a = api({
        listComments: async (_id, o) => {
          sinces.push(o?.since);
          if (!o?.since) return pageOf(structuredClone(baseComments));
          polls++;
          return pageOf(polls >= 2 ? [reply] : []);
        },
      });
      const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="200"></es-case-detail>', { api: a, session: signedIn() });
      await loaded(el);
      await waitUntil(() => $(el, '[data-id=c-9]'), 'reply not merged', { timeout: 6000 });
      expect(sinces[1]).to.equal(baseComments[1]!.createdAt);
      expect($(el, '[data-id=c-9] [part=new-marker]')!.textContent).to.equal('New reply');
      expect($(el, '[part=announcer]')!.textContent).to.contain('New reply');
      expect(el.shadowRoot!.querySelectorAll('[part~=comment]')).to.have.length(3);
      // merged only once even if polled again
      await new Promise((r) => setTimeout(r, 450));
      expect(el.shadowRoot!.querySelectorAll('[data-id=c-9]')).to.have.length(1);
    } finally { unpin(); }
  });

  it('downloads an attachment through an object URL that is revoked afterwards', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const origCreate = URL.createObjectURL;
    const origRevoke = URL.revokeObjectURL;
    const origClick = HTMLAnchorElement.prototype.click;
    let clicked: HTMLAnchorElement | null = null;
    URL.createObjectURL = (b: Blob | MediaSource) => { const u = origCreate(b); created.push(u); return u; };
    URL.revokeObjectURL = (u: string) => { revoked.push(u); origRevoke(u); };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) { clicked = this; };
    try {
      const el = await mountWith<EsCaseDetail>('<es-case-detail case-id="case-7" poll-interval="0"></es-case-detail>', {
        api: api({ downloadAttachment: async () => new Blob(['log line'], { type: 'text/plain' }) }), session: signedIn(),
      });
      await loaded(el);
      $<HTMLButtonElement>(el, '[part=case-attachments] [part=attachment-button]')!.click();
      await waitUntil(() => clicked);
      expect(clicked!.download).to.equal('gateway.log');
      expect(clicked!.href).to.equal(created[0]);
      await waitUntil(() => revoked.length === 1, 'not revoked', { timeout: 2500 });
      expect(revoked[0]).to.equal(created[0]);
    } finally {
      URL.createObjectURL = origCreate; URL.revokeObjectURL = origRevoke; HTMLAnchorElement.prototype.click = origClick;
    }
  });
});
