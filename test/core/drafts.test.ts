import { expect } from '@open-wc/testing';
import { clearDraft, debounce, draftStorageKey, loadDraft, saveDraft } from '../../src/core/drafts.js';
import { newIdempotencyKey } from '../../src/core/idempotency.js';

describe('drafts (sessionStorage)', () => {
  beforeEach(() => sessionStorage.clear());

  it('keys drafts per kind, user and element key', () => {
    expect(draftStorageKey('case-form', 'u-1', 'default')).to.equal('es-draft:case-form:u-1:default');
    expect(draftStorageKey('case-form', null, '')).to.equal('es-draft:case-form:anonymous:default');
    expect(draftStorageKey('case-comment', 'u-2', 'case-7')).to.not.equal(draftStorageKey('case-comment', 'u-1', 'case-7'));
  });

  it('saves to sessionStorage (not localStorage), loads and clears', () => {
    const k = draftStorageKey('t', 'u', 'k');
    expect(saveDraft(k, { subject: 'a', n: 1 })).to.equal(true);
    expect(localStorage.getItem(k)).to.equal(null);
    expect(loadDraft<{ subject: string; n: number }>(k)).to.deep.equal({ subject: 'a', n: 1 });
    clearDraft(k);
    expect(loadDraft(k)).to.equal(null);
  });

  it('ignores corrupt or foreign data', () => {
    sessionStorage.setItem('x1', '{not json');
    sessionStorage.setItem('x2', JSON.stringify({ v: 99, data: { a: 1 } }));
    sessionStorage.setItem('x3', JSON.stringify({ v: 1, data: 'string' }));
    expect(loadDraft('x1')).to.equal(null);
    expect(loadDraft('x2')).to.equal(null);
    expect(loadDraft('x3')).to.equal(null);
    expect(loadDraft('missing')).to.equal(null);
  });

  it('reports a full or blocked storage instead of throwing', () => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    try {
      expect(saveDraft('k', { a: 1 })).to.equal(false);
    } finally { Storage.prototype.setItem = orig; }
  });

  it('debounce runs once after the last call; flush and cancel', async () => {
    const seen: number[] = [];
    const d = debounce((n: number) => seen.push(n), 30);
    d(1); d(2); d(3);
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).to.deep.equal([3]);
    d(4); d.flush();
    expect(seen).to.deep.equal([3, 4]);
    d(5); d.cancel();
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).to.deep.equal([3, 4]);
  });
});

describe('idempotency keys', () => {
  it('are random UUID v4 strings', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(200);
    for (const k of keys) expect(k).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fall back to getRandomValues where randomUUID is missing', () => {
    const orig = crypto.randomUUID;
    (crypto as { randomUUID?: unknown }).randomUUID = undefined;
    try {
      expect(newIdempotencyKey()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally { (crypto as { randomUUID?: unknown }).randomUUID = orig; }
  });
});
