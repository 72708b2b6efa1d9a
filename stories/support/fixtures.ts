/**
 * Realistic fixture data for Storybook stories (and anything else that wants a believable support portal without a
 * server). Shapes are exactly the wire types of src/core/models.ts. Dates are fixed relative to FIXTURE_NOW so
 * stories render the same every time (pass `now` to the generators if you need another anchor).
 */
import type {
  Attachment, CaseStatus, CaseSummary, Comment, Contacts, DocumentInfo, KbArticle, KbSearchHit, MatchRange, Me,
  Person, Product, Severity, StatusChange, SupportCase,
} from '../../src/core/models.js';

/** Anchor time of every fixture date (a Wednesday, 10:30 in Helsinki). */
export const FIXTURE_NOW = new Date('2026-03-18T08:30:00Z');
const iso = (msAgo: number, now = FIXTURE_NOW) => new Date(now.getTime() - msAgo).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- people and organisations
export const organisations = {
  nordicBank: { id: 'org-1', name: 'Nordic Bank Oyj', accountId: 'ACC-104233' },
  fabrikam: { id: 'org-2', name: 'Fabrikam Logistics GmbH', accountId: 'ACC-220871' },
  contoso: { id: 'org-3', name: 'Contoso Health Ltd', accountId: 'ACC-318560' },
} as const;

/** GET /me for the main demo user (portal access enabled). */
export const meAnna: Me = {
  id: 'u-anna', email: 'anna.virtanen@nordicbank.example', username: 'anna.virtanen@nordicbank.example',
  firstName: 'Anna', lastName: 'Virtanen', name: 'Anna Virtanen', organisation: organisations.nordicBank,
  portalAccess: 'enabled',
};
/** Business Account exists, portal user requested but not enabled yet. */
export const mePending: Me = {
  id: 'u-pekka', email: 'pekka.pending@nordicbank.example', username: 'pekka.pending@nordicbank.example',
  firstName: 'Pekka', lastName: 'Pending', name: 'Pekka Pending', organisation: organisations.nordicBank,
  portalAccess: 'pending',
};
/** Business Account without any portal user. */
export const meNoAccess: Me = {
  id: 'u-olli', email: 'olli.noaccess@example.com', username: 'olli.noaccess@example.com',
  firstName: 'Olli', lastName: 'Noaccess', name: 'Olli Noaccess', organisation: null, portalAccess: 'none',
};
/** The username-is-not-the-email case. */
export const meMismatch: Me = {
  id: 'u-jsmith', email: 'john.smith@fabrikam.example', username: 'jsmith',
  firstName: 'John', lastName: 'Smith', name: 'John Smith', organisation: organisations.fabrikam,
  portalAccess: 'enabled',
};
export const meByUser = { anna: meAnna, pending: mePending, none: meNoAccess, mismatch: meMismatch } as const;

export const people = {
  anna: { id: 'u-anna', name: 'Anna Virtanen', role: 'customer' },
  mikko: { id: 'u-mikko', name: 'Mikko Laine', role: 'customer' },
  engineer1: { id: 's-1', name: 'Laura Koskinen (Support)', role: 'support' },
  engineer2: { id: 's-2', name: 'Daniel Weber (Support)', role: 'support' },
  engineer3: { id: 's-3', name: 'Priya Natarajan (Escalation Engineering)', role: 'support' },
} satisfies Record<string, Person>;

// ---------------------------------------------------------------- products
export const products: Product[] = [
  { id: 'p-edr', name: 'Sentinel EDR', family: 'Endpoint protection' },
  { id: 'p-av', name: 'Sentinel Antivirus for Servers', family: 'Endpoint protection' },
  { id: 'p-mdm', name: 'Fleet Mobile Device Manager', family: 'Endpoint protection' },
  { id: 'p-fw', name: 'Bastion Next-Gen Firewall', family: 'Network security' },
  { id: 'p-vpn', name: 'Bastion VPN Gateway', family: 'Network security' },
  { id: 'p-ids', name: 'Watchtower Intrusion Detection', family: 'Network security' },
  { id: 'p-mail', name: 'MailShield Secure Email Gateway', family: 'Email and web security' },
  { id: 'p-web', name: 'WebShield Secure Web Gateway', family: 'Email and web security' },
  { id: 'p-siem', name: 'Lighthouse SIEM', family: 'Security operations' },
  { id: 'p-soar', name: 'Lighthouse SOAR Playbooks', family: 'Security operations' },
  { id: 'p-iam', name: 'KeyGuard Identity Manager', family: 'Identity and access' },
  { id: 'p-pam', name: 'KeyGuard Privileged Access Vault', family: 'Identity and access' },
];
const productName = (id: string) => products.find((p) => p.id === id)?.name ?? id;

