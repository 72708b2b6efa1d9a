import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
// Type-only: erased at build time, so DOMPurify stays out of the module graph until loadSanitizer() runs.
import type { Config, DOMPurify, UponSanitizeAttributeHookEvent } from 'dompurify';
import { getHtmlPolicy, type TrustedHTMLLike } from './trusted-types.js';

/**
 * The KB-article sanitiser (DESIGN.md §6-7). DOMPurify is imported dynamically the first time an article is shown,
 * so pages that never open an article never download it (a separate chunk in the CDN build).
 *
 * Policy (what survives):
 * - plain document HTML only (DOMPurify's `html` profile): no SVG, no MathML; on top of that
 *   script, style, iframe, frame, object, embed, form and every form control, link, meta, base, template,
 *   noscript, audio/video/source/track, and custom elements are removed;
 * - every `on*` attribute, `style`, `srcset`, `action`, `formaction`, `xlink:href`, `ping`, `background` and
 *   `poster` is removed;
 * - links keep `href` only when it is absolute `http:`, `https:` or `mailto:` (relative links would resolve against
 *   the host page, so they are dropped); every link with an href gets `rel="noopener noreferrer"` and `target="_blank"`;
 * - images keep `src` only when it is `https:` (no mixed content) or a base64 `data:image/png|jpeg|gif|webp` (no
 *   `data:image/svg+xml`); other images are removed; an image without `alt` gets `alt=""` (decorative).
 *
 * Trusted Types: where the browser has them, sanitising happens inside the `createHTML` of the SDK's policy
 * `eservice-widgets` (src/core/trusted-types.ts), so the result is a TrustedHTML that a page with
 * `require-trusted-types-for 'script'` accepts. DOMPurify's own parsing step is signed by the same policy through a
 * re-entrancy guard (pass-through only while our own sanitize call is on the stack); DOMPurify therefore creates
 * no `dompurify` policy. Where Trusted Types are absent the result is the sanitised string.
 *
 * Rendering: `safeHtml(value)` is an element directive that assigns the sanitiser's output (TrustedHTML or string)
 * to the element's `innerHTML` — nothing is concatenated around it afterwards (mutation XSS), and under Trusted
 * Types the browser itself checks that the value came from the policy. (Lit's `unsafeHTML` is not used: it rejects
 * TrustedHTML objects and would push a plain string through Lit's pass-through `lit-html` policy.)
 */

declare const sanitizedBrand: unique symbol;
/** Output of the sanitiser: TrustedHTML where Trusted Types exist, else a string. Only `sanitize()` makes these. */
export type SanitizedHtml = TrustedHTMLLike & { readonly [sanitizedBrand]: true };

export interface Sanitizer {
  /** Sanitises untrusted HTML for the article view. */
  sanitize(dirty: string): SanitizedHtml;
  /** Whether the output is TrustedHTML (Trusted Types policy in use). */
  readonly trusted: boolean;
}

type PurifyModule = { default: DOMPurify };
export type SanitizerLoader = () => Promise<PurifyModule>;

const defaultLoader: SanitizerLoader = () => import('dompurify') as Promise<PurifyModule>;
let loader: SanitizerLoader = defaultLoader;
let pending: Promise<Sanitizer> | null = null;

/** Replaces how DOMPurify is loaded (tests spy on it to prove it is loaded only when an article opens). */
export function setSanitizerLoader(next: SanitizerLoader | null): void {
  loader = next ?? defaultLoader;
  pending = null;
}

/** True once loadSanitizer() has been called. */
export function sanitizerRequested(): boolean {
  return pending !== null;
}

export const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'optgroup', 'datalist', 'output', 'keygen', 'svg', 'math', 'link', 'meta', 'base',
  'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'audio', 'video', 'source', 'track', 'portal',
  'fencedframe', 'dialog', 'slot',
];
export const FORBID_ATTR = [
  'style', 'srcset', 'action', 'formaction', 'xlink:href', 'ping', 'background', 'poster', 'is', 'slot', 'part',
  'exportparts', 'popover', 'popovertarget', 'shadowroot', 'shadowrootmode', 'autofocus', 'contenteditable',
];

