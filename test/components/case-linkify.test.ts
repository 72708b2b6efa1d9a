import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { linkify, safeHttpUrl } from '../../src/components/shared-case/linkify.js';

function renderParts(text: string): HTMLElement {
  const host = document.createElement('p');
  render(html`${linkify(text)}`, host);
  return host;
}

describe('linkify (case text links)', () => {
  it('is accessible and makes http(s) URLs links with a safe rel and target', async () => {
    // Plain render (no fixture(): that waits for an animation frame, which never comes in a background test tab).
    const el = document.createElement('p');
    document.body.append(el);
    render(html`${linkify('See https://support.example.com/kb/1003 and http://x.example/a?b=1.')}`, el);
    await expect(el).to.be.accessible();
    const links = el.querySelectorAll('a');
    expect(links).to.have.length(2);
    expect(links[0]!.getAttribute('href')).to.equal('https://support.example.com/kb/1003');
    expect(links[0]!.textContent).to.equal('https://support.example.com/kb/1003');
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
    // trailing sentence punctuation is not part of the URL
    expect(links[1]!.getAttribute('href')).to.equal('http://x.example/a?b=1');
    expect(el.textContent).to.equal('See https://support.example.com/kb/1003 and http://x.example/a?b=1.');
    el.remove();
  });

  it('keeps javascript:, data: and vbscript: URLs as text', () => {
    const text = 'javascript:alert(1) data:text/html,<script>alert(1)</script> vbscript:msgbox(1) JaVaScRiPt:alert(2)';
    const el = renderParts(text);
    expect(el.querySelector('a, script')).to.equal(null);
    expect(el.textContent).to.equal(text);
  });

  it('does not let a URL break out into markup', () => {
    const text = 'https://evil.example/"><img src=x onerror=alert(1)>';
    const el = renderParts(text);
    expect(el.querySelector('img')).to.equal(null);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://evil.example/');
    expect(el.textContent).to.equal(text);
  });

  it('drops an unbalanced closing parenthesis and keeps balanced ones', () => {
    const el = renderParts('(see https://a.example/x) and https://en.example/wiki/A_(b)');
    const hrefs = Array.from(el.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://a.example/x', 'https://en.example/wiki/A_(b)']);
  });

  it('returns the text unchanged when there is no URL, and handles empty input', () => {
    expect(linkify('plain text')).to.deep.equal(['plain text']);
    expect(linkify('')).to.deep.equal([]);
    expect(linkify(null)).to.deep.equal([]);
  });

  it('safeHttpUrl accepts only http and https', () => {
    expect(safeHttpUrl('https://a.example')?.href).to.equal('https://a.example/');
    expect(safeHttpUrl('http://a.example')).to.not.equal(null);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.example', 'not a url', '//a.example']) {
      expect(safeHttpUrl(bad), bad).to.equal(null);
    }
  });
});
