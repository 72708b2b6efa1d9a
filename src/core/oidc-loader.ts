/**
 * oidc-client-ts is ~15 KB brotli: it is loaded with a dynamic import only when a page needs it (a sign-in
 * callback in the URL, a stored session, or a sign-in), so a page with only public elements never downloads it.
 */
export type OidcModule = typeof import('oidc-client-ts');

let loading: Promise<OidcModule> | null = null;

export function loadOidc(): Promise<OidcModule> {
  loading ??= import('oidc-client-ts').catch((e: unknown) => { loading = null; throw e; });
  return loading;
}