// ---------------------------------------------------------------- hostile text
/**
 * Strings that must always render as inert text. Stories put them into every field an element renders; nothing may
 * execute, and the text must appear literally.
 */
export const hostile = {
  script: '<script>alert("xss")</script>',
  imgOnerror: '<img src=x onerror="alert(1)">',
  svgOnload: '<svg/onload=alert(document.domain)>',
  jsUrl: 'javascript:alert(1)',
  attributeBreak: '"><iframe src="javascript:alert(1)"></iframe>',
  mutation: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  template: '${alert(1)} {{constructor.constructor("alert(1)")()}}',
  rtlOverride: 'invoice\u202Efdp.exe',
  zalgo: 'Z\u0335\u0341a\u0336\u0358l\u0337\u0360g\u0334\u035Do\u0338\u0361',
  longWord: 'A'.repeat(300),
  emoji: 'Printer on fire 🔥🖨️ — please help 🙏',
  rtlArabic: 'لا يمكنني تسجيل الدخول إلى البوابة بعد التحديث',
  rtlHebrew: 'השרת אינו מגיב לאחר עדכון הגרסה',
} as const;

/** Hostile article HTML: the sanitiser must make this inert (scripts, handlers, javascript: URLs, SVG tricks). */
export const hostileArticleHtml = `
<h2>Resetting the agent</h2>
<p>Follow these steps.<script>window.__xss = 1; alert('xss')</script></p>
<p><img src="x" onerror="window.__xss = 1"> <a href="javascript:window.__xss=1">Click me</a></p>
<svg><animate onbegin="window.__xss=1" attributeName="x" dur="1s"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1"></style></mglyph></table></mtext></math>
<form action="javascript:window.__xss=1"><button>Submit</button></form>
<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>
<p style="background:url(javascript:alert(1))">Styled paragraph</p>`;

// ---------------------------------------------------------------- cases
const SUBJECTS: [string, string, Severity][] = [
  ['Sentinel agents stop reporting after upgrade to 8.4', 'p-edr', 'high'],
  ['VPN tunnels drop every 60 minutes on rekey', 'p-vpn', 'critical'],
  ['False positive: internal payroll tool quarantined', 'p-av', 'high'],
  ['SIEM dashboard shows no events since midnight', 'p-siem', 'critical'],
  ['Firewall HA pair fails over without reason', 'p-fw', 'high'],
  ['Quarantine digest emails not delivered to Outlook users', 'p-mail', 'medium'],
  ['How do I export the audit log for the last 12 months?', 'p-iam', 'low'],
  ['MDM enrolment fails on Android 15 devices', 'p-mdm', 'medium'],
  ['IDS signature update stuck at 94 %', 'p-ids', 'medium'],
  ['Privileged session recordings cannot be played back', 'p-pam', 'high'],
  ['Licence count does not match number of installed agents', 'p-edr', 'low'],
  ['Web gateway blocks our own SharePoint tenant', 'p-web', 'high'],
  ['SOAR playbook "Isolate host" times out', 'p-soar', 'medium'],
  ['SAML login to the admin console loops back to the start page', 'p-iam', 'high'],
  ['Request: add Finnish language pack to the end-user notifications', 'p-mail', 'low'],
  ['High CPU on file servers during scheduled scan', 'p-av', 'medium'],
  ['Certificate expiry warning for the management server', 'p-fw', 'medium'],
  ['Mobile devices show "non-compliant" after OS update', 'p-mdm', 'medium'],
  ['Syslog forwarding to Lighthouse stopped after IP change', 'p-siem', 'high'],
  ['Escalation: ransomware alert on 14 endpoints at branch office', 'p-edr', 'critical'],
  ['VPN client asks for MFA twice', 'p-vpn', 'low'],
  ['Password vault API returns 429 during nightly sync', 'p-pam', 'medium'],
  ['Outbound mail delayed by 20 minutes', 'p-mail', 'high'],
  ['IDS reports traffic from the backup network as port scan', 'p-ids', 'low'],
];
const STATUS_CYCLE: CaseStatus[] = ['new', 'in_progress', 'waiting_on_customer', 'in_progress', 'escalated', 'solved', 'closed'];

