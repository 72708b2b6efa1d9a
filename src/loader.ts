/**
 * The CDN entry (`eservice-widgets.js`): a small autoloader in the Shoelace pattern. It registers nothing up front;
 * a MutationObserver finds `es-*` elements as they appear (in the document and in the open shadow roots of our
 * own elements) and imports the chunk that defines each tag the first time it is seen. A page that shows only a
 * contact card therefore never downloads the sign-in, case or sanitiser code.
 *
 * Chunk URLs are relative to this module (ES dynamic import resolves against `import.meta.url`), so the bundle
 * works from any CDN path. Before the first element chunk runs, a ContextRoot is attached to the document so an
 * element that upgrades before its `es-provider` still receives config, session and api once the provider arrives.
 * The entry imports nothing statically (the context root comes with the shared core chunk, by dynamic import), so
 * it runs at once and starts every download a tag needs in one go: the CDN build gives it a preload map (tag ->
 * files of that element's static import graph) and each file gets a `<link rel="modulepreload">`, instead of the
 * browser finding each level of imports one round trip after the other.
 *
 * Host pages can also call `load(tag)` / `discover(root)` themselves (e.g. for closed shadow roots).
 */
import { elementLoaders } from './loader/tags.js';

/**
 * Written by the CDN build (rollup.config.mjs prepends `const __ES_PRELOAD__={...}` to the entry): tag -> files
 * relative to this module. Undeclared elsewhere (npm build, tests): no preloads, imports still work.
 */
declare const __ES_PRELOAD__: Record<string, readonly string[]> | undefined;
const preloadMap: Record<string, readonly string[]> = typeof __ES_PRELOAD__ === 'object' ? __ES_PRELOAD__ : {};
const preloaded = new Set<string>();

/** Starts the download of every file `tag` needs (once per file); the import that follows finds them fetched. */
function preload(tag: string): void {
  if (!Object.hasOwn(preloadMap, tag) || typeof document === 'undefined') return;
  for (const file of preloadMap[tag]!) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href; // a plain URL: not a Trusted Types sink, allowed by `script-src 'self'` when same-origin
    (document.head ?? document.documentElement).append(link);
  }
}

let contextRoot: Promise<void> | null = null;
/** Attaches the document's ContextRoot (once) before any element chunk runs; retried after a failed import. */
function ensureRoot(): Promise<void> {
  contextRoot ??= import('./core/context-root.js').then(
    (m) => { if (typeof document !== 'undefined') m.ensureContextRoot(document); },
    (error: unknown) => { contextRoot = null; throw error; },
  );
  return contextRoot;
}

const loading = new Map<string, Promise<void>>();
const observedRoots = new WeakSet<Node>();
const watchedHosts = new WeakSet<Element>();

/** Tags this loader knows how to load. */
export const knownTags: readonly string[] = Object.keys(elementLoaders);
const selector = knownTags.join(',');

/** Imports the chunk defining `tag` (once). Resolves when the tag is defined; unknown tags resolve at once. */
export function load(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const existing = loading.get(name);
  if (existing) return existing;
  const importer = elementLoaders[name];
  if (!importer || customElements.get(name)) return Promise.resolve();
  preload(name);
  const p = ensureRoot()
    .then(importer)
    .then(() => customElements.whenDefined(name))
    .then(() => undefined, (error: unknown) => {
      loading.delete(name); // allow a retry (e.g. after a network blip) on the next discovery
      console.error(`[eservice-widgets] could not load <${name}>:`, error);
    });
  loading.set(name, p);
  return p;
}

/** Loads every es-* tag in `root` (and watches the open shadow roots of our elements). */
export function discover(root: Element | Document | ShadowRoot | DocumentFragment): Promise<void> {
  const found: Element[] = [];
  if (root instanceof Element && isCandidate(root)) found.push(root);
  if (selector) found.push(...Array.from(root.querySelectorAll(selector)));
  const tags = new Set<string>();
  for (const el of found) {
    tags.add(el.localName);
    watchShadow(el);
  }
  return Promise.all([...tags].map(load)).then(() => undefined);
}

function isCandidate(el: Element): boolean {
  return Object.prototype.hasOwnProperty.call(elementLoaders, el.localName);
}

/** Once `el` is defined and has rendered, observe its open shadow root for nested es-* elements. */
function watchShadow(el: Element): void {
  if (watchedHosts.has(el)) return;
  watchedHosts.add(el);
  void customElements.whenDefined(el.localName).then(async () => {
    await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    const sr = el.shadowRoot;
    if (sr) observe(sr);
  });
}

const observer = new MutationObserver((mutations) => {
  for (const m of mutations) {
    for (let i = 0; i < m.addedNodes.length; i++) {
      const n = m.addedNodes[i]!;
      if (n.nodeType === 1) void discover(n as Element);
    }
  }
});

/** Observe `root` (document or shadow root) and load what it already holds. */
export function observe(root: Document | ShadowRoot): void {
  if (observedRoots.has(root)) return;
  observedRoots.add(root);
  observer.observe(root, { childList: true, subtree: true });
  void discover(root);
}

if (typeof document !== 'undefined' && !(globalThis as { __esLoader?: boolean }).__esLoader) {
  (globalThis as { __esLoader?: boolean }).__esLoader = true;
  observe(document);
}
