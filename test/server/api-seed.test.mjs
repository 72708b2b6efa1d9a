// Seed data: the shared demo facts of the team brief, coverage of every status and severity, determinism, and
// the size options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../demo/server/db.mjs';
import { findAccountByEmail, verifyPassword } from '../../demo/server/idp/accounts.mjs';
import { seedDatabase } from '../../demo/server/seed/seed.mjs';

const NOW = Date.UTC(2026, 10, 25, 12);

async function seeded(size) {
  const db = openDatabase(':memory:');
  const result = await seedDatabase(db, { size, now: NOW });
  return { db, result };
}

test('demo seed: organisations, users and portal access as in the team brief', async () => {
  const { db, result } = await seeded(undefined);
  try {
    assert.ok(result.cases >= 200 && result.articles >= 300 && result.documents >= 10);
    assert.deepEqual(db.prepare('SELECT name, account_id FROM organisations ORDER BY account_id').all(), [
      { name: 'Nordic Bank Oyj', account_id: 'ACC-104233' },
      { name: 'Fabrikam Logistics GmbH', account_id: 'ACC-220871' },
      { name: 'Contoso Health Ltd', account_id: 'ACC-318560' },
    ]);
    const access = (email) => {
      const a = findAccountByEmail(db, email);
      assert.ok(a, email);
      const pu = db.prepare('SELECT p.access, o.account_id FROM portal_users p JOIN organisations o ON o.id = p.organisation_id WHERE p.account_id = ?').get(a.id);
      return pu ? `${pu.access} ${pu.account_id}` : 'none';
    };
    assert.equal(access('anna.virtanen@nordicbank.example'), 'enabled ACC-104233');
    assert.equal(access('mikko.laine@nordicbank.example'), 'enabled ACC-104233');
    assert.equal(access('pekka.pending@nordicbank.example'), 'pending ACC-104233');
    assert.equal(access('john.smith@fabrikam.example'), 'enabled ACC-220871');
    assert.equal(access('greta.berg@fabrikam.example'), 'enabled ACC-220871');
    assert.equal(access('lukas.meyer@fabrikam.example'), 'enabled ACC-220871');
    assert.equal(access('sarah.jones@contoso.example'), 'enabled ACC-318560');
    assert.equal(access('david.chen@contoso.example'), 'enabled ACC-318560');
    assert.equal(access('olli.noaccess@example.com'), 'none');
    assert.equal(findAccountByEmail(db, 'john.smith@fabrikam.example').username, 'jsmith');
    assert.equal(findAccountByEmail(db, 'anna.virtanen@nordicbank.example').username, 'anna.virtanen@nordicbank.example');
    assert.ok(verifyPassword(db, 'jsmith', 'Support!2026'), 'demo password works');
    assert.equal(db.prepare("SELECT COUNT(*) AS n FROM account_requests WHERE email = 'olli.noaccess@example.com'").get().n, 0);
    assert.ok(db.prepare("SELECT COUNT(*) AS n FROM account_requests WHERE status = 'open'").get().n >= 1, 'something for the admin page');
    assert.ok(db.prepare('SELECT COUNT(*) AS n FROM products').get().n >= 12);
  } finally {
    db.close();
  }
});