/** `count` case summaries, newest update first (deterministic). Default 24 (one per subject). */
export function makeCases(count = SUBJECTS.length, now = FIXTURE_NOW): CaseSummary[] {
  const out: CaseSummary[] = [];
  for (let i = 0; i < count; i++) {
    const [subject, productId, severity] = SUBJECTS[i % SUBJECTS.length]!;
    const round = Math.floor(i / SUBJECTS.length);
    const updatedAgo = i * 3 * HOUR + (i % 5) * 7 * MIN;
    out.push({
      id: `case-${i + 1}`,
      number: `CS-${String(104233 + i).padStart(7, '0')}`,
      subject: round ? `${subject} (${round + 1})` : subject,
      productId, productName: productName(productId), severity,
      status: STATUS_CYCLE[i % STATUS_CYCLE.length]!,
      createdAt: iso(updatedAgo + (2 + (i % 9)) * DAY, now),
      updatedAt: iso(updatedAgo, now),
    });
  }
  return out;
}

/** The default case list (24 cases across every status and severity). */
export const cases: CaseSummary[] = makeCases();

/** Case rows whose text is hostile: shown as plain text. */
export const hostileCases: CaseSummary[] = [
  { ...cases[0]!, id: 'case-h1', subject: hostile.script },
  { ...cases[1]!, id: 'case-h2', subject: hostile.imgOnerror, productName: hostile.svgOnload },
  { ...cases[2]!, id: 'case-h3', subject: hostile.attributeBreak },
  { ...cases[3]!, id: 'case-h4', subject: hostile.longWord },
  { ...cases[4]!, id: 'case-h5', subject: hostile.rtlOverride },
  { ...cases[5]!, id: 'case-h6', subject: hostile.template },
];

/** Right-to-left case rows. */
export const rtlCases: CaseSummary[] = [
  { ...cases[0]!, id: 'case-r1', subject: hostile.rtlArabic },
  { ...cases[1]!, id: 'case-r2', subject: hostile.rtlHebrew },
  { ...cases[2]!, id: 'case-r3', subject: 'خطأ في الشهادة — Bastion Next-Gen Firewall' },
];

export const attachments: Attachment[] = [
  { id: 'att-1', fileName: 'sentinel-agent-diagnostics.zip', contentType: 'application/zip', size: 4_812_331, createdAt: iso(3 * DAY) },
  { id: 'att-2', fileName: 'screenshot-console-error.png', contentType: 'image/png', size: 284_112, createdAt: iso(3 * DAY) },
  { id: 'att-3', fileName: 'agent.log', contentType: 'text/plain', size: 19_420, createdAt: iso(2 * DAY) },
  { id: 'att-4', fileName: 'upgrade-plan-Q2.pdf', contentType: 'application/pdf', size: 1_203_884, createdAt: iso(1 * DAY) },
];

function history(status: CaseStatus, createdAt: string): StatusChange[] {
  const path: CaseStatus[] = ['new'];
  const target = STATUS_CYCLE.indexOf(status);
  for (const s of STATUS_CYCLE.slice(1, target + 1)) if (path[path.length - 1] !== s) path.push(s);
  const start = new Date(createdAt).getTime();
  return path.map((to, i) => ({
    from: i === 0 ? null : path[i - 1]!,
    to,
    at: new Date(start + i * 7 * HOUR).toISOString(),
    by: i === 0 ? people.anna : to === 'escalated' ? people.engineer3 : people.engineer1,
    note: to === 'escalated' ? 'Business-critical: 400 endpoints affected.' : to === 'closed' ? 'Fixed by 8.4.2 hotfix.' : null,
  }));
}

