import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { highlight, highlightParts, normalizeRanges } from '../../src/core/highlight.js';

/** Renders with the project's own Lit (open-wc's fixture() may bring another copy). */
function mount(t: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(t, host);
  return host.firstElementChild as HTMLElement;
}

describe('highlight', () => {
  afterEach(() => { document.body.replaceChildren(); });

  it('renders accessible <mark> parts', async () => {
    const el = mount(html`<p>${highlight('VPN tunnel drops at rekey', [[0, 3], [20, 25]])}</p>`);
    await expect(el).to.be.accessible();
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['VPN', 'rekey']);
    expect(el.textContent).to.equal('VPN tunnel drops at rekey');
  });

  it('sorts and merges overlapping and touching ranges', () => {
    expect(normalizeRanges([[10, 12], [0, 3], [2, 5], [5, 7], [11, 14]], 'x'.repeat(20))).to.deep.equal([[0, 7], [10, 14]]);
    expect(normalizeRanges([[3, 9], [4, 5]], 'x'.repeat(20))).to.deep.equal([[3, 9]]);
  });

  it('clamps to the text and drops empty, reversed and malformed ranges', () => {
    const text = 'abcdef';
    expect(normalizeRanges([[-5, 2], [4, 99]], text)).to.deep.equal([[0, 2], [4, 6]]);
    expect(normalizeRanges([[3, 3], [5, 1], [7, 9], [1.5, 3], [NaN, 2], ['1', 2], [1], null, 'x', [2, Infinity]] as unknown[], text)).to.deep.equal([]);
    expect(normalizeRanges(undefined, text)).to.deep.equal([]);
    expect(normalizeRanges({} as unknown as unknown[], text)).to.deep.equal([]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b'; // 😀 is two code units at 1..3
    expect(normalizeRanges([[2, 3]], text)).to.deep.equal([[1, 3]]);
    expect(normalizeRanges([[1, 2]], text)).to.deep.equal([[1, 3]]);
  });

  it('splits text into plain and matched parts', () => {
    expect(highlightParts('rekey margin', [[0, 5]])).to.deep.equal([{ text: 'rekey', match: true }, { text: ' margin', match: false }]);
    expect(highlightParts('abc', [])).to.deep.equal([{ text: 'abc', match: false }]);
    expect(highlightParts('', [[0, 1]])).to.deep.equal([{ text: '', match: false }]);
  });

  it('renders hostile text as text, never as markup', async () => {
    const text = '<img src=x onerror=alert(1)> vpn';
    const el = mount(html`<p>${highlight(text, [[0, 4], [29, 32]])}</p>`);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.equal(text);
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['<img', 'vpn']);
  });
});