test('demo seed: every organisation has every status and severity; threads, history and attachments are consistent', async () => {
  const { db } = await seeded(undefined);
  try {
    for (const org of ['org-nordic-bank', 'org-fabrikam', 'org-contoso']) {
      const statuses = db.prepare('SELECT DISTINCT status FROM cases WHERE organisation_id = ? ORDER BY status').all(org).map((r) => r.status);
      assert.deepEqual(statuses, ['closed', 'escalated', 'in_progress', 'new', 'solved', 'waiting_on_customer'], org);
      const sevs = db.prepare('SELECT DISTINCT severity FROM cases WHERE organisation_id = ? ORDER BY severity').all(org).map((r) => r.severity);
      assert.deepEqual(sevs, ['critical', 'high', 'low', 'medium'], org);
    }
    const cases = db.prepare('SELECT * FROM cases').all();
    for (const c of cases) {
      const h = db.prepare('SELECT * FROM case_history WHERE case_id = ? ORDER BY seq').all(c.id);
      assert.equal(h[0].from_status, null);
      assert.equal(h[0].to_status, 'new');
      assert.equal(h.at(-1).to_status, c.status, `${c.number} history ends in its status`);
      for (let i = 1; i < h.length; i++) assert.equal(h[i].from_status, h[i - 1].to_status);
      assert.ok(c.updated_at >= c.created_at);
      const comments = db.prepare('SELECT COUNT(*) AS n FROM comments WHERE case_id = ?').get(c.id).n;
      assert.equal(comments, c.comment_count, c.number);
      if (c.status === 'escalated') assert.ok(c.escalation_level >= 1);
      const pu = db.prepare('SELECT organisation_id FROM portal_users WHERE account_id = ?').get(c.created_by);
      assert.equal(pu.organisation_id, c.organisation_id, 'created by a user of the organisation');
    }
    const waiting = db.prepare(`SELECT c.id, (SELECT author_role FROM comments WHERE case_id = c.id ORDER BY created_at DESC, seq DESC LIMIT 1) AS last
      FROM cases c WHERE status = 'waiting_on_customer'`).all();
    assert.ok(waiting.every((w) => w.last === 'support'), 'waiting on the customer = support spoke last');
    const roles = db.prepare('SELECT DISTINCT author_role FROM comments ORDER BY 1').all().map((r) => r.author_role);
    assert.deepEqual(roles, ['customer', 'support']);
    assert.ok(db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE case_id IS NOT NULL').get().n >= 20);
    assert.ok(db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE comment_id IS NOT NULL').get().n >= 5);
    const numbers = cases.map((c) => c.number);
    assert.ok(numbers.every((n) => /^CS-\d{7}$/.test(n)));
    assert.equal(new Set(numbers).size, numbers.length);
  } finally {
    db.close();
  }
});

test('seed is deterministic for the same time anchor (except account ids)', async () => {
  const a = await seeded({ cases: 50, articles: 40 });
  const b = await seeded({ cases: 50, articles: 40 });
  try {
    const dump = (db) => JSON.stringify([
      db.prepare('SELECT id, number, subject, description, product_id, severity, status, created_at, updated_at, comment_count FROM cases ORDER BY seq').all(),
      db.prepare('SELECT id, title, body_html, updated_at FROM kb_articles ORDER BY num').all(),
      db.prepare('SELECT id, body, created_at, author_role FROM comments ORDER BY seq').all(),
      db.prepare('SELECT id, size FROM documents ORDER BY id').all(),
    ]);
    assert.equal(dump(a.db), dump(b.db));
    assert.equal(a.result.cases, 50);
    assert.equal(a.result.articles, 40);
  } finally {
    a.db.close();
    b.db.close();
  }
});

test('KB articles: distinct titles, real structure, every product covered', async () => {
  const { db } = await seeded(undefined);
  try {
    const rows = db.prepare('SELECT title, body_html, body_text, product_id FROM kb_articles').all();
    assert.equal(new Set(rows.map((r) => r.title)).size, rows.length, 'titles are distinct');
    const products = new Set(rows.map((r) => r.product_id).filter(Boolean));
    assert.ok(products.size >= 12);
    for (const r of rows.filter((x) => x.product_id)) {
      assert.match(r.body_html, /<h2>Cause<\/h2>[\s\S]*<ul><li>[\s\S]*<h2>Resolution<\/h2>[\s\S]*<ol><li>[\s\S]*<pre><code>/);
      assert.ok(!/<\/?(p|ul|ol|li|h2|pre|code|strong)>/.test(r.body_text), 'body_text is plain text');
    }
  } finally {
    db.close();
  }
});

test('a larger seed (2,000 cases, 2,000 articles) takes seconds, not minutes', async () => {
  const t0 = performance.now();
  const { db, result } = await seeded({ cases: 2000, articles: 2000 });
  const ms = performance.now() - t0;
  try {
    assert.equal(result.cases, 2000);
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM kb_fts').get().n, 2000, 'FTS index in sync');
    assert.ok(ms < 30_000, `took ${Math.round(ms)} ms`);
  } finally {
    db.close();
  }
});
