import { expect } from '@open-wc/testing';
import { createApiClient } from '../../src/core/api-client.js';
import type { Session, SessionState } from '../../src/core/session-types.js';
import { mockBase, requests, script, uniqueKey } from './mock.js';

// Its own file (own page): nothing else here imports ky, so the module requests the page made tell whether
// the API client loaded ky. Anonymous calls must not (a public page never downloads it); a call with a
// token must (the signed-in transport is ky).
const kyRequested = () => performance.getEntriesByType('resource').some((r) => /\/node_modules\/ky\//.test(r.name));

const signedIn: Session = {
  state: { status: 'signed-in', user: null, error: null } as SessionState,
  ready: Promise.resolve(),
  subscribe: () => () => undefined,
  signIn: async () => undefined,
  signOut: async () => undefined,
  getAccessToken: async () => 'tok-lazy',
  renew: async () => null,
  clearError: () => undefined,
};

describe('createApiClient: ky only for signed-in calls', () => {
  it('anonymous calls do not load ky; the first call with a token does, and carries the token', async () => {
    const key = uniqueKey();
    await script(key, [{ json: [] }, { json: { items: [], nextCursor: null, total: 0 } }, { json: [] }]);
    await createApiClient({ apiUrl: mockBase(key) }).listProducts();
    await createApiClient({ apiUrl: mockBase(key) }).searchKb({ q: 'vpn' });
    expect(kyRequested(), 'ky was loaded for anonymous calls').to.equal(false);

    await createApiClient({ apiUrl: mockBase(key), session: signedIn }).listProducts();
    expect(kyRequested(), 'ky was not loaded for a call with a token').to.equal(true);
    const log = await requests(key);
    expect(log.map((r) => r.headers.authorization)).to.deep.equal([null, null, 'Bearer tok-lazy']);
  });
});