/** A full case for any summary (description, attachments, history). */
export function makeCase(summary: CaseSummary, extra: Partial<SupportCase> = {}): SupportCase {
  const h = history(summary.status, summary.createdAt);
  return {
    ...summary,
    description:
      `Since ${summary.createdAt.slice(0, 10)} we see the following on our production environment:\n\n` +
      `${summary.subject}.\n\nSteps already taken:\n1. Restarted the affected service.\n2. Collected diagnostics ` +
      `(attached).\n3. Checked the release notes for known issues.\n\nImpact: about 120 users at the Helsinki office.`,
    contactPhone: '+358 40 123 4567',
    createdBy: people.anna,
    attachments: attachments.slice(0, 2),
    history: h,
    escalationLevel: summary.status === 'escalated' ? 1 : 0,
    commentCount: 4,
    ...extra,
  };
}

/** The default open case: in progress, with attachments and a history. */
export const supportCase: SupportCase = makeCase(cases[1]!);
/** An escalated case (level 2). */
export const escalatedCase: SupportCase = makeCase(cases[4]!, { escalationLevel: 2 });
/** A closed case (can be reopened). */
export const closedCase: SupportCase = makeCase(cases[6]!);
/** A case whose every text field is hostile. */
export const hostileCase: SupportCase = makeCase(hostileCases[0]!, {
  description: `${hostile.imgOnerror}\n${hostile.mutation}\n${hostile.jsUrl}\n${hostile.template}`,
  contactPhone: hostile.attributeBreak,
  createdBy: { id: 'u-x', name: hostile.svgOnload, role: 'customer' },
  attachments: [{ ...attachments[0]!, fileName: `${hostile.rtlOverride}` }, { ...attachments[1]!, fileName: hostile.script }],
});
/** A case with very long text everywhere. */
export const longCase: SupportCase = makeCase(cases[3]!, {
  subject: 'SIEM dashboard shows no events since midnight although the collectors report healthy status and ' +
    'the forwarding queue on every collector keeps growing beyond the configured limits of the appliance',
  description: Array.from({ length: 30 }, (_, i) =>
    `Paragraph ${i + 1}: the collector logs repeat "queue full, dropping batch" every few seconds while the ` +
    'ingestion service reports zero backlog. We compared the configuration with the documented defaults.').join('\n\n'),
  attachments: Array.from({ length: 12 }, (_, i) => ({ ...attachments[i % 4]!, id: `att-l${i}`, fileName: `collector-${i + 1}-${attachments[i % 4]!.fileName}` })),
});

/** Comment thread of `supportCase` (oldest first). Includes a link and a hostile comment. */
export const comments: Comment[] = [
  { id: 'c-1', caseId: supportCase.id, author: people.engineer1, createdAt: iso(46 * HOUR),
    body: 'Hello Anna, thank you for the report. Could you send the gateway logs from the time of the drop? ' +
      'Instructions: https://support.example.com/kb/collect-vpn-logs', attachments: [] },
  { id: 'c-2', caseId: supportCase.id, author: people.anna, createdAt: iso(40 * HOUR),
    body: 'Logs attached. The drop happens exactly at the IKE rekey, every 60 minutes.', attachments: [attachments[2]!] },
  { id: 'c-3', caseId: supportCase.id, author: people.engineer2, createdAt: iso(20 * HOUR),
    body: 'This matches a known issue with DH group 14 on firmware 7.2.1. A hotfix is planned; as a workaround ' +
      'set the rekey margin to 540 seconds.\n\nI will keep this case open until you confirm.', attachments: [] },
  { id: 'c-4', caseId: supportCase.id, author: people.mikko, createdAt: iso(2 * HOUR),
    body: `Workaround applied, no drops in the last 6 hours. FYI someone pasted this into our ticket tool: ${hostile.script} ${hostile.imgOnerror}`,
    attachments: [attachments[3]!] },
];

/** A long thread (60 comments). */
export const manyComments: Comment[] = Array.from({ length: 60 }, (_, i) => ({
  id: `c-m${i}`, caseId: supportCase.id, author: i % 2 ? people.engineer1 : people.anna,
  createdAt: iso((60 - i) * 3 * HOUR), body: `Follow-up ${i + 1}: ${i % 2 ? 'Any news from your side?' : 'Still seeing the issue after the last change.'}`,
  attachments: [],
}));

