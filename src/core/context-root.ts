import { ContextRoot } from '@lit/context';

const KEY = Symbol.for('eservice-widgets/context-root');

/**
 * Attaches one @lit/context `ContextRoot` to the document (once per page, shared by every copy of the SDK).
 * It keeps context requests that nobody answered yet — an element whose code loaded BEFORE es-provider's — and
 * replays them when a provider appears, so load order does not matter. The lazy loader should call it first.
 */
export function ensureContextRoot(doc: Document | undefined = typeof document !== 'undefined' ? document : undefined): void {
  if (!doc) return;
  const holder = doc as Document & { [KEY]?: ContextRoot };
  if (holder[KEY]) return;
  const root = new ContextRoot();
  root.attach(doc.documentElement);
  holder[KEY] = root;
}
