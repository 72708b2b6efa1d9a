// es-case-detail with a long comment thread: it opens at the newest comments and "Show earlier comments" pages
// back (order=desc + cursor), in place, by keyboard, with retry after a failure, never mixing two cases' threads.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanup, deferred, fakeApi, FakeSession, mountWith, signedInUser } from '../helpers/fakes.js';
import { makeThread, pageComments } from '../helpers/fake-comments.js';
import '../../src/components/case-detail/define.js';
import type { EsCaseDetail } from '../../src/components/case-detail/case-detail.js';
import type { Comment, CommentQuery, NewComment, Page, SupportCase } from '../../src/core/models.js';
import type { RequestOptions, SupportApi } from '../../src/core/api-types.js';
import { ApiError } from '../../src/core/errors.js';
import type { EsErrorEvent } from '../../src/events/es-error.js';

type ListOptions = RequestOptions & CommentQuery;
const anna = { id: signedInUser.sub, name: 'Anna Virtanen', role: 'customer' as const };
const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });

function makeCase(id: string, commentCount: number): SupportCase {
  const at = new Date(Date.now() - 30 * 86400_000).toISOString();
  return {
    id, number: `CS-${String(100000 + commentCount).padStart(7, '0')}`, subject: `Long thread ${id}`, productId: 'p-vpn',
    productName: 'Bastion VPN Gateway', severity: 'high', status: 'in_progress', createdAt: at, updatedAt: at,
    description: 'A case that has collected many comments.', contactPhone: null, createdBy: anna, attachments: [],
    history: [{ from: null, to: 'new', at, by: anna, note: null }], escalationLevel: 0, commentCount,
  };
}

/** A fake API over live threads (case id → comments, oldest first) that pages like the server and logs each call. */
function threadApi(threads: Record<string, Comment[]>, over: Partial<SupportApi> = {}) {
  const calls: { id: string; o: ListOptions }[] = [];
  const api = fakeApi({
    getCase: async (id) => makeCase(id, threads[id]?.length ?? 0),
    listComments: async (id, o = {}) => { calls.push({ id, o }); return pageComments(threads[id] ?? [], o); },
    ...over,
  });
  return { api, calls };
}

