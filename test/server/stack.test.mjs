// The stack as a whole: demo page servers (config, CSP page, what is and is not served, the outbox API),
// environment options, seeding, and `npm start` (demo/start.mjs) starting and stopping.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, freePort, signIn, decodeJwt, authorizeRequest } from './helpers/start-stack.mjs';
import { optionsFromEnv, listPagePaths } from '../../demo/server/stack.mjs';
import { findAccountByEmail, findAccountByUsername, countAccounts } from '../../demo/server/idp/accounts.mjs';
import { DEMO_PASSWORD } from '../../demo/server/idp/demo-accounts.mjs';
import { escapeHtml } from '../../demo/server/outbox.mjs';

let stack;
let distDir;
before(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'es-dist-'));
  await mkdir(join(distDir, 'cdn'), { recursive: true });
  await writeFile(join(distDir, 'cdn', 'eservice-widgets.js'), 'export const ok = 1;\n');
  stack = await startTestStack({ seed: 'none', distDir });
});
after(async () => {
  await stack?.cleanup();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

describe('demo page servers', () => {
  test('/config.json describes each portal origin', async () => {
    for (const [i, origin] of stack.urls.portals.entries()) {
      const res = await fetch(`${origin}/config.json`);
      assert.equal(res.status, 200);
      const c = await res.json();
      assert.equal(c.clientId, ['portal-a', 'portal-b'][i]);
      assert.equal(c.authority, stack.urls.idp);
      assert.equal(c.resource, stack.resource);
      assert.equal(c.apiUrl, `${stack.urls.api}/api/v1`);
      assert.equal(c.forgotPasswordUrl, `${stack.urls.idp}/password/forgot`);
      assert.equal(c.accountUrl, `${stack.urls.idp}/account`);
    }
  });

  test('csp.html is served with the strict policy naming the API and provider origins', async () => {
    const res = await fetch(`${stack.urls.portals[0]}/csp.html`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, 'CSP header present');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.ok(csp.includes(`connect-src 'self' ${stack.urls.api} ${stack.urls.idp}`));
    assert.ok(csp.includes(`frame-src ${stack.urls.idp}`));
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /trusted-types eservice-widgets lit-html/);
    const other = await fetch(`${stack.urls.portals[0]}/portal.html`);
    assert.equal(other.headers.get('content-security-policy'), null, 'only csp.html gets it');
  });

  test('serves pages and /dist with content types; never node_modules or files outside the roots', async () => {
    const origin = stack.urls.portals[1];
    const html = await fetch(`${origin}/outbox.html`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type'), /^text\/html/);
    const js = await fetch(`${origin}/outbox/outbox.js`);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    const css = await fetch(`${origin}/outbox/outbox.css`);
    assert.match(css.headers.get('content-type'), /^text\/css/);
    const dist = await fetch(`${origin}/dist/cdn/eservice-widgets.js`);
    assert.equal(dist.status, 200);
    assert.match(dist.headers.get('content-type'), /^text\/javascript/);
    assert.equal(await dist.text(), 'export const ok = 1;\n');
    for (const p of ['/node_modules/lit/package.json', '/dist/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/js/%00.js', '/nope.html']) {
      const r = await fetch(`${origin}${p}`);
      assert.equal(r.status, 404, p);
    }
    const post = await fetch(`${origin}/portal.html`, { method: 'POST' });
    assert.equal(post.status, 405);
  });

  test('/api/outbox lists messages, filters by recipient and returns one message', async () => {
    await stack.outbox.send({ to: 'outbox.reader@idp-test.example', subject: 'Case <b>42</b> updated', text: 'See http://localhost/x?a=1&b=2', kind: 'case-update' });
    await stack.outbox.send({ to: 'someone.else@idp-test.example', subject: 'Hello', text: 'Hi', kind: 'welcome' });
    const origin = stack.urls.portals[0];
    const all = await (await fetch(`${origin}/api/outbox`)).json();
    assert.ok(all.items.length >= 2);
    const mine = await (await fetch(`${origin}/api/outbox?to=${encodeURIComponent('Outbox.Reader@idp-test.example')}`)).json();
    assert.equal(mine.items.length, 1);
    const [m] = mine.items;
    assert.equal(m.kind, 'case-update');
    assert.deepEqual(m.links, ['http://localhost/x?a=1&b=2']);
    assert.ok(m.html.includes(escapeHtml('http://localhost/x?a=1&b=2')));
    const one = await (await fetch(`${origin}/api/outbox/${m.id}`)).json();
    assert.equal(one.subject, 'Case <b>42</b> updated');
    assert.match(one.raw, /^Subject: Case <b>42<\/b> updated$/m, 'a real RFC 5322 message');
    assert.match(one.raw, /Content-Type: multipart\/alternative/);
    assert.equal((await fetch(`${origin}/api/outbox/does-not-exist`)).status, 404);
  });
});

describe('outbox', () => {
  test('generated HTML escapes the text; unknown kinds are refused', async () => {
    const m = await stack.outbox.send({ to: 'esc@idp-test.example', subject: 's', text: '<img src=x onerror=alert(1)> "q"', kind: 'welcome' });
    assert.ok(!m.html.includes('<img'));
    assert.ok(m.html.includes('&lt;img src=x onerror=alert(1)&gt; &quot;q&quot;'));
    assert.throws(() => stack.outbox.send({ to: 'esc@idp-test.example', subject: 's', text: 't', kind: 'spam' }), /unknown outbox kind/);
  });
});

describe('redirect URIs from the pages folder', () => {
  test('every page of the pages folder (two levels) is a registered redirect URI', async () => {
    const pagesDir = await mkdtemp(join(tmpdir(), 'es-pages-'));
    await writeFile(join(pagesDir, 'custom-e2e.html'), '<!doctype html><title>x</title>');
    await mkdir(join(pagesDir, 'sub'));
    await writeFile(join(pagesDir, 'sub', 'index.html'), '<!doctype html><title>y</title>');
    assert.deepEqual(listPagePaths(pagesDir).sort(), ['/custom-e2e.html', '/sub/', '/sub/index.html']);
    const s = await startTestStack({ seed: 'none', pagesDir, portalCount: 1 });
    try {
      for (const [path, ok] of [['/custom-e2e.html', true], ['/sub/', true], ['/not-there.html', false]]) {
        const a = authorizeRequest(s, { path });
        const res = await fetch(a.url, { redirect: 'manual' });
        assert.equal(res.status, ok ? 303 : 400, path);
      }
      assert.equal((await fetch(`${s.urls.portals[0]}/custom-e2e.html`)).status, 200);
    } finally {
      await s.cleanup();
      await rm(pagesDir, { recursive: true, force: true });
    }
  });
});

describe('options', () => {
  test('environment variables', () => {
    assert.deepEqual(optionsFromEnv({
      ES_DATA_DIR: '/tmp/x', ES_IDP_PORT: '5100', ES_API_PORT: '5200', ES_PORTAL_PORTS: '9080, 9081,9082', ES_ACCESS_TOKEN_TTL: '30',
    }), { dataDir: '/tmp/x', idpPort: 5100, apiPort: 5200, portalPorts: [9080, 9081, 9082], accessTokenTtl: 30 });
    assert.deepEqual(optionsFromEnv({}), {});
    assert.throws(() => optionsFromEnv({ ES_PORTAL_PORTS: '80a' }), /ES_PORTAL_PORTS/);
  });

  test('accessTokenTtl shortens access tokens', async () => {
    const s = await startTestStack({ seed: 'demo', accessTokenTtl: 30, portalCount: 1 });
    try {
      const t = await signIn(s, { username: 'anna.virtanen@nordicbank.example', password: DEMO_PASSWORD });
      const p = decodeJwt(t.accessToken);
      assert.equal(p.exp - p.iat, 30);
      assert.equal(t.expiresIn <= 30, true);
    } finally {
      await s.cleanup();
    }
  });
});

describe('seeding', () => {
  test("seed 'demo' creates the demo accounts once; seed 'none' creates none", async () => {
    assert.equal(countAccounts(stack.db), 0);
    const s = await startTestStack({ seed: 'demo', portalCount: 1 });
    try {
      assert.ok(s.seeded);
      const anna = findAccountByEmail(s.db, 'anna.virtanen@nordicbank.example');
      assert.equal(anna?.status, 'active');
      const john = findAccountByUsername(s.db, 'jsmith');
      assert.equal(john?.email, 'john.smith@fabrikam.example');
      const t = await signIn(s, { username: 'jsmith', password: DEMO_PASSWORD });
      assert.equal(decodeJwt(t.accessToken).sub, john.id);
      const n = countAccounts(s.db);
      const again = await s.restart();
      try {
        assert.equal(again.seeded, false, 'not seeded twice');
        assert.equal(countAccounts(again.db), n);
      } finally {
        await again.cleanup();
      }
    } finally {
      await s.cleanup();
    }
  });
});

describe('npm start', () => {
  test('demo/start.mjs prints the URLs and credentials and stops on SIGTERM', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'es-start-'));
    const ports = { idp: await freePort(), api: await freePort(), a: await freePort(), b: await freePort() };
    const child = spawn(process.execPath, ['demo/start.mjs', '--no-build'], {
      env: {
        ...process.env, ES_DATA_DIR: dataDir, ES_IDP_PORT: String(ports.idp), ES_API_PORT: String(ports.api),
        ES_PORTAL_PORTS: `${ports.a},${ports.b}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', () => {});
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner:\n${out}`)), 45_000);
        child.stdout.on('data', () => { if (out.includes('Press Ctrl-C')) { clearTimeout(timer); resolve(); } });
        child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited early (${code}):\n${out}`)); });
      });
      assert.ok(out.includes(`http://localhost:${ports.idp}`));
      assert.ok(out.includes(`http://localhost:${ports.a}/outbox.html`));
      assert.ok(out.includes(`http://localhost:${ports.a}/admin.html`));
      assert.ok(out.includes('anna.virtanen@nordicbank.example'));
      assert.ok(out.includes(DEMO_PASSWORD));
      const cfg = await (await fetch(`http://localhost:${ports.b}/config.json`)).json();
      assert.equal(cfg.clientId, 'portal-b');
      const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      const { code } = await exited;
      assert.equal(code, 0);
      await assert.rejects(fetch(`http://localhost:${ports.idp}/jwks`), 'provider stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