// ---------------------------------------------------------------- knowledge base
/** Offsets of every case-insensitive occurrence of each term in `text`. */
export function findMatches(text: string, terms: string[]): MatchRange[] {
  const out: MatchRange[] = [];
  const lower = text.toLowerCase();
  for (const t of terms.filter(Boolean)) {
    const needle = t.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const KB: [string, string, string | null][] = [
  ['VPN tunnel drops at IKE rekey', 'When the tunnel drops exactly at the rekey interval, check the DH group and set the rekey margin to 540 seconds. Firmware 7.2.2 fixes the issue.', 'p-vpn'],
  ['Sentinel agent does not report after upgrade', 'After an upgrade the agent may keep the old certificate. Restart the agent service and verify that the management server certificate is trusted.', 'p-edr'],
  ['How to collect VPN gateway logs', 'Open the gateway console, go to Diagnostics, choose "Collect logs" and attach the archive to your case.', 'p-vpn'],
  ['Resetting your Business Account password', 'Use "Forgot your password?" on the sign-in page. The link in the email is valid for 30 minutes and can be used once. One password is used for every portal.', null],
  ['Why can I not sign in to the support portal?', 'Your username is your email address. If sign-in fails, try a private window or another browser. A new portal user can take 4-5 days to be enabled.', null],
  ['Excluding an in-house tool from scanning', 'Add the signed binary hash to the exclusion list in the policy. Avoid path-based exclusions for user-writable folders.', 'p-av'],
  ['SIEM collectors stop forwarding events', 'A full forwarding queue usually means the collector cannot reach the ingestion endpoint. Check the firewall rules and the collector certificate.', 'p-siem'],
  ['Firewall HA failover troubleshooting', 'Compare heartbeat link statistics on both members. Unexpected failovers are often caused by a flapping heartbeat interface.', 'p-fw'],
];

/** Article ids start at 1001. */
export const kbArticles: KbArticle[] = KB.map(([title, body, productId], i) => ({
  id: String(1001 + i), title,
  bodyHtml: `<p>${body}</p><h3>Applies to</h3><ul><li>${productId ? productName(productId) : 'All products'}</li></ul>` +
    '<p>Still need help? <a href="https://support.example.com/contact">Contact support</a>.</p>',
  productId, productName: productId ? productName(productId) : null,
  updatedAt: iso((i + 1) * 11 * DAY),
  related: KB.filter((_, j) => j !== i).slice(0, 3).map(([t], j) => ({ id: String(1001 + (j >= i ? j + 1 : j)), title: t })),
  helpfulYes: 40 - i * 3, helpfulNo: 2 + i,
}));

/** The default article (VPN rekey), with a table and a code block. */
export const kbArticle: KbArticle = {
  ...kbArticles[0]!,
  bodyHtml: '<p>When a site-to-site tunnel drops exactly at the <strong>IKE rekey</strong> interval, the peers ' +
    'disagree on the Diffie-Hellman group used for the new security association.</p>' +
    '<h3>Workaround</h3><ol><li>Open <em>VPN → Tunnels → Advanced</em>.</li><li>Set <code>rekey-margin</code> to ' +
    '<code>540</code>.</li><li>Save and apply.</li></ol>' +
    '<table><thead><tr><th>Firmware</th><th>Status</th></tr></thead><tbody><tr><td>7.2.1</td><td>Affected</td></tr>' +
    '<tr><td>7.2.2</td><td>Fixed</td></tr></tbody></table>' +
    '<pre><code>set vpn ipsec phase1 rekey-margin 540</code></pre>' +
    '<p>See also <a href="https://support.example.com/kb/1003">How to collect VPN gateway logs</a>.</p>',
};

/** An article whose HTML is hostile (must render inert after sanitising). */
export const hostileArticle: KbArticle = { ...kbArticles[1]!, id: '1999', title: hostile.script, bodyHtml: hostileArticleHtml };

/** Search hits for `q` over the fixture articles, with match offsets in title and snippet. */
export function searchKbFixtures(q: string, productId?: string): KbSearchHit[] {
  const terms = q.toLowerCase().split(/\s+/).filter((t) => t.length >= 2);
  return kbArticles
    .filter((a) => !productId || a.productId === productId)
    .map((a, i) => {
      const body = KB[i]![1];
      const titleMatches = findMatches(a.title, terms);
      const snippet = body.length > 160 ? `${body.slice(0, 157)}…` : body;
      return { a, titleMatches, snippet, snippetMatches: findMatches(snippet, terms) };
    })
    .filter((h) => !terms.length || h.titleMatches.length || h.snippetMatches.length)
    .sort((x, y) => (y.titleMatches.length * 3 + y.snippetMatches.length) - (x.titleMatches.length * 3 + x.snippetMatches.length))
    .map(({ a, titleMatches, snippet, snippetMatches }) => ({
      id: a.id, title: a.title, titleMatches, snippet, snippetMatches,
      productId: a.productId, productName: a.productName, updatedAt: a.updatedAt,
    }));
}

/** Hits for the query "vpn rekey" (ready-made). */
export const kbHits: KbSearchHit[] = searchKbFixtures('vpn rekey');
/** Hits whose title and snippet are hostile (offsets still valid). */
export const hostileKbHits: KbSearchHit[] = [
  { id: '1999', title: `${hostile.script} vpn`, titleMatches: findMatches(`${hostile.script} vpn`, ['vpn']),
    snippet: `${hostile.imgOnerror} rekey ${hostile.svgOnload}`, snippetMatches: findMatches(`${hostile.imgOnerror} rekey ${hostile.svgOnload}`, ['rekey']),
    productId: null, productName: hostile.attributeBreak, updatedAt: iso(DAY) },
];

// ---------------------------------------------------------------- contacts
const weekdays = (open: string, close: string) =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }));