const $ = <T extends Element = HTMLElement>(el: EsCaseDetail, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const shownIds = (el: EsCaseDetail) => [...el.shadowRoot!.querySelectorAll('[part~=comment]')].map((x) => x.getAttribute('data-id')!);
const earlierButton = (el: EsCaseDetail) => $<HTMLButtonElement>(el, '[part~=earlier-button]');
const active = (el: EsCaseDetail) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Ids `${prefix}-from` … `${prefix}-to`. */
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${prefix}-${from + k}`);

async function open(threads: Record<string, Comment[]>, attrs = '', over: Partial<SupportApi> = {}) {
  const f = threadApi(threads, over);
  const id = Object.keys(threads)[0]!;
  const el = await mountWith<EsCaseDetail>(`<es-case-detail case-id="${id}" poll-interval="0" ${attrs}></es-case-detail>`, { api: f.api, session: signedIn() });
  await waitUntil(() => $(el, '[part=header]'), 'case not loaded');
  await el.updateComplete;
  return { el, ...f };
}

/** Clicks "Show earlier comments" and waits until the thread has grown past `before` comments. */
async function showEarlier(el: EsCaseDetail) {
  const before = shownIds(el).length;
  earlierButton(el)!.click();
  await waitUntil(() => shownIds(el).length > before, 'earlier comments not shown');
  await el.updateComplete;
}

/** Test pages may run in a background tab (web-test-runner runs files in parallel): pin visibilityState. */
function pinVisibility(state: DocumentVisibilityState): () => void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  return () => { delete (document as unknown as Record<string, unknown>)['visibilityState']; };
}

describe('es-case-detail: long comment threads', () => {
  beforeEach(() => { sessionStorage.clear(); window.scrollTo(0, 0); });
  afterEach(cleanup);

  it('opens 250 comments at the newest page, oldest first on screen, with the button counting the rest', async () => {
    const { el, calls } = await open({ 'case-l': makeThread('case-l', 250) });
    await expect(el).to.be.accessible();
    expect(calls).to.have.length(1);
    expect(calls[0]!.o).to.include({ order: 'desc', limit: 30 });
    expect(calls[0]!.o.cursor).to.equal(undefined);
    expect(shownIds(el)).to.deep.equal(range('c', 221, 250), 'the newest 30, oldest of them first');
    expect(earlierButton(el)!.textContent!.trim()).to.equal('Show earlier comments (220 more)');
    expect($(el, '#thread-title')!.textContent).to.equal('Conversation (250)', 'the heading counts the whole thread');
    // The latest reply is the last comment, right before the reply box; the button is above the first one shown.
    const thread = $(el, '[part=thread]')!;
    expect(thread.nextElementSibling!.getAttribute('part')).to.equal('comment-form');
    expect(earlierButton(el)!.compareDocumentPosition($(el, '[part~=comment]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('a short thread has no button; comment-page-size sets the page and is kept within the API limit', async () => {
    const { el } = await open({ 'case-s': makeThread('case-s', 12) });
    expect(shownIds(el)).to.deep.equal(range('c', 1, 12));
    expect(earlierButton(el)).to.equal(null);
    expect($(el, '#thread-title')!.textContent).to.equal('Conversation (12)');
    const small = await open({ 'case-p': makeThread('case-p', 25) }, 'comment-page-size="10"');
    expect(shownIds(small.el)).to.deep.equal(range('c', 16, 25));
    expect(earlierButton(small.el)!.textContent).to.contain('(15 more)');
    const huge = await open({ 'case-h': makeThread('case-h', 25) }, 'comment-page-size="5000"');
    expect(huge.calls[0]!.o.limit).to.equal(200);
    expect(shownIds(huge.el)).to.have.length(25);
  });

  it('clicking loads earlier pages above, in order, without duplicates, until every comment is shown', async () => {
    const { el, calls } = await open({ 'case-l': makeThread('case-l', 250) });
    const counts: string[] = [];
    for (let page = 0; page < 8 && earlierButton(el); page++) {
      await showEarlier(el);
      const ids = shownIds(el);
      expect(new Set(ids).size).to.equal(ids.length, 'no duplicates');
      expect(ids).to.deep.equal(range('c', 251 - ids.length, 250), 'a gapless run ending at the newest, in order');
      counts.push(earlierButton(el)?.textContent?.trim() ?? 'gone');
    }
    expect(counts).to.deep.equal([
      'Show earlier comments (190 more)', 'Show earlier comments (160 more)', 'Show earlier comments (130 more)',
      'Show earlier comments (100 more)', 'Show earlier comments (70 more)', 'Show earlier comments (40 more)',
      'Show earlier comments (10 more)', 'gone',
    ]);
    expect(shownIds(el)).to.deep.equal(range('c', 1, 250));
    expect($(el, '#thread-title')!.textContent).to.equal('Conversation (250)');
    // Each page asked for the page before the oldest shown, newest first, with the cursor of the page before.
    expect(calls.slice(1).every((c) => c.o.order === 'desc' && typeof c.o.cursor === 'string')).to.equal(true);
    expect(new Set(calls.map((c) => c.o.cursor)).size).to.equal(calls.length, 'every cursor used once');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab reaches the button, Enter and Space load, focus lands on the first new comment, announced politely, no scroll jump', async () => {
    const { el } = await open({ 'case-l': makeThread('case-l', 250) });
    $(el, '[part~=title]')!.focus();
    for (let i = 0; i < 12 && active(el) !== earlierButton(el); i++) await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(earlierButton(el), 'the button is in the tab order');
    // Put the button in the middle of the viewport; loading must not move it (new comments go below it).
    const btn = earlierButton(el)!;
    window.scrollBy(0, btn.getBoundingClientRect().top - 200);
    const scrollY = window.scrollY;
    expect(scrollY).to.be.greaterThan(0, 'the page scrolls');
    const top = btn.getBoundingClientRect().top;

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownIds(el).length === 60, 'Enter did not load');
    await waitUntil(() => active(el)?.dataset['id'] === 'c-191', 'focus did not move to the first new comment');
    expect(Math.abs(btn.getBoundingClientRect().top - top)).to.be.lessThan(1, 'the button did not move');
    expect(window.scrollY).to.equal(scrollY, 'the page did not scroll');
    const first = active(el)!.getBoundingClientRect();
    expect(first.top).to.be.greaterThan(top).and.lessThan(window.innerHeight, 'the focused comment is in view');
    const announcer = $(el, '[part=announcer]')!;
    expect(announcer.getAttribute('aria-live')).to.equal('polite');
    expect(announcer.textContent).to.equal('30 earlier comments shown.');

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)).to.equal(earlierButton(el), 'Shift+Tab goes back to the button');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => shownIds(el).length === 90, 'Space did not load');
    await waitUntil(() => active(el)?.dataset['id'] === 'c-161');
    await expect(el).to.be.accessible();
  });

  it('the last page removes the button and focus goes to the first new comment, not the page body', async () => {
    const { el } = await open({ 'case-t': makeThread('case-t', 37) });
    earlierButton(el)!.focus();
    await showEarlier(el);
    expect(earlierButton(el)).to.equal(null);
    expect(shownIds(el)).to.deep.equal(range('c', 1, 37));
    await waitUntil(() => active(el)?.dataset['id'] === 'c-1');
    expect($(el, '[part=announcer]')!.textContent).to.equal('7 earlier comments shown.');
  });

  it('a failed load of earlier comments keeps the thread, says so, and the button retries', async () => {
    const thread = makeThread('case-l', 250);
    let fail = true;
    const errors: EsErrorEvent[] = [];
    const { el } = await open({ 'case-l': thread }, '', {
      listComments: async (id, o = {}) => {
        if (o.cursor && fail) { fail = false; throw new ApiError({ kind: 'http', status: 503, operation: 'listComments' }); }
        return pageComments(thread, o);
      },
    });
    el.addEventListener('es-error', (e) => errors.push(e as EsErrorEvent));
    const shown = shownIds(el);
    earlierButton(el)!.focus();
    earlierButton(el)!.click();
    await waitUntil(() => $(el, '[part~=earlier-error]'), 'no error shown');
    await el.updateComplete;
    const alert = $(el, '[part~=earlier-error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Earlier comments could not be loaded.');
    expect(alert.textContent).to.contain('The support service had a problem.');
    expect(shownIds(el)).to.deep.equal(shown, 'what was shown is kept');
    expect(earlierButton(el)!.textContent!.trim()).to.equal('Try again: show earlier comments (220 more)');
    expect(active(el)).to.equal(earlierButton(el), 'focus stays on the button');
    expect(errors.map((e) => [e.detail.operation, e.detail.status])).to.deep.equal([['listComments', 503]]);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownIds(el).length === 60, 'the retry did not load');
    expect(shownIds(el)).to.deep.equal(range('c', 191, 250));
    expect($(el, '[part~=earlier-error]')).to.equal(null);
    expect(earlierButton(el)!.textContent!.trim()).to.equal('Show earlier comments (190 more)');
  });

  it('a host that cancels es-error hides the message; the button still retries', async () => {
    const thread = makeThread('case-l', 100);
    let fail = true;
    const { el } = await open({ 'case-l': thread }, '', {
      listComments: async (id, o = {}) => {
        if (o.cursor && fail) { fail = false; throw new ApiError({ kind: 'network', operation: 'listComments' }); }
        return pageComments(thread, o);
      },
    });
    el.addEventListener('es-error', (e) => e.preventDefault());
    earlierButton(el)!.click();
    await waitUntil(() => !earlierButton(el)!.matches('[aria-disabled=true]') && !fail);
    await el.updateComplete;
    expect($(el, '[part~=earlier-error]')).to.equal(null);
    expect(shownIds(el)).to.have.length(30);
    await showEarlier(el);
    expect(shownIds(el)).to.deep.equal(range('c', 41, 100));
  });

  it('while a page is loading the button is busy but keeps focus, and a second press sends no second request', async () => {
    const thread = makeThread('case-l', 250);
    const held = deferred<Page<Comment>>();
    const cursors: ListOptions[] = [];
    const { el } = await open({ 'case-l': thread }, '', {
      listComments: async (id, o = {}) => { if (!o.cursor) return pageComments(thread, o); cursors.push(o); return held.promise; },
    });
    earlierButton(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const btn = earlierButton(el)!;
    expect(btn.getAttribute('aria-disabled')).to.equal('true');
    expect(btn.textContent!.trim()).to.equal('Loading earlier comments…');
    expect($(el, 'ol.comments')!.getAttribute('aria-busy')).to.equal('true');
    expect(active(el)).to.equal(btn);
    await sendKeys({ press: 'Enter' });
    expect(cursors).to.have.length(1);
    // Meanwhile the user goes on to the reply box: the page arriving later must not take the focus away.
    const box = $<HTMLTextAreaElement>(el, '#comment')!;
    box.focus();
    held.resolve(pageComments(thread, cursors[0]!));
    await waitUntil(() => shownIds(el).length === 60);
    expect(shownIds(el)).to.deep.equal(range('c', 191, 250));
    await new Promise((r) => setTimeout(r, 20));
    expect(active(el)).to.equal(box);
  });

  it('a page that overlaps what is shown (equal times at the page edge) adds each comment once', async () => {
    const thread = makeThread('case-l', 80);
    const { el } = await open({ 'case-l': thread }, '', {
      listComments: async (id, o = {}) => {
        if (!o.cursor) return pageComments(thread, o);
        // c-30 … c-52: the last three of these are shown already.
        return { items: structuredClone(thread.slice(29, 53)).reverse(), nextCursor: 'desc:c-30', total: 80 };
      },
    });
    expect(shownIds(el)).to.deep.equal(range('c', 51, 80));
    await showEarlier(el);
    expect(shownIds(el)).to.deep.equal(range('c', 30, 80));
  });

  it('a stale page never mixes threads: the case id changes while earlier comments are loading', async () => {
    const a = makeThread('case-a', 250, { prefix: 'a' });
    const b = makeThread('case-b', 40, { prefix: 'b' });
    const held = deferred<Page<Comment>>();
    let staleSignal: AbortSignal | undefined;
    const { el } = await open({ 'case-a': a, 'case-b': b }, '', {
      listComments: async (id, o = {}) => {
        // The held answer ignores the abort on purpose: the element must drop it by itself.
        if (id === 'case-a' && o.cursor) { staleSignal = o.signal; return held.promise; }
        return pageComments(id === 'case-a' ? a : b, o);
      },
    });
    expect(shownIds(el)).to.deep.equal(range('a', 221, 250));
    earlierButton(el)!.click();
    await waitUntil(() => staleSignal);
    el.caseId = 'case-b';
    await waitUntil(() => shownIds(el)[0]?.startsWith('b-'), 'case b not shown');
    expect(staleSignal!.aborted).to.equal(true, 'the earlier request of case a was aborted');
    held.resolve(pageComments(a, { order: 'desc', limit: 30, cursor: `desc:a-221` }));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(range('b', 11, 40), 'only case b, its newest 30');
    expect(earlierButton(el)!.textContent!.trim()).to.equal('Show earlier comments (10 more)');
    expect($(el, '#thread-title')!.textContent).to.equal('Conversation (40)');
    await showEarlier(el);
    expect(shownIds(el)).to.deep.equal(range('b', 1, 40));
  });

  it('reload() while a page of earlier comments is loading drops that page and starts again from the newest', async () => {
    const thread = makeThread('case-l', 250);
    const held = deferred<Page<Comment>>();
    let cursorCalls = 0;
    const { el } = await open({ 'case-l': thread }, '', {
      listComments: async (id, o = {}) => {
        if (o.cursor && ++cursorCalls === 1) return held.promise;
        return pageComments(thread, o);
      },
    });
    earlierButton(el)!.click();
    await waitUntil(() => cursorCalls === 1);
    el.reload();
    await waitUntil(() => !earlierButton(el)!.matches('[aria-disabled=true]'));
    held.resolve(pageComments(thread, { order: 'desc', limit: 30, cursor: 'desc:c-221' }));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(range('c', 221, 250));
    expect(earlierButton(el)!.textContent!.trim()).to.equal('Show earlier comments (220 more)');
  });

  it('posting and polling still work on a partly shown thread, and paging back afterwards adds no duplicates', async () => {
    const unpin = pinVisibility('visible');
    try {
      const thread = makeThread('case-l', 250);
      const sinces: string[] = [];
      const { el } = await open({ 'case-l': thread }, '', {
        listComments: async (id, o = {}) => { if (o.since) sinces.push(o.since); return pageComments(thread, o); },
        addComment: async (caseId: string, input: NewComment) => {
          const c: Comment = { id: 'mine-1', caseId, author: anna, body: input.body, createdAt: new Date().toISOString(), attachments: [] };
          thread.push(c);
          return structuredClone(c);
        },
      });
      const ta = $<HTMLTextAreaElement>(el, '#comment')!;
      ta.focus();
      await sendKeys({ type: 'Thanks, checking now.' });
      $<HTMLButtonElement>(el, '[part=send-button]')!.click();
      await waitUntil(() => shownIds(el).at(-1) === 'mine-1' && !$(el, '[part~=comment-pending]'), 'comment not confirmed');
      expect(shownIds(el)).to.have.length(31);
      expect($(el, '#thread-title')!.textContent).to.equal('Conversation (251)');

      // A support reply arrives; the poll asks for comments after the newest one shown.
      const reply: Comment = { id: 'reply-1', caseId: 'case-l', author: { id: 's-2', name: 'Support', role: 'support' }, body: 'Try the hotfix.', createdAt: new Date(Date.now() + 1000).toISOString(), attachments: [] };
      thread.push(reply);
      await el.pollNow();
      await el.updateComplete;
      expect(sinces.at(-1)).to.equal(thread.find((c) => c.id === 'mine-1')!.createdAt);
      expect(shownIds(el).slice(-2)).to.deep.equal(['mine-1', 'reply-1']);
      expect($(el, '[data-id=reply-1] [part=new-marker]')).to.exist;
      await el.pollNow();
      await el.updateComplete;

      // Paging back counts from the thread as it was opened: new comments do not inflate "N more".
      expect(earlierButton(el)!.textContent).to.contain('(220 more)');
      await showEarlier(el);
      const ids = shownIds(el);
      expect(new Set(ids).size).to.equal(ids.length, 'no duplicates');
      expect(ids).to.deep.equal([...range('c', 191, 250), 'mine-1', 'reply-1']);
      expect($(el, '#thread-title')!.textContent).to.equal('Conversation (252)');
    } finally { unpin(); }
  });
});
