/**
 * The small hash router of es-portal. Routes:
 * `#/` (home: the portal picks cases or kb), `#/cases`, `#/cases/<id>`, `#/new` (`?subject=`), `#/kb` (`?q=`),
 * `#/kb/<id>` (`?q=`), `#/contact`, `#/documents`, `#/request-account`. Hashes that do not start with `#/` are not
 * routes (in-page anchors, skip links) and leave the current route alone.
 */
export type Route =
  | { name: 'home' }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'new'; subject: string }
  | { name: 'kb'; query: string }
  | { name: 'article'; id: string; query: string }
  | { name: 'contact' }
  | { name: 'documents' }
  | { name: 'request-account' }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

const decode = (s: string) => {
  try { return decodeURIComponent(s); } catch { return s; }
};

/** Parses a location hash (`#/kb?q=vpn`). Returns null for a hash that is not a route (e.g. `#main`). */
export function parseHash(hash: string): Route | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { name: 'home' };
  if (!raw.startsWith('/')) return null;
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const segments = path.split('/').filter(Boolean).map(decode);
  const [first = '', second, ...rest] = segments;
  if (rest.length) return { name: 'not-found', path };
  switch (first) {
    case '': return { name: 'home' };
    case 'cases': return second ? { name: 'case', id: second } : { name: 'cases' };
    case 'new': return second ? { name: 'not-found', path } : { name: 'new', subject: params.get('subject') ?? '' };
    case 'kb': return second
      ? { name: 'article', id: second, query: params.get('q') ?? '' }
      : { name: 'kb', query: params.get('q') ?? '' };
    case 'contact':
    case 'documents':
    case 'request-account':
      return second ? { name: 'not-found', path } : { name: first };
    default: return { name: 'not-found', path };
  }
}

const withQuery = (path: string, key: string, value: string) =>
  value ? `${path}?${new URLSearchParams({ [key]: value }).toString()}` : path;

/** The hash (with `#`) of a route. */
export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'cases': return '#/cases';
    case 'case': return `#/cases/${encodeURIComponent(route.id)}`;
    case 'new': return withQuery('#/new', 'subject', route.subject);
    case 'kb': return withQuery('#/kb', 'q', route.query);
    case 'article': return withQuery(`#/kb/${encodeURIComponent(route.id)}`, 'q', route.query);
    case 'not-found': return `#${route.path}`;
    default: return `#/${route.name}`;
  }
}

export type RouteSource = 'start' | 'navigate' | 'history';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
}

/**
 * Follows `location.hash`. `navigate()` adds a history entry (so back and forward work) and the change arrives
 * through `hashchange` like any other; `onChange` gets the route and whether it came from navigate() or from the
 * browser (back / forward / a link / typing the URL).
 */
export class HashRouter {
  private current: Route = { name: 'home' };
  private pending: string | null = null;
  private started = false;

  constructor(
    private readonly onChange: (route: Route, source: RouteSource) => void,
    private readonly win: Window = window,
  ) {}

  get route(): Route {
    return this.current;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.win.addEventListener('hashchange', this.onHashChange);
    this.current = parseHash(this.win.location.hash) ?? { name: 'home' };
    this.onChange(this.current, 'start');
  }

  stop(): void {
    this.started = false;
    this.win.removeEventListener('hashchange', this.onHashChange);
  }

  /**
   * Re-reads the hash. Needed after `history.replaceState()` (which fires no event), e.g. when the session has put
   * the deep link back into the URL after the sign-in redirect.
   */
  refresh(): void {
    if (!this.started) return;
    const route = parseHash(this.win.location.hash);
    if (route && routeToHash(route) !== routeToHash(this.current)) {
      this.current = route;
      this.onChange(route, 'history');
    }
  }

  navigate(target: Route | string, options: NavigateOptions = {}): void {
    const hash = typeof target === 'string' ? (target.startsWith('#') ? target : `#${target}`) : routeToHash(target);
    if (hash === this.win.location.hash) return;
    if (options.replace) {
      const url = new URL(this.win.location.href);
      url.hash = hash;
      this.win.history.replaceState(this.win.history.state, '', url.href);
      this.apply(hash, 'navigate');
      return;
    }
    this.pending = hash;
    this.win.location.hash = hash;
  }

  private onHashChange = (): void => {
    const hash = this.win.location.hash;
    const source: RouteSource = this.pending === hash ? 'navigate' : 'history';
    this.pending = null;
    this.apply(hash, source);
  };

  private apply(hash: string, source: RouteSource): void {
    const route = parseHash(hash);
    if (!route) return; // an in-page anchor, not a route
    this.current = route;
    this.onChange(route, source);
  }
}
