import type { SupportApi } from './api-types.js';
import { createApiClient } from './api-client.js';
import { validateConfig } from './config.js';
import type { EsConfig } from './config.types.js';
import { createSession, sharedSession, type OidcSession, type SessionDeps } from './session.js';

export interface SupportClient {
  /** The validated configuration with defaults filled in. */
  config: EsConfig;
  /** Sign-in state and tokens (oidc-client-ts, loaded only when needed). */
  session: OidcSession;
  /** The typed support API with the session's bearer token. */
  api: SupportApi;
}

/**
 * Everything es-provider builds, for hosts without Lit or without the element: validates `config` (throws
 * `ConfigError` naming the field), gets the page's session for this configuration and creates the API client. Provide them to elements with
 * `new ContextProvider(document.body, { context: apiContext, initialValue: client.api })` or simply use
 * `<es-provider>`. With `silentSignIn` it starts the silent sign-in on arrival, as es-provider does.
 */
export function createSupportClient(config: Partial<EsConfig>, options: { timeout?: number; session?: SessionDeps } = {}): SupportClient {
  const valid = validateConfig(config);
  // The page-wide session for this configuration (shared with any es-provider), unless test deps are given.
  const session = options.session ? createSession(valid, options.session) : sharedSession(valid);
  const api = createApiClient({ apiUrl: valid.apiUrl, session, ...(options.timeout ? { timeout: options.timeout } : {}) });
  if (valid.silentSignIn) void session.trySilentSignIn();
  return { config: valid, session, api };
}
