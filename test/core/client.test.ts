import { expect } from '@open-wc/testing';
import { createSupportClient } from '../../src/core/client.js';
import { ConfigError } from '../../src/core/config.js';
import { sharedSession } from '../../src/core/session.js';
import { mockBase, requests, script, uniqueKey } from './mock.js';

describe('createSupportClient', () => {
  it('validates the config and returns config, session and api', async () => {
    const key = uniqueKey();
    await script(key, [{ json: [{ id: 'p1', name: 'Endpoint Protection', family: 'Endpoint' }] }]);
    const client = createSupportClient({ apiUrl: `${mockBase(key)}/`, locale: 'fi' });
    expect(client.config).to.include({ apiUrl: mockBase(key), locale: 'fi', tokenStorage: 'session', theme: 'light' });
    await client.session.ready;
    expect(client.session.state.status).to.equal('signed-out');
    expect(await client.api.listProducts()).to.deep.equal([{ id: 'p1', name: 'Endpoint Protection', family: 'Endpoint' }]);
    expect((await requests(key))[0].headers.authorization).to.equal(null);
  });

  it('throws a ConfigError naming the field', () => {
    expect(() => createSupportClient({ apiUrl: 'http://api.example/v1', clientId: 'portal-a' })).to.throw(ConfigError, /authority/);
  });

  it('shares one session per sign-in configuration on the page', () => {
    const cfg = { apiUrl: 'http://api.example/v1', authority: 'http://idp.example', clientId: `shared-${uniqueKey()}`, tokenStorage: 'memory' as const };
    const a = createSupportClient(cfg);
    const b = createSupportClient({ ...cfg, apiUrl: 'http://other.example/v1', theme: 'dark' });
    expect(a.session).to.equal(b.session);
    expect(a.api).to.not.equal(b.api);
    expect(sharedSession(a.config)).to.equal(a.session);
    expect(createSupportClient({ ...cfg, clientId: `${cfg.clientId}-2` }).session).to.not.equal(a.session);
  });
});
