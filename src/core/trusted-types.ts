/**
 * The SDK's one Trusted Types policy, `eservice-widgets`. It is created once per page (a second copy of the SDK
 * reuses the first one's policy instead of asking for a duplicate, which `trusted-types eservice-widgets` without
 * `'allow-duplicates'` would refuse) and only where the browser has Trusted Types (`window.trustedTypes`).
 * Its `createHTML` is the KB-article sanitiser (src/core/sanitize.ts runs DOMPurify in it). It defines no
 * `createScript` / `createScriptURL`: the SDK never creates script or script URLs.
 *
 * A host page with `require-trusted-types-for 'script'` and a `trusted-types` list must allow `eservice-widgets`
 * (and `lit-html`, which Lit needs for its templates).
 */

export const POLICY_NAME = 'eservice-widgets';

/** Opaque TrustedHTML (the browser's type); a string where Trusted Types do not exist. */
export interface TrustedHTMLLike {
  toString(): string;
}

export interface HtmlPolicy {
  readonly name: string;
  createHTML(input: string): TrustedHTMLLike;
}

interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createHTML?: (input: string) => string }): HtmlPolicy;
  isHTML?(value: unknown): boolean;
}

const GLOBAL_KEY = Symbol.for('eservice-widgets/trusted-types-policy');
type Holder = { [GLOBAL_KEY]?: HtmlPolicy | null };

/** The browser's Trusted Types factory, or null where the API does not exist. */
export function trustedTypesFactory(): TrustedTypePolicyFactoryLike | null {
  const tt = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  return tt && typeof tt.createPolicy === 'function' ? tt : null;
}

/**
 * Returns the `eservice-widgets` policy, creating it on the first call with `createHTML` as its HTML rule.
 * Returns null where Trusted Types are absent, or when the page's CSP refuses the policy name (a warning says so).
 * Later calls return the first policy whatever `createHTML` they pass.
 */
export function getHtmlPolicy(createHTML: (input: string) => string): HtmlPolicy | null {
  const holder = globalThis as unknown as Holder;
  if (GLOBAL_KEY in holder) return holder[GLOBAL_KEY] ?? null;
  const tt = trustedTypesFactory();
  let policy: HtmlPolicy | null = null;
  if (tt) {
    try {
      policy = tt.createPolicy(POLICY_NAME, { createHTML });
    } catch (e) {
      console.warn(`[eservice-widgets] The Trusted Types policy "${POLICY_NAME}" could not be created; add it to the page's trusted-types directive.`, e);
    }
  }
  holder[GLOBAL_KEY] = policy;
  return policy;
}

/** True when `value` is a TrustedHTML object made by a policy. */
export function isTrustedHTML(value: unknown): boolean {
  const tt = trustedTypesFactory();
  return !!tt && typeof tt.isHTML === 'function' && tt.isHTML(value);
}
