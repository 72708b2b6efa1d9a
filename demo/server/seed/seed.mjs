// Seed data of the reference stack: products, organisations, Business Accounts and portal users of the team
// brief, cases with comment threads and attachments, KB articles, contacts and service-description documents.
// Deterministic (seeded PRNG; timestamps relative to `now`), one transaction, prepared statements.
import { migrateIdp, createAccount, findAccountByEmail } from '../idp/accounts.mjs';
import { migrateApi } from '../api/schema.mjs';
import { sanitizeArticleHtml, htmlToText } from '../api/sanitize-html.mjs';
import { SEVERITY_RANK } from '../api/util.mjs';
import { createRandom } from './prng.mjs';
import { makePdf } from './pdf.mjs';
import { PRODUCTS, ORGANISATIONS, USERS, DEMO_PASSWORD, SUPPORT_ENGINEERS } from './data/catalogue.mjs';
import { CONTACTS } from './data/contacts.mjs';
import { SYMPTOMS, PLATFORMS, VERSIONS, articleHtml } from './data/kb.mjs';
import {
  CASE_SUBJECTS, FILL, DESCRIPTIONS, SYMPTOM_LINES, IMPACTS, SITES, THINGS, SUPPORT_LINES, CUSTOMER_LINES,
  CLOSE_REASONS, ESCALATION_REASONS, LONG_THREAD,
} from './data/cases.mjs';

export const DEFAULT_SIZE = { cases: 240, articles: 360 };
const DAY = 86400000;

function fillTemplate(t, vars) {
  return t.replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
}

function normaliseSize(size) {
  if (!size || size === 'demo' || typeof size !== 'object') return { ...DEFAULT_SIZE };
  const n = (v, d) => (Number.isInteger(v) && v >= 0 ? v : d);
  return { cases: n(size.cases, DEFAULT_SIZE.cases), articles: n(size.articles, DEFAULT_SIZE.articles) };
}

/** General articles that answer the sign-in and portal FAQ. */
const GENERAL_ARTICLES = [
  {
    title: 'Sign-in fails: your username is not your email address',
    html: '<p>Most Business Accounts use the email address as the username. Some older accounts have a separate username (for example <code>jsmith</code>).</p><h2>What to do</h2><ol><li>Try to sign in with your old username instead of the email address.</li><li>If you do not remember it, use <strong>Forgot your password?</strong>: the email tells you your username.</li><li>Ask support to change your username to your email address.</li></ol>',
  },
  {
    title: 'How to request access to the support portal',
    html: '<p>A portal user links your Business Account to your company\'s customer account (Account ID, for example ACC-104233, printed on the support contract).</p><ol><li>Fill in the account request form with your first name, last name, work email and the Account ID.</li><li>An administrator checks the request; this takes 4-5 business days.</li><li>You receive a welcome email when the portal user is enabled. Check your spam folder.</li></ol>',
  },
  {
    title: 'Sign-in loops or fails in one browser only',
    html: '<p>Browser extensions, blocked third-party cookies or stale cookies can break single sign-on.</p><ul><li>Try a private window.</li><li>Try another browser.</li><li>Allow cookies for the sign-in site.</li></ul>',
  },
  {
    title: 'How to collect diagnostics for a support case',
    html: '<p>Every agent has a built-in diagnostics command that packs logs, configuration and system information into one archive.</p><pre><code>sudo /opt/vendor/&lt;agent&gt;/bin/&lt;agent&gt; diag --collect --out /tmp/diag.zip</code></pre><p>Attach the archive to the case (up to 25 MB). For larger archives ask support for an upload link.</p>',
  },
];

/**
 * Seeds an empty database. Safe to call only once per database (Business Accounts are unique by email).
 * @param {import('better-sqlite3').Database} db
 * @param {{ outbox?: any, issuer?: string, size?: { cases?: number, articles?: number } | 'demo', now?: number }} [opts]
 * @returns {Promise<{ cases: number, comments: number, articles: number, documents: number, accounts: number, ms: number }>}
 */
