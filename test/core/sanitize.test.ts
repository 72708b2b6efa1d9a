import { expect } from '@open-wc/testing';
import { EsKbSearch } from '../../src/components/kb-search/kb-search.js';
import { loadSanitizer, safeLinkHref, safeImageSrc } from '../../src/core/sanitize.js';
import { getHtmlPolicy, isTrustedHTML, POLICY_NAME } from '../../src/core/trusted-types.js';
import type { KbArticle } from '../../src/core/models.js';
import { cleanup, fakeApi, mountWith } from '../helpers/fakes.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

EsKbSearch.define();

declare global { interface Window { __xss: number } }

const article = (id: string, bodyHtml: string): KbArticle => ({
  id, title: `Article ${id}`, bodyHtml, productId: null, productName: null, updatedAt: '2026-03-01T10:00:00Z',
  related: [], helpfulYes: 0, helpfulNo: 0,
});

const DANGEROUS_TAGS = ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math',
  'template', 'meta', 'link', 'base', 'noscript', 'video', 'audio', 'source', 'select', 'textarea', 'xmp', 'noembed'];
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'srcset', 'data'];

/** Every reason `root`'s subtree could still run script. */
function findHazards(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const tag = el.localName;
    if (el !== root && DANGEROUS_TAGS.includes(tag)) out.push(`<${tag}>`);
    if (tag.includes('-')) out.push(`custom element <${tag}>`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) out.push(`${tag}[${name}]`);
      // DOMPurify blanks `is` (it cannot be removed from a created element): only a non-empty one matters.
      if (name === 'style' || name === 'srcdoc' || (name === 'is' && a.value)) out.push(`${tag}[${name}]`);
      if (URL_ATTRS.includes(name)) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data:text|data:image\/svg)/.test(v) || (name !== 'src' && v.startsWith('data:'))) out.push(`${tag}[${name}=${a.value}]`);
      }
    }
  }
  return out;
}

