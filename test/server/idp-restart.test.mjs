// A restart on the same data folder keeps Business Accounts, signing keys, provider sessions and refresh tokens.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import {
  startTestStack, signIn, authorizeRequest, exchangeCode, refreshTokens, decodeJwt,
} from './helpers/start-stack.mjs';
import { createAccount, findAccountByEmail } from '../../demo/server/idp/accounts.mjs';

const PW = 'Restart-proof-1';
let stack;
after(async () => { await stack?.cleanup(); });

test('restart keeps accounts, keys, sessions and refresh tokens', async () => {
  stack = await startTestStack({ seed: 'none' });
  const acc = createAccount(stack.db, { email: 'rita.restart@idp-test.example', firstName: 'Rita', lastName: 'Restart', password: PW });
  const t = await signIn(stack, { username: acc.email, password: PW });
  const jwksBefore = await (await fetch(`${stack.urls.idp}/jwks`)).json();
  const dataDir = stack.dataDir;

  stack = await stack.restart();
  assert.equal(stack.dataDir, dataDir);

  // Accounts.
  assert.equal(findAccountByEmail(stack.db, acc.email)?.id, acc.id);

  // Signing keys: same JWKS, and the access token issued before the restart still verifies.
  const jwksAfter = await (await fetch(`${stack.urls.idp}/jwks`)).json();
  assert.deepEqual(jwksAfter, jwksBefore);
  const jwks = createRemoteJWKSet(new URL('/jwks', stack.urls.idp));
  const { payload } = await jwtVerify(t.accessToken, jwks, { issuer: stack.urls.idp, audience: stack.resource });
  assert.equal(payload.sub, acc.id);

  // Provider session: the same browser gets a code without the login page (on the other portal too).
  for (const clientIndex of [0, 1]) {
    const a = authorizeRequest(stack, { clientIndex });
    const { url } = await t.browser.follow(a.url, {}, { stopAt: [a.origin] });
    assert.ok(url.startsWith(a.redirectUri), `session kept for portal ${clientIndex}: ${url}`);
    const { body } = await exchangeCode(stack, {
      code: new URL(url).searchParams.get('code'), verifier: a.verifier, redirectUri: a.redirectUri, client: a.client,
    });
    assert.equal(decodeJwt(body.access_token).sub, acc.id);
  }

  // Refresh token issued before the restart.
  const r = await refreshTokens(stack, { refreshToken: t.refreshToken });
  assert.equal(r.res.status, 200, JSON.stringify(r.body));
  assert.equal(decodeJwt(r.body.access_token).sub, acc.id);

  // And the password still works in a new browser.
  const t2 = await signIn(stack, { username: acc.email, password: PW });
  assert.equal(decodeJwt(t2.accessToken).sub, acc.id);
});