export async function seedDatabase(db, { size, now } = {}) {
  const t0 = performance.now();
  migrateIdp(db);
  migrateApi(db);
  const n = normaliseSize(size);
  const rnd = createRandom(20260611);
  const anchor = Math.floor((now ?? Date.now()) / 3600000) * 3600000;
  const iso = (ms) => new Date(ms).toISOString();
  const counts = { cases: 0, comments: 0, articles: 0, documents: 0, accounts: 0 };

  const st = {
    product: db.prepare('INSERT INTO products (id, name, family, sort) VALUES (?, ?, ?, ?)'),
    org: db.prepare('INSERT INTO organisations (id, name, account_id) VALUES (?, ?, ?)'),
    portalUser: db.prepare(`INSERT INTO portal_users (account_id, organisation_id, access, role, created_at, enabled_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    request: db.prepare(`INSERT INTO account_requests (id, first_name, last_name, email, account_id, message, status, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`),
    contacts: db.prepare('INSERT OR REPLACE INTO support_contacts (id, json, updated_at) VALUES (1, ?, ?)'),
    document: db.prepare(`INSERT INTO documents (id, title, product_id, language, file_type, file_name, content_type, content, size, published_at)
      VALUES (?, ?, ?, ?, 'pdf', ?, 'application/pdf', ?, ?, ?)`),
    article: db.prepare(`INSERT INTO kb_articles (id, title, body_html, body_text, product_id, updated_at, helpful_yes, helpful_no)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    kase: db.prepare(`INSERT INTO cases (seq, id, number, organisation_id, subject, description, product_id, severity, severity_rank,
      status, contact_phone, created_by, created_by_name, escalation_level, comment_count, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    history: db.prepare(`INSERT INTO case_history (case_id, from_status, to_status, at, by_id, by_name, by_role, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    comment: db.prepare(`INSERT INTO comments (id, case_id, author_id, author_name, author_role, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    attachment: db.prepare(`INSERT INTO attachments (id, owner_id, organisation_id, file_name, content_type, size, content, case_id, comment_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };

  // A big seed is one transaction: give it a larger page cache and skip per-commit fsync while it runs, then
  // restore the connection's settings (the stack shares this connection).
  const prevSync = db.pragma('synchronous', { simple: true });
  const prevCache = db.pragma('cache_size', { simple: true });
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = OFF');
  try {
  db.transaction(() => {
    PRODUCTS.forEach((p, i) => st.product.run(p.id, p.name, p.family, i));
    for (const o of ORGANISATIONS) st.org.run(o.id, o.name, o.accountId);

    // Business Accounts + portal users.
    /** @type {Record<string, {id: string, name: string, phone?: string}[]>} */
    const members = {};
    for (const u of USERS) {
      const account = findAccountByEmail(db, u.email) ?? createAccount(db, {
        email: u.email, firstName: u.firstName, lastName: u.lastName, username: u.username ?? u.email, password: DEMO_PASSWORD,
      });
      counts.accounts++;
      if (u.portal === 'none' || !u.org) continue;
      const created = iso(anchor - 400 * DAY);
      st.portalUser.run(account.id, u.org, u.portal, u.role ?? 'member', created, u.portal === 'enabled' ? created : null);
      if (u.portal === 'enabled') (members[u.org] ??= []).push({ id: account.id, name: `${u.firstName} ${u.lastName}`, phone: u.phone });
    }
    // Open account requests for the admin page (olli.noaccess deliberately has none: portal access 'none').
    st.request.run('areq_demo_emma', 'Emma', 'Nieminen', 'emma.nieminen@nordicbank.example', 'ACC-104233',
      'I joined the security operations team and need to follow our SIEM cases.', iso(anchor - 2 * DAY));
    st.request.run('areq_demo_tom', 'Tom', 'Baker', 'tom.baker@contoso.example', 'ACC-318560', null, iso(anchor - 1 * DAY));

    st.contacts.run(JSON.stringify(CONTACTS), iso(anchor));
    seedDocuments(st, rnd, anchor, counts);
    seedArticles(st, rnd, anchor, n.articles, counts);
    seedCases(st, rnd, anchor, n.cases, members, counts);
  })();
  } finally {
    db.pragma(`synchronous = ${prevSync}`);
    db.pragma(`cache_size = ${prevCache}`);
  }

  return { ...counts, ms: Math.round(performance.now() - t0) };
}

function seedDocuments(st, rnd, anchor, counts) {
  const docs = [{ product: null, en: 'Support Services Description', fi: 'Tukipalveluiden palvelukuvaus' }];
  for (const p of PRODUCTS.slice(0, 8)) docs.push({ product: p, en: `Service description: ${p.name}`, fi: `Palvelukuvaus: ${p.name}` });
  for (const [i, d] of docs.entries()) {
    for (const lang of ['en', 'fi']) {
      const title = d[lang];
      const name = d.product?.name ?? 'Vendor Support';
      const sections = lang === 'en'
        ? [
          { heading: '1. Scope', text: `This document describes the support services for ${name}: how to contact support, severity levels, response targets and the escalation path.` },
          { heading: '2. Severity levels and response targets', text: 'Critical: production down, no workaround - response within 1 hour, 24/7. High: major function impaired - 4 business hours. Medium: partial impact with workaround - 1 business day. Low: question or cosmetic issue - 2 business days.' },
          { heading: '3. How to contact support', text: 'Open a case in the support portal or call the support line of your country. Critical cases must also be reported by phone on the 24/7 emergency line.' },
          { heading: '4. Escalation', text: 'Level 1: duty manager (ask in the case). Level 2: support team lead. Level 3: Head of Customer Support.' },
          { heading: '5. Customer responsibilities', text: 'Provide diagnostics, keep the product on a supported version and name up to five technical contacts with portal users.' },
        ]
        : [
          { heading: '1. Soveltamisala', text: `Tämä asiakirja kuvaa tuotteen ${name} tukipalvelut: yhteydenotot tukeen, vakavuustasot, vasteajat ja eskalointipolun.` },
          { heading: '2. Vakavuustasot ja vasteajat', text: 'Kriittinen: tuotanto pysähdyksissä, ei kiertotietä - vaste 1 tunnissa, 24/7. Korkea: merkittävä toiminto häiriintynyt - 4 arkituntia. Keskitaso: osittainen haitta, kiertotie olemassa - 1 arkipäivä. Matala: kysymys - 2 arkipäivää.' },
          { heading: '3. Yhteydenotto', text: 'Avaa tapaus tukiportaalissa tai soita maasi tukinumeroon. Kriittiset tapaukset on ilmoitettava myös puhelimitse 24/7-hätänumeroon.' },
          { heading: '4. Eskalointi', text: 'Taso 1: vuoropäällikkö (pyydä tapauksessa). Taso 2: tukitiimin esihenkilö. Taso 3: asiakastuen johtaja.' },
          { heading: '5. Asiakkaan vastuut', text: 'Toimita diagnostiikkatiedot, pidä tuote tuetussa versiossa ja nimeä enintään viisi teknistä yhteyshenkilöä, joilla on portaalikäyttäjä.' },
        ];
      const pdf = makePdf({ title, sections, lang });
      const slug = (d.product?.id ?? 'support-services');
      st.document.run(`doc-${slug}-${lang}`, title, d.product?.id ?? null, lang, `${slug}-service-description-${lang}.pdf`, pdf, pdf.length,
        new Date(anchor - (30 + i * 11 + rnd.int(0, 10)) * DAY).toISOString());
      counts.documents++;
    }
  }
}

function seedArticles(st, rnd, anchor, total, counts) {
  const iso = (ms) => new Date(ms).toISOString();
  let made = 0;
  for (const [i, g] of GENERAL_ARTICLES.entries()) {
    if (made >= total) return;
    const html = sanitizeArticleHtml(g.html);
    st.article.run(`kb-general-${i + 1}`, g.title, html, htmlToText(html), null, iso(anchor - (10 + i) * DAY), rnd.int(5, 80), rnd.int(0, 6));
    made++;
  }
  const perProduct = PRODUCTS.map((p) => SYMPTOMS.filter((s) => !s.kinds || s.kinds.includes(p.kind)));
  for (let i = 0; made < total; i++, made++) {
    const pi = i % PRODUCTS.length;
    const p = PRODUCTS[pi];
    const syms = perProduct[pi];
    const k = Math.floor(i / PRODUCTS.length);
    const s = syms[k % syms.length];
    const platIndex = Math.floor(k / syms.length) % PLATFORMS.length;
    const cycle = Math.floor(k / (syms.length * PLATFORMS.length));
    const platform = p.kind === 'mobile' ? { name: MOBILE_PLATFORMS[platIndex], os: 'linux' } : PLATFORMS[platIndex];
    const version = VERSIONS[(platIndex + cycle) % VERSIONS.length];
    const vars = { product: p.name, agent: p.agent, service: p.service, port: p.port, platform: platform.name, version, family: p.family };
    const fill = (t) => fillTemplate(t, vars);
    let title = fill(s.title);
    if (!s.title.includes('{platform}')) title += ` on ${platform.name}`;
    if (cycle > 0) title += ` (${version}, revision ${cycle + 1})`;
    const html = sanitizeArticleHtml(articleHtml(s, fill, platform.os));
    st.article.run(`kb-${String(1001 + i)}`, title, html, htmlToText(html), p.id,
      iso(anchor - rnd.int(1, 700) * DAY - rnd.int(0, 86399) * 1000), rnd.int(0, 120), rnd.int(0, 25));
  }
  counts.articles = made;
}

const MOBILE_PLATFORMS = ['Android 14', 'iOS 17', 'iPadOS 17', 'Android 13', 'iOS 16', 'Android 15', 'iOS 18'];
const STATUS_WEIGHTS = [['new', 10], ['in_progress', 25], ['waiting_on_customer', 15], ['escalated', 6], ['solved', 20], ['closed', 24]];
const SEVERITY_WEIGHTS = [['critical', 6], ['high', 22], ['medium', 45], ['low', 27]];
const ORG_WEIGHTS = [['org-nordic-bank', 45], ['org-fabrikam', 30], ['org-contoso', 25]];
const STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'escalated', 'solved', 'closed'];
const SEVS = ['critical', 'high', 'medium', 'low'];
/** Rounds (support + customer comment each: 78 comments) of the long demo thread, and how many days it spans. */
const LONG_THREAD_ROUNDS = 39;
const LONG_THREAD_DAYS = 41;

/** True for the case that gets the long demo thread: the demo user's organisation's first high, in-progress case. */
const isLongThreadCase = (orgId, status, severity) => orgId === 'org-nordic-bank' && status === 'in_progress' && severity === 'high';

/**
 * The long demo thread (LONG_THREAD_ROUNDS × support then customer, oldest first), spread evenly between `created`
 * and `updated`. Draws only from its own `rnd`, so the rest of the seed is the same with or without it.
 */
function longThread(rnd, created, updated, support, customer, vars) {
  const iso = (ms) => new Date(ms).toISOString();
  const lines = [];
  for (let r = 0; r < LONG_THREAD_ROUNDS; r++) {
    const k = r / 2;
    const phase = Number.isInteger(k);
    lines.push([support, phase ? LONG_THREAD.support[k % LONG_THREAD.support.length] : rnd.pick(LONG_THREAD.supportFollowUps)]);
    lines.push([customer, phase ? LONG_THREAD.customer[k % LONG_THREAD.customer.length] : rnd.pick(LONG_THREAD.customerFollowUps)]);
  }
  return lines.map(([author, line], c) => {
    // About 12 hours apart, give or take 4 (never out of order); the last one is the case's last update.
    const even = Math.round((created + ((c + 1) / (lines.length + 1)) * (updated - created)) / 1000) * 1000;
    const at = c === lines.length - 1 ? updated : even + rnd.int(-4 * 60, 4 * 60) * 60000;
    const local = {
      ...vars, n: rnd.int(2, 9), count: rnd.int(12, 60), day: iso(at - rnd.int(1, 3) * DAY).slice(0, 10),
      time: `${String(rnd.int(7, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`,
    };
    return { id: rnd.id('cmt'), author, body: fillTemplate(line, local), at };
  });
}

function seedCases(st, rnd, anchor, total, members, counts) {
  const iso = (ms) => new Date(ms).toISOString();
  const productById = Object.fromEntries(PRODUCTS.map((p) => [p.id, p]));
  const orgById = Object.fromEntries(ORGANISATIONS.map((o) => [o.id, o]));
  const span = total > 1000 ? 3 * 365 : 365;
  // The long thread draws from its own generator, so every other case, comment and attachment stays as it was.
  const longRnd = createRandom(20260612);
  let longDone = false;
  for (let i = 0; i < total; i++) {
    const seq = 100001 + i;
    const id = rnd.id('case');
    // The first cases cover every status × severity for every organisation, so filters always have data.
    const orgId = i < 72 ? ORGANISATIONS[i % 3].id : rnd.weighted(ORG_WEIGHTS);
    const status = i < 72 ? STATUSES[Math.floor(i / 3) % 6] : rnd.weighted(STATUS_WEIGHTS);
    const severity = i < 72 ? SEVS[Math.floor(i / 18) % 4] : rnd.weighted(SEVERITY_WEIGHTS);
    const org = orgById[orgId];
    const creator = rnd.pick(members[orgId]);
    const product = productById[rnd.pick(org.products)];
    const kindSubjects = CASE_SUBJECTS[product.kind] ?? [];
    const open = status !== 'solved' && status !== 'closed';
    const ageDays = open && rnd.chance(0.6) ? rnd.int(0, 30) : rnd.int(1, span);
    let created = anchor - ageDays * DAY - rnd.int(0, 86399) * 1000;
    const lastTouch = Math.min(anchor - rnd.int(60, 3600) * 1000, created + rnd.int(1, Math.max(2, ageDays)) * DAY * (open ? 1 : 0.5));
    let updated = Math.max(created + 60000, lastTouch);
    const long = !longDone && isLongThreadCase(orgId, status, severity);
    if (long) {
      longDone = true;
      created = anchor - LONG_THREAD_DAYS * DAY + 9 * 3600000; // six weeks of back and forth, last reply 3 hours ago
      updated = anchor - 3 * 3600000;
    }
    const vars = {
      agent: product.agent, version: rnd.pick(VERSIONS), date: iso(created - rnd.int(1, 5) * DAY).slice(0, 10),
      count: rnd.int(2, 350), n: rnd.int(1, 9), tool: rnd.pick(FILL.tool), source: rnd.pick(FILL.source),
      playbook: rnd.pick(FILL.playbook), ou: rnd.pick(FILL.ou), app: rnd.pick(FILL.app), account: rnd.pick(FILL.account),
      partner: rnd.pick(FILL.partner), aws: rnd.pick(FILL.aws), area: rnd.pick(FILL.area), product: product.name,
      platform: rnd.pick(PLATFORMS).name, symptom: rnd.pick(SYMPTOM_LINES), impact: rnd.pick(IMPACTS), site: rnd.pick(SITES),
      things: rnd.pick(THINGS),
    };
    let subject = fillTemplate(rnd.chance(0.7) && kindSubjects.length ? rnd.pick(kindSubjects) : rnd.pick(CASE_SUBJECTS.any), vars);
    let description = fillTemplate(rnd.pick(DESCRIPTIONS), { ...vars, symptom: vars.symptom[0].toUpperCase() + vars.symptom.slice(1) });
    if (long) {
      subject = fillTemplate(LONG_THREAD.subject, vars);
      description = fillTemplate(LONG_THREAD.description, vars);
    }
    const engineer = rnd.pick(SUPPORT_ENGINEERS);
    const support = { id: engineer.id, name: engineer.name, role: 'support' };
    const customer = { id: creator.id, name: creator.name, role: 'customer' };

    // Status path and history times spread between created and updated.
    const path = [['new', customer, null]];
    let escalation = 0;
    if (status !== 'new') path.push(['in_progress', support, null]);
    if (status === 'waiting_on_customer') path.push(['waiting_on_customer', support, 'Waiting for diagnostics from the customer']);
    if (status === 'escalated') {
      escalation = rnd.int(1, 2);
      for (let e = 0; e < escalation; e++) path.push(['escalated', customer, rnd.pick(ESCALATION_REASONS)]);
    }
    if (status === 'solved' || status === 'closed') {
      if (rnd.chance(0.15)) { escalation = 1; path.push(['escalated', customer, rnd.pick(ESCALATION_REASONS)]); }
      if (status === 'closed' && rnd.chance(0.3)) path.push(['closed', customer, rnd.pick(CLOSE_REASONS)]);
      else {
        path.push(['solved', support, 'Resolved; see the last comment']);
        if (status === 'closed') path.push(['closed', null, 'Closed automatically 14 days after solving']);
      }
    }
    const stepMs = (updated - created) / Math.max(1, path.length - 1);

    // Comment thread: support answers first, then customer and support take turns; a case waiting on the
    // customer ends with support's question, a solved one with support's resolution (closed: the customer thanks).
    const comments = [];
    const lines = [];
    if (status === 'new') {
      if (rnd.chance(0.5)) lines.push([customer, 'Adding one detail: the problem also happens after a reboot.']);
    } else {
      let n = rnd.int(1, 5);
      const endsWithSupport = status !== 'in_progress' || rnd.chance(0.5);
      if (endsWithSupport && n % 2 === 0) n++;
      let si = 0;
      let ci = 0;
      for (let c = 0; c < n; c++) {
        if (c % 2 === 0) lines.push([support, SUPPORT_LINES[Math.min(si++, 5)]]);
        else lines.push([customer, CUSTOMER_LINES[Math.min(ci++, 4)]]);
      }
      const last = lines.length - 1;
      if (status === 'solved' || status === 'closed') lines[last] = [support, SUPPORT_LINES[7]];
      if (status === 'escalated') lines[last] = [support, SUPPORT_LINES[6]];
      if (status === 'waiting_on_customer' && last > 0) lines[last] = [support, SUPPORT_LINES[5]];
      if (status === 'closed' && rnd.chance(0.5)) lines.push([customer, CUSTOMER_LINES[5]]);
    }
    lines.forEach(([author, line], c) => {
      const at = c === lines.length - 1 ? updated : Math.round(created + ((c + 1) / (lines.length + 1)) * (updated - created));
      comments.push({ id: rnd.id('cmt'), author, body: fillTemplate(line, vars), at });
    });
    // The long thread replaces the short one (drawn above all the same, so later cases keep their random values).
    if (long) comments.splice(0, comments.length, ...longThread(longRnd, created, updated, support, customer, vars));

    st.kase.run(seq, id, `CS-${String(seq).padStart(7, '0')}`, orgId, subject, description, product.id, severity, SEVERITY_RANK[severity],
      status, rnd.chance(0.4) ? creator.phone ?? null : null, creator.id, creator.name, escalation, comments.length, iso(created), iso(updated));
    path.forEach(([to, by, note], h) => {
      st.history.run(id, h === 0 ? null : path[h - 1][0], to, iso(Math.round(created + h * stepMs)), by?.id ?? null, by?.name ?? null, by?.role ?? null, note);
    });
    for (const c of comments) {
      st.comment.run(c.id, id, c.author.id, c.author.name, c.author.role, c.body, iso(c.at));
      counts.comments++;
    }
    if (rnd.chance(0.18)) {
      const text = `${iso(created)} INFO ${product.agent} starting (version ${vars.version})\n${iso(created + 1000)} WARN check-in to manage.vendor.example:${product.port} failed: connection reset by peer\n${iso(created + 2000)} ERROR giving up after 3 retries\n`;
      const body = Buffer.from(text, 'utf8');
      st.attachment.run(rnd.id('att'), creator.id, orgId, `${product.agent}.log`, 'text/plain', body.length, body, id, null, iso(created));
    }
    const customerComment = comments.find((c) => c.author.role === 'customer');
    if (customerComment && rnd.chance(0.2)) {
      const body = Buffer.from(`hostname,agent_version,last_seen\nFS01,${vars.version},${iso(created)}\nFS02,${vars.version},${iso(created)}\n`, 'utf8');
      st.attachment.run(rnd.id('att'), creator.id, orgId, 'affected-devices.csv', 'text/csv', body.length, body, id, customerComment.id, iso(customerComment.at));
    }
    counts.cases++;
  }
}