describe('sanitize (KB article HTML)', () => {
  afterEach(cleanup);

  it('opens with an accessible article view', async () => {
    const api = fakeApi({ getArticle: async (id) => article(id, '<p>Plain <strong>safe</strong> text</p>') });
    const el = await mountWith<EsKbSearch>('<es-kb-search article="a11y"></es-kb-search>', { api });
    await waitFor(() => el.shadowRoot!.querySelector('[part="article-body"] strong'));
    await expect(el).to.be.accessible();
  });

  it('returns TrustedHTML from the "eservice-widgets" policy, created once', async () => {
    const s = await loadSanitizer();
    expect(s.trusted).to.equal(true);
    const out = s.sanitize('<p>Hello</p><script>__xss++</script>');
    expect(isTrustedHTML(out)).to.equal(true);
    expect(String(out)).to.equal('<p>Hello</p>');
    const p1 = getHtmlPolicy(() => 'unused');
    const p2 = getHtmlPolicy(() => 'unused either');
    expect(p1).to.not.equal(null);
    expect(p1).to.equal(p2);
    expect(p1!.name).to.equal(POLICY_NAME);
    // The policy itself sanitises: whoever holds it cannot mint TrustedHTML from hostile markup.
    expect(String(p1!.createHTML('<p>a<img src=x onerror=__xss++></p>'))).to.equal('<p>a</p>');
  });

  it('keeps ordinary article markup', async () => {
    const s = await loadSanitizer();
    const html = '<h3>Steps</h3><ol><li>One <code>set x 1</code></li></ol><table><tbody><tr><td>7.2.1</td></tr></tbody></table><pre>a</pre><em>e</em>';
    expect(String(s.sanitize(html))).to.equal(html);
  });

  it('adds rel="noopener noreferrer" and target="_blank" to links and keeps only http(s) and mailto', async () => {
    const s = await loadSanitizer();
    const div = document.createElement('div');
    div.innerHTML = s.sanitize('<a href="https://example.com/a">a</a><a href="mailto:support@example.com">m</a>' +
      '<a href="/relative">r</a><a href="ftp://x/y">f</a><a href="javascript:__xss++">j</a><a>none</a>') as unknown as string;
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/a', 'mailto:support@example.com', null, null, null, null]);
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(links[0]!.target).to.equal('_blank');
    expect(links[1]!.target).to.equal('_blank');
    expect(links[2]!.hasAttribute('target')).to.equal(false);
  });

  it('keeps https and raster data: images only', async () => {
    const s = await loadSanitizer();
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const div = document.createElement('div');
    div.innerHTML = s.sanitize(`<img src="https://cdn.example.com/a.png" alt="a"><img src="${png}" alt="b">` +
      '<img src="http://cdn.example.com/a.png" alt="c"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d"><img src="/rel.png" alt="e">') as unknown as string;
    // Refused sources: the image is dropped.
    expect([...div.querySelectorAll('img')].map((i) => i.getAttribute('src'))).to.deep.equal(['https://cdn.example.com/a.png', png]);
    div.innerHTML = s.sanitize('<img src="https://cdn.example.com/b.png">') as unknown as string;
    expect(div.querySelector('img')!.getAttribute('alt')).to.equal('');
    expect(safeImageSrc('data:image/gif;base64,R0lGOD==')).to.equal('data:image/gif;base64,R0lGOD==');
    expect(safeLinkHref('java\tscript:x')).to.equal(null);
    expect(safeLinkHref('HTTPS://EXAMPLE.com')).to.equal('https://example.com/');
  });

  it(`renders ${XSS_PAYLOADS.length} hostile payloads inert through the article view`, async () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(40);
    window.__xss = 0;
    const violations: string[] = [];
    const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective}: ${e.sample}`);
    document.addEventListener('securitypolicyviolation', onViolation);
    const inserted: string[] = [];
    const observers: MutationObserver[] = [];
    const docObserver = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement || n instanceof HTMLIFrameElement) inserted.push(`document: ${n.outerHTML.slice(0, 80)}`);
    });
    docObserver.observe(document, { childList: true, subtree: true });

    const api = fakeApi({ getArticle: async (id) => article(id, XSS_PAYLOADS[Number(id)]!) });
    const els: EsKbSearch[] = [];
    try {
      for (let i = 0; i < XSS_PAYLOADS.length; i++) {
        const el = document.createElement('es-kb-search') as EsKbSearch;
        el.article = String(i);
        els.push(await mountWith<EsKbSearch>(el, { api }));
        const mo = new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (!(n instanceof Element)) continue;
              const inBody = !!n.closest('[part="article-body"]') || !!n.querySelector('[part="article-body"] *');
              const body = n.matches('[part="article-body"]') ? n : n.querySelector('[part="article-body"]');
              const hazards = body ? findHazards(body) : inBody ? findHazards(n) : [];
              if (hazards.length || n.querySelector('script, iframe, object, embed') || /^(script|iframe|object|embed)$/i.test(n.localName)) {
                inserted.push(`#${i}: ${n.outerHTML.slice(0, 120)}`);
              }
            }
          }
        });
        mo.observe(el.shadowRoot!, { childList: true, subtree: true });
        observers.push(mo);
      }
      const bodies = await Promise.all(els.map((el) => waitFor(() => {
        const b = el.shadowRoot!.querySelector('[part="article-body"]');
        return b && el.shadowRoot!.querySelector('[part="article-title"]') ? b : null;
      })));
      // Poke every element: any surviving handler would fire.
      for (const body of bodies) {
        for (const node of body.querySelectorAll('*')) {
          for (const type of ['focus', 'mouseover', 'pointerenter', 'animationstart', 'toggle', 'load', 'error', 'beforetoggle']) {
            node.dispatchEvent(new Event(type));
          }
        }
      }
      await new Promise((r) => setTimeout(r, 500));
      const hazards = bodies.flatMap((b, i) => findHazards(b).map((h) => `#${i} ${XSS_PAYLOADS[i]} → ${h}`));
      expect(hazards, hazards.join('\n')).to.deep.equal([]);
      expect(inserted, inserted.join('\n')).to.deep.equal([]);
      expect(violations).to.deep.equal([]);
      expect(window.__xss, 'executions').to.equal(0);
      // Inert, not blank: the text content of ordinary payloads survives.
      expect(bodies[26]!.textContent).to.contain('link');
    } finally {
      observers.forEach((o) => o.disconnect());
      docObserver.disconnect();
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
  });

  it('the trap can fail: an unsanitised sink with a payload does count', async () => {
    window.__xss = 0;
    const div = document.createElement('div');
    document.body.append(div);
    const policy = (window as unknown as { trustedTypes: { createPolicy(n: string, r: object): { createHTML(s: string): string } } })
      .trustedTypes.createPolicy('test-raw', { createHTML: (s: string) => s });
    div.innerHTML = policy.createHTML(XSS_PAYLOADS[4]!);
    await new Promise((r) => setTimeout(r, 300));
    div.remove();
    expect(window.__xss).to.equal(1);
    expect(findHazards(document.createRange().createContextualFragment('<a href="javascript:x" onclick="y">x</a>').firstElementChild!)).to.have.length(2);
  });
});

async function waitFor<T>(fn: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
