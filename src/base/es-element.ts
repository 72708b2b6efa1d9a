import { LitElement, css } from 'lit';

/**
 * Base of every `es-*` element.
 * - `define()` registers the tag once and only warns when a second copy of the SDK (another version on the same
 *   page, or the CDN bundle next to the npm build) already registered it — a host page must never break for that.
 * - `emit()` dispatches bubbling, composed events so hosts can listen anywhere above the element.
 * - shared host styles: tokens, `hidden`, box sizing, reduced motion.
 */
export class EsElement extends LitElement {
  static tagName = '';

  static override styles = css`
    :host {
      box-sizing: border-box;
      display: block;
      font-family: var(--es-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      font-size: var(--es-font-size, 1rem);
      line-height: var(--es-line-height, 1.5);
      color: var(--es-color-text, #1a1d21);
    }
    :host([hidden]) { display: none !important; }
    *, *::before, *::after { box-sizing: inherit; }
    @media (prefers-reduced-motion: reduce) {
      *, *::before, *::after { animation-duration: 0.01ms !important; transition-duration: 0.01ms !important; }
    }
  `;

  /** Registers `tagName` for this class; safe to call more than once and when another copy already did. */
  static define(tagName: string = this.tagName, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tagName);
    if (existing) {
      if (existing !== (this as unknown as CustomElementConstructor)) {
        console.warn(`[eservice-widgets] <${tagName}> is already defined by another copy of the SDK; keeping the first one.`);
      }
      return;
    }
    registry.define(tagName, this as unknown as CustomElementConstructor);
  }

  /** Dispatches `event` from this element and returns false when a listener called preventDefault(). */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