export const contacts: Contacts = {
  centres: [
    { id: 'hel', name: 'Helsinki Support Centre', timeZone: 'Europe/Helsinki', hours: weekdays('08:00', '17:00'),
      holidays: [{ date: '2026-04-03', name: 'Good Friday' }, { date: '2026-05-01', name: 'May Day' }, { date: '2026-12-24', name: 'Christmas Eve' }],
      email: 'support.fi@example.com' },
    { id: 'ber', name: 'Berlin Support Centre', timeZone: 'Europe/Berlin', hours: weekdays('08:00', '18:00'),
      holidays: [{ date: '2026-04-03', name: 'Karfreitag' }, { date: '2026-10-03', name: 'Tag der Deutschen Einheit' }],
      email: 'support.de@example.com' },
    { id: 'nyc', name: 'New York Support Centre', timeZone: 'America/New_York',
      hours: [...weekdays('08:00', '20:00'), { day: 6, open: '10:00', close: '14:00' }],
      holidays: [{ date: '2026-07-03', name: 'Independence Day (observed)' }, { date: '2026-11-26', name: 'Thanksgiving' }],
      email: 'support.us@example.com' },
    { id: 'sgp', name: 'Singapore Support Centre', timeZone: 'Asia/Singapore', hours: weekdays('09:00', '18:00'),
      holidays: [{ date: '2026-02-17', name: 'Chinese New Year' }], email: 'support.apac@example.com' },
  ],
  countries: [
    { country: 'FI', countryName: 'Finland', phone: '+358 9 2520 0700', centreId: 'hel', languages: ['fi', 'sv', 'en'] },
    { country: 'SE', countryName: 'Sweden', phone: '+46 8 5000 1200', centreId: 'hel', languages: ['sv', 'en'] },
    { country: 'NO', countryName: 'Norway', phone: '+47 21 00 45 00', centreId: 'hel', languages: ['no', 'en'] },
    { country: 'DK', countryName: 'Denmark', phone: '+45 70 20 11 00', centreId: 'hel', languages: ['da', 'en'] },
    { country: 'DE', countryName: 'Germany', phone: '+49 30 2555 8800', centreId: 'ber', languages: ['de', 'en'] },
    { country: 'AT', countryName: 'Austria', phone: '+43 1 205 1100', centreId: 'ber', languages: ['de', 'en'] },
    { country: 'CH', countryName: 'Switzerland', phone: '+41 44 500 1200', centreId: 'ber', languages: ['de', 'fr', 'en'] },
    { country: 'GB', countryName: 'United Kingdom', phone: '+44 20 3000 4400', centreId: 'ber', languages: ['en'] },
    { country: 'US', countryName: 'United States', phone: '+1 212 555 0199', centreId: 'nyc', languages: ['en', 'es'] },
    { country: 'CA', countryName: 'Canada', phone: '+1 416 555 0142', centreId: 'nyc', languages: ['en', 'fr'] },
    { country: 'SG', countryName: 'Singapore', phone: '+65 6800 1234', centreId: 'sgp', languages: ['en', 'zh'] },
    { country: 'AU', countryName: 'Australia', phone: '+61 2 8000 5500', centreId: 'sgp', languages: ['en'] },
  ],
  emergency: [
    { label: 'Critical cases, 24/7, worldwide', phone: '+358 9 2520 0999', severities: ['critical'] },
    { label: 'High-severity outages, 24/7, Americas', phone: '+1 212 555 0911', severities: ['critical', 'high'] },
  ],
  escalation: [
    { level: 1, name: 'Duty manager', when: 'The case is not progressing within the target response time.',
      contact: 'Ask for escalation in the case', responseTime: '4 business hours' },
    { level: 2, name: 'Support operations manager', when: 'Business impact is growing or level 1 did not help.',
      contact: 'escalations@example.com', responseTime: '2 business hours' },
    { level: 3, name: 'Head of customer support', when: 'Production is down and levels 1-2 have been used.',
      contact: '+358 9 2520 0990', responseTime: '1 hour, 24/7' },
  ],
};