/** DOMPurify configuration of the article view. */
export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // URI-carrying attributes other than a[href] and img[src] (handled in the hook): absolute http(s)/mailto only.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  CUSTOM_ELEMENT_HANDLING: { tagNameCheck: null, attributeNameCheck: null, allowCustomizedBuiltInElements: false },
};

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/** The absolute URL when `value` is an allowed link target, else null. */
export function safeLinkHref(value: string): string | null {
  const v = value.trim();
  // Absolute only: a scheme followed by ':'; no control characters or whitespace tricks.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) || /[\u0000-\u001f\u007f]/.test(v)) return null;
  try {
    const url = new URL(v);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The URL when `value` is an allowed image source (https or raster data: image), else null. */
export function safeImageSrc(value: string): string | null {
  const v = value.trim();
  if (DATA_IMAGE.test(v)) return v;
  if (!/^https:/i.test(v) || /[\u0000-\u001f\u007f]/.test(v)) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function configure(purify: DOMPurify): void {
  purify.addHook('uponSanitizeAttribute', (node: Element, data: UponSanitizeAttributeHookEvent) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith('on') || FORBID_ATTR.includes(name)) { data.keepAttr = false; data.forceKeepAttr = false; return; }
    const tag = node.nodeName.toLowerCase();
    if (name === 'href') {
      const href = tag === 'a' || tag === 'area' ? safeLinkHref(data.attrValue) : null;
      if (href === null) { data.keepAttr = false; return; }
      data.attrValue = href;
    } else if (name === 'src') {
      const src = tag === 'img' ? safeImageSrc(data.attrValue) : null;
      if (src === null) { data.keepAttr = false; return; }
      data.attrValue = src;
      // data: images are not matched by ALLOWED_URI_REGEXP; the check above is stricter than DOMPurify's.
      data.forceKeepAttr = true;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node: Element) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    } else if (node.nodeName === 'A') {
      node.removeAttribute('target');
    } else if (node.nodeName === 'IMG') {
      // An image whose source was refused shows nothing: drop it. One without alt text is treated as decorative.
      if (!node.hasAttribute('src')) node.remove();
      else if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
}

function createSanitizer(factory: DOMPurify): Sanitizer {
  // A private instance: our hooks and our policy never leak into another DOMPurify user on the page.
  const purify = factory(window);
  configure(purify);
  let inside = 0;
  const sanitizeToString = (dirty: string): string => {
    if (inside > 0) return dirty; // DOMPurify signing its own parse input/output during our call (see above)
    inside++;
    try {
      return purify.sanitize(String(dirty), {
        ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false, TRUSTED_TYPES_POLICY: policyForPurify,
      }) as unknown as string;
    } finally {
      inside--;
    }
  };
  const policy = getHtmlPolicy(sanitizeToString);
  // DOMPurify needs createScriptURL as a function; it is never called (script and embeds are forbidden).
  const policyForPurify = policy
    ? { createHTML: (s: string) => policy.createHTML(s), createScriptURL: (): never => { throw new TypeError('eservice-widgets: script URLs are not allowed'); } } as unknown as Config['TRUSTED_TYPES_POLICY']
    : null;
  if (policy) {
    return {
      trusted: true,
      sanitize: (dirty: string) => {
        if (inside > 0) throw new TypeError('eservice-widgets: sanitize() re-entered');
        return policy.createHTML(String(dirty ?? '')) as SanitizedHtml;
      },
    };
  }
  const hasTT = typeof (globalThis as { trustedTypes?: unknown }).trustedTypes === 'object';
  return {
    trusted: false,
    sanitize: (dirty: string) => {
      // No policy of ours: where Trusted Types exist (our name refused), let DOMPurify sign with its own policy.
      const out = purify.sanitize(String(dirty ?? ''), { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: hasTT });
      return out as unknown as SanitizedHtml;
    },
  };
}

/** Loads DOMPurify (once) and returns the article sanitiser. */
export function loadSanitizer(): Promise<Sanitizer> {
  if (!pending) {
    const p = loader().then((m) => createSanitizer(m.default ?? (m as unknown as DOMPurify)));
    pending = p;
    p.catch(() => { if (pending === p) pending = null; }); // a failed chunk load may be retried
  }
  return pending;
}

class SafeHtmlDirective extends Directive {
  private last: unknown = undefined;
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('safeHtml() must be used as an element directive: <div ${safeHtml(x)}>');
  }
  render(_value: SanitizedHtml | null | undefined): unknown {
    return noChange;
  }
  override update(part: ElementPart, [value]: [SanitizedHtml | null | undefined]): unknown {
    if (value !== this.last) {
      this.last = value;
      // The sanitiser's output goes straight into the sink, unchanged: TrustedHTML under Trusted Types.
      try {
        (part.element as unknown as { innerHTML: unknown }).innerHTML = value ?? '';
      } catch (e) {
        // Only when the page enforces Trusted Types but refused both our policy name and DOMPurify's.
        part.element.textContent = '';
        console.warn('[eservice-widgets] The article could not be shown: the page\'s Trusted Types policy list must allow "eservice-widgets".', e);
      }
    }
    return noChange;
  }
}

/**
 * Element directive: `<div ${safeHtml(sanitizer.sanitize(html))}></div>` sets the element's content to the
 * sanitiser's output. The element must have no other Lit-managed children.
 */
export const safeHtml = directive(SafeHtmlDirective);
