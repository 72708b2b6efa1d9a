import { expect } from '@open-wc/testing';
import { EsElement } from '../../src/base/es-element.js';

describe('EsElement.define', () => {
  it('registers a tag and tolerates a second copy with a warning instead of throwing', () => {
    class First extends EsElement {}
    class Second extends EsElement {}
    const warnings: unknown[] = [];
    const orig = console.warn;
    console.warn = (...a: unknown[]) => { warnings.push(a.join(' ')); };
    try {
      First.define('es-define-twice-test');
      expect(() => Second.define('es-define-twice-test')).not.to.throw();
      First.define('es-define-twice-test');
    } finally { console.warn = orig; }
    expect(customElements.get('es-define-twice-test')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('already defined');
  });
});