// ---------------------------------------------------------------- documents
export const documents: DocumentInfo[] = [
  ['Support Service Description', null, 'en', 'pdf', 842_113],
  ['Tukipalvelun palvelukuvaus', null, 'fi', 'pdf', 851_002],
  ['Service Level Agreement: Premium Support', null, 'en', 'pdf', 512_900],
  ['Sentinel EDR Service Description', 'p-edr', 'en', 'pdf', 1_204_331],
  ['Sentinel EDR palvelukuvaus', 'p-edr', 'fi', 'pdf', 1_190_020],
  ['Bastion Firewall Support Policy', 'p-fw', 'en', 'pdf', 634_771],
  ['Bastion VPN Gateway Lifecycle Policy', 'p-vpn', 'en', 'pdf', 301_882],
  ['Lighthouse SIEM Data Retention Terms', 'p-siem', 'en', 'docx', 98_210],
  ['MailShield Service Description', 'p-mail', 'en', 'pdf', 722_004],
  ['KeyGuard Identity Manager Onboarding Guide', 'p-iam', 'en', 'pdf', 2_401_990],
  ['Escalation process overview', null, 'en', 'pdf', 211_870],
  ['Eskalointiprosessi', null, 'fi', 'pdf', 209_115],
].map(([title, productId, language, fileType, size], i) => ({
  id: `doc-${i + 1}`, title: title as string, productId: productId as string | null,
  productName: productId ? productName(productId as string) : null, language: language as string,
  fileType: fileType as string, size: size as number, publishedAt: iso((i + 2) * 17 * DAY),
  url: `https://support.example.com/api/v1/documents/doc-${i + 1}/file`,
}));

/** Documents with hostile titles. */
export const hostileDocuments: DocumentInfo[] = [
  { ...documents[0]!, id: 'doc-h1', title: hostile.script },
  { ...documents[1]!, id: 'doc-h2', title: hostile.imgOnerror, productName: hostile.svgOnload },
  { ...documents[2]!, id: 'doc-h3', title: hostile.longWord, url: hostile.jsUrl },
];

/** Everything in one object (the fake API's default data set). */
export interface FixtureData {
  me: Me;
  cases: CaseSummary[];
  /** Full case by id; cases not listed are derived with makeCase(). */
  caseDetails: Record<string, SupportCase>;
  comments: Record<string, Comment[]>;
  products: Product[];
  articles: KbArticle[];
  contacts: Contacts;
  documents: DocumentInfo[];
}

export function defaultFixtureData(): FixtureData {
  return {
    me: meAnna,
    cases,
    caseDetails: { [supportCase.id]: supportCase, [escalatedCase.id]: escalatedCase, [closedCase.id]: closedCase, [hostileCase.id]: hostileCase, [longCase.id]: longCase },
    comments: { [supportCase.id]: comments },
    products,
    articles: [kbArticle, ...kbArticles.slice(1), hostileArticle],
    contacts,
    documents,
  };
}
