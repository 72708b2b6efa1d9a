import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanup, deferred, fakeApi, FakeSession, mountWith, recordRenders, signedInUser } from '../helpers/fakes.js';
import '../../src/components/case-form/define.js';
import type { EsCaseForm } from '../../src/components/case-form/case-form.js';
import type { Attachment, KbSearchHit, NewCase, Product, SupportCase } from '../../src/core/models.js';
import type { CreateOptions, SupportApi, UploadOptions } from '../../src/core/api-types.js';
import { ApiError } from '../../src/core/errors.js';
import { draftStorageKey } from '../../src/core/drafts.js';

const products: Product[] = [
  { id: 'p-vpn', name: 'Bastion VPN Gateway', family: 'Network security' },
  { id: 'p-edr', name: 'Sentinel EDR', family: 'Endpoint protection' },
];
const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });
const created = (input: NewCase, id = 'case-901'): SupportCase => ({
  id, number: 'CS-0109001', subject: input.subject, description: input.description, productId: input.productId,
  productName: 'Bastion VPN Gateway', severity: input.severity, status: 'new', createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(), contactPhone: input.contactPhone ?? null, createdBy: { id: 'u-1', name: 'Anna', role: 'customer' },
  attachments: [], history: [], escalationLevel: 0, commentCount: 0,
});
const hit = (id: string, title: string): KbSearchHit => ({ id, title, titleMatches: [], snippet: `About ${title}`, snippetMatches: [], productId: null, productName: null, updatedAt: new Date().toISOString() });
const api = (o: Partial<SupportApi> = {}) => fakeApi({ listProducts: async () => products, searchKb: async () => ({ items: [], nextCursor: null, total: 0 }), ...o });
const $ = <T extends Element = HTMLElement>(el: EsCaseForm, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const ready = async (el: EsCaseForm) => { await waitUntil(() => el.shadowRoot!.querySelectorAll('#productId option').length > 1, 'products not loaded'); await el.updateComplete; };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const draftKey = (key = 'default') => draftStorageKey('case-form', signedInUser.sub, key);

async function fill(el: EsCaseForm, v: { subject?: string; description?: string; product?: string; severity?: string; phone?: string }) {
  if (v.subject !== undefined) { $<HTMLInputElement>(el, '#subject')!.focus(); await sendKeys({ type: v.subject }); }
  if (v.description !== undefined) { $<HTMLTextAreaElement>(el, '#description')!.focus(); await sendKeys({ type: v.description }); }
  if (v.product) { const s = $<HTMLSelectElement>(el, '#productId')!; s.value = v.product; s.dispatchEvent(new Event('change')); }
  if (v.severity) $<HTMLInputElement>(el, `#severity-${v.severity}`)!.click();
  if (v.phone) { $<HTMLInputElement>(el, '#contactPhone')!.focus(); await sendKeys({ type: v.phone }); }
  await el.updateComplete;
}
const valid = { subject: 'VPN drops at rekey', description: 'Tunnels drop every 60 minutes since the upgrade.', product: 'p-vpn', severity: 'high' };

function addFiles(el: EsCaseForm, files: File[]) {
  const input = $<HTMLInputElement>(el, '#case-files-input')!;
  const dt = new DataTransfer();
  files.forEach((f) => dt.items.add(f));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}
const file = (name: string, size = 10, type = 'text/plain') => new File([new Uint8Array(size)], name, { type });

describe('es-case-form', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(cleanup);

  it('is accessible', async () => {
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    await expect(el).to.be.accessible();
  });

  it('defaults: products from the API, four severities with explanations, counters, stable names', async () => {
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    expect(Array.from(el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#productId option'), (o) => o.value)).to.deep.equal(['', 'p-vpn', 'p-edr']);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=severity]');
    expect(Array.from(radios, (r) => r.value)).to.deep.equal(['critical', 'high', 'medium', 'low']);
    expect($(el, '#severity-critical-hint')!.textContent).to.contain('24/7');
    for (const n of ['subject', 'description', 'productId', 'contactPhone']) expect($(el, `[name=${n}]`), n).to.exist;
    expect($(el, '[part=submit-button]')).to.exist;
    await fill(el, { subject: 'Hello' });
    expect($(el, '#subject-count')!.textContent).to.equal('5 / 200');
  });

  it('signed out: sign-in prompt; a draft from before is restored after sign-in', async () => {
    sessionStorage.setItem(draftKey(), JSON.stringify({ v: 1, savedAt: '', data: { subject: 'Saved subject', description: 'Saved description text that is long', productId: 'p-edr', severity: 'low', contactPhone: '', attachments: [], idempotencyKey: 'k-1' } }));
    const session = new FakeSession();
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api(), session });
    expect($(el, '[part=signed-out]')).to.exist;
    expect($(el, '#subject')).to.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=sign-in-button]')!.click();
    expect(session.calls).to.deep.equal(['signIn:redirect']);
    session.set({ status: 'signed-in', user: signedInUser, error: null });
    await ready(el);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('Saved subject');
    expect($<HTMLSelectElement>(el, '#productId')!.value).to.equal('p-edr');
    expect($<HTMLInputElement>(el, '#severity-low')!.checked).to.equal(true);
    expect(el.idempotencyKey).to.equal('k-1');
    expect($(el, '[part=restored]')).to.exist;
  });

  it('while the session restores a stored sign-in: a checking state, then the form, never the sign-in prompt', async () => {
    const session = new FakeSession().holdReady();
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api(), session });
    const seen = recordRenders(el);
    expect($(el, '[part~=checking]')!.getAttribute('role')).to.equal('status');
    expect($(el, '[part~=sign-in-button]')).to.equal(null);
    expect($(el, '#subject')).to.equal(null);
    session.set({ status: 'signed-in', user: signedInUser });
    session.resolveReady();
    await ready(el);
    expect($(el, '#subject')).to.exist;
    expect(seen.parts().has('signed-out')).to.equal(false);
  });

  it('client validation: error summary gets focus, links focus the fields, nothing is sent', async () => {
    let calls = 0;
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api({ createCase: async (i) => { calls++; return created(i); } }), session: signedIn() });
    await ready(el);
    await fill(el, { subject: 'VPN' });
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[part=error-summary]'));
    const summary = $(el, '[part=error-summary]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'summary not focused');
    const items = Array.from(summary.querySelectorAll('a'), (a) => a.textContent);
    expect(items).to.deep.equal(['The subject needs at least 5 characters.', 'Describe the problem.', 'Choose a product.', 'Choose a severity.']);
    expect($(el, '#subject')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#subject')!.getAttribute('aria-describedby')).to.contain('subject-error');
    await expect(el).to.be.accessible();
    summary.querySelectorAll('a')[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#description'));
    summary.querySelectorAll('a')[3]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#severity-critical'));
    expect(calls).to.equal(0);
  });

  it('restores the draft after a re-mount (reload)', async () => {
    let el = await mountWith<EsCaseForm>('<es-case-form draft-key="t1"></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    await fill(el, { ...valid, phone: '+358 40 1234' });
    await wait(350); // debounced save
    const key = el.idempotencyKey;
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    cleanup();
    el = await mountWith<EsCaseForm>('<es-case-form draft-key="t1"></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal(valid.subject);
    expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal(valid.description);
    expect($<HTMLSelectElement>(el, '#productId')!.value).to.equal('p-vpn');
    expect($<HTMLInputElement>(el, '#severity-high')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#contactPhone')!.value).to.equal('+358 40 1234');
    expect(el.idempotencyKey).to.equal(key);
    // deleting everything deletes the stored draft
    const subject = $<HTMLInputElement>(el, '#subject')!;
    subject.value = '';
    subject.dispatchEvent(new Event('input'));
    const desc = $<HTMLTextAreaElement>(el, '#description')!;
    desc.value = '';
    desc.dispatchEvent(new Event('input'));
    await wait(350);
    expect(JSON.parse(sessionStorage.getItem(draftKey('t1'))!).data.subject).to.equal('');
    // another draft-key and another user do not see it
    cleanup();
    el = await mountWith<EsCaseForm>('<es-case-form draft-key="other"></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('');
    cleanup();
    el = await mountWith<EsCaseForm>('<es-case-form draft-key="t1"></es-case-form>', { api: api(), session: new FakeSession({ status: 'signed-in', user: { ...signedInUser, sub: 'u-2' } }) });
    await ready(el);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('');
  });

  it('a failed submit keeps everything and the retry sends the SAME key; after success a new draft gets a NEW key', async () => {
    const keys: string[] = [];
    const inputs: NewCase[] = [];
    let n = 0;
    const a = api({
      createCase: async (input: NewCase, o: CreateOptions) => {
        keys.push(o.idempotencyKey); inputs.push(input); n++;
        if (n === 1) throw new ApiError({ kind: 'network', operation: 'createCase' });
        return created(input, `case-${n}`);
      },
    });
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: a, session: signedIn() });
    await ready(el);
    await fill(el, valid);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[part=submit-error]'));
    expect($(el, '[part=submit-error]')!.textContent!.trim()).to.equal('Your case was not sent. Nothing you typed is lost. Try again.');
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal(valid.subject);
    expect(JSON.parse(sessionStorage.getItem(draftKey())!).data.idempotencyKey).to.equal(keys[0]);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'es-case-submit');
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    const ev = await submitted;
    expect(keys[1]).to.equal(keys[0]);
    expect(inputs[1]).to.deep.equal(inputs[0]);
    expect(ev.detail.case.id).to.equal('case-2');
    await el.updateComplete;
    expect($(el, '[part=success]')!.textContent).to.contain('Case CS-0109001 created');
    expect($<HTMLAnchorElement>(el, '[part=case-link]')!.getAttribute('href')).to.equal('#/cases/case-2');
    expect(sessionStorage.getItem(draftKey())).to.equal(null);
    // a new case: new draft, new key
    $<HTMLButtonElement>(el, '[part=new-case-button]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('');
    await fill(el, valid);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => keys.length === 3);
    expect(keys[2]).to.not.equal(keys[0]);
  });

  it('maps server field errors to the fields and the summary', async () => {
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', {
      api: api({ createCase: async () => { throw new ApiError({ kind: 'http', status: 422, operation: 'createCase', fieldErrors: [{ field: 'subject', message: 'Subject contains a forbidden word.' }] }); } }),
      session: signedIn(),
    });
    await ready(el);
    await fill(el, valid);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '[part=error-summary]'));
    expect($(el, '#subject-error')!.textContent).to.equal('Subject contains a forbidden word.');
    expect($(el, '[part=error-summary]')!.textContent).to.contain('Subject contains a forbidden word.');
  });

  it('no double submit: the button is disabled while sending', async () => {
    const d = deferred<SupportCase>();
    let calls = 0;
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: api({ createCase: () => { calls++; return d.promise; } }), session: signedIn() });
    await ready(el);
    await fill(el, valid);
    const btn = $<HTMLButtonElement>(el, '[part=submit-button]')!;
    btn.click();
    await el.updateComplete;
    expect(btn.disabled).to.equal(true);
    btn.click();
    await el.submit();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    expect(calls).to.equal(1);
    d.resolve(created({ subject: 's', description: 'd', productId: 'p-vpn', severity: 'high' }));
    await waitUntil(() => $(el, '[part=success]'));
  });

  it('attachments: checked before upload, per-file progress, submit waits, retry a failed upload, remove', async () => {
    const uploads: { name: string; d: ReturnType<typeof deferred<Attachment>>; o?: UploadOptions }[] = [];
    const inputs: NewCase[] = [];
    const a = api({
      uploadAttachment: (f: File, o?: UploadOptions) => { const d = deferred<Attachment>(); uploads.push({ name: f.name, d, o }); o?.onProgress?.(40, 100); return d.promise; },
      createCase: async (i) => { inputs.push(i); return created(i); },
    });
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: a, session: signedIn() });
    await ready(el);
    await fill(el, valid);
    addFiles(el, [file('agent.log', 100), file('setup.exe', 100), file('empty.txt', 0), file('huge.zip', 26 * 1024 * 1024, 'application/zip')]);
    await el.updateComplete;
    expect(uploads.map((u) => u.name)).to.deep.equal(['agent.log']); // only the valid file is uploaded
    const msgs = Array.from(el.shadowRoot!.querySelectorAll('.file-rejected .field-error'), (e) => e.textContent);
    expect(msgs[0]).to.contain('setup.exe: this file type is not accepted');
    expect(msgs[1]).to.contain('empty.txt is empty');
    expect(msgs[2]).to.equal('huge.zip is 26 MB; files can be at most 25 MB.');
    const progress = $<HTMLProgressElement>(el, '.file-uploading progress')!;
    expect(progress.value).to.equal(40);
    expect(progress.getAttribute('aria-label')).to.equal('Uploading agent.log');
    expect($<HTMLButtonElement>(el, '[part=submit-button]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    uploads[0]!.d.reject(new ApiError({ kind: 'http', status: 500, operation: 'uploadAttachment' }));
    await waitUntil(() => $(el, '.file-failed'));
    $<HTMLButtonElement>(el, '.file-failed [part=retry-upload-button]')!.click();
    await el.updateComplete;
    expect(uploads).to.have.length(2);
    uploads[1]!.d.resolve({ id: 'att-9', fileName: 'agent.log', contentType: 'text/plain', size: 100, createdAt: new Date().toISOString() });
    await waitUntil(() => $(el, '.file-done'));
    // remove a rejected message and add + remove another file
    addFiles(el, [file('notes.txt')]);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.file-uploading [part=remove-file-button]')!.click();
    await el.updateComplete;
    expect(uploads[2]!.o!.signal!.aborted).to.equal(true);
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => inputs.length === 1);
    expect(inputs[0]!.attachmentIds).to.deep.equal(['att-9']);
  });

  it('accepts dropped files and refuses more than 10', async () => {
    const names: string[] = [];
    const a = api({ uploadAttachment: async (f: File) => { names.push(f.name); return { id: f.name, fileName: f.name, contentType: 'text/plain', size: f.size, createdAt: '' }; } });
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: a, session: signedIn() });
    await ready(el);
    const dt = new DataTransfer();
    for (let i = 1; i <= 11; i++) dt.items.add(file(`log-${i}.txt`));
    $(el, '[part=drop-zone]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitUntil(() => names.length === 10);
    await el.updateComplete;
    expect($(el, '.file-rejected')!.textContent).to.contain('log-11.txt was not added: at most 10 files');
  });

  it('suggests KB articles while typing (debounced), opens one, and "This solved my problem" ends the flow', async () => {
    const queries: { q: string; limit?: number }[] = [];
    const a = api({ searchKb: async (q) => { queries.push({ q: q.q, limit: q.limit }); return { items: [hit('1001', 'VPN tunnel drops at IKE rekey'), hit('1002', '<img src=x onerror=window.__xss=1>')], nextCursor: null, total: 2 }; } });
    (window as unknown as { __xss?: number }).__xss = undefined;
    const el = await mountWith<EsCaseForm>('<es-case-form></es-case-form>', { api: a, session: signedIn() });
    await ready(el);
    await fill(el, { subject: 'vpn rekey drops' });
    await wait(200);
    expect(queries).to.have.length(0);
    await waitUntil(() => $(el, '[part=suggestions]'), 'no suggestions', { timeout: 2000 });
    expect(queries).to.deep.equal([{ q: 'vpn rekey drops', limit: 5 }]);
    expect(el.shadowRoot!.querySelectorAll('[part=suggestion]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part=suggestions] img')).to.equal(null);
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, '[part=suggestion-open-button]')!.click());
    const open = await oneEvent(el, 'es-kb-article-open');
    expect(open.detail.id).to.equal('1001');
    await wait(350);
    expect(sessionStorage.getItem(draftKey())).to.not.equal(null);
    setTimeout(() => $<HTMLButtonElement>(el, '[part=solved-button]')!.click());
    const deflect = await oneEvent(el, 'es-case-deflect');
    expect(deflect.detail).to.deep.equal({ articleId: '1001', query: 'vpn rekey drops' });
    await el.updateComplete;
    expect($(el, '[part=deflected]')!.textContent).to.contain('Glad that helped');
    expect(sessionStorage.getItem(draftKey())).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('initial-subject prefills the subject when there is no draft', async () => {
    const el = await mountWith<EsCaseForm>('<es-case-form initial-subject="vpn rekey"></es-case-form>', { api: api(), session: signedIn() });
    await ready(el);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('vpn rekey');
  });

  it('works with the keyboard alone: Tab between fields, arrows pick a severity, Enter submits', async () => {
    const inputs: NewCase[] = [];
    const el = await mountWith<EsCaseForm>('<es-case-form no-suggestions></es-case-form>', { api: api({ createCase: async (i) => { inputs.push(i); return created(i); } }), session: signedIn() });
    await ready(el);
    $<HTMLInputElement>(el, '#subject')!.focus();
    await sendKeys({ type: 'Keyboard only case' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('description');
    await sendKeys({ type: 'Everything typed with the keyboard alone.' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('productId');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('name')).to.equal('severity');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#severity-high')!.checked).to.equal(true);
    $<HTMLInputElement>(el, '#subject')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inputs.length === 1);
    expect(inputs[0]).to.deep.include({ subject: 'Keyboard only case', productId: 'p-vpn', severity: 'high' });
  });
});
