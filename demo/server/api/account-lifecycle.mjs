// The account life cycle (issue 3): account request → admin approves → Business Account created when the email
// has none (activation email with a set-password link) → portal user enabled → welcome email.
import { findAccountByEmail, createAccount, createActivationLink, hasPassword } from '../idp/accounts.mjs';
import { newId, nowIso } from './util.mjs';

export class LifecycleError extends Error {
  /** @param {'not-found'|'not-open'|'unknown-organisation'} code */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function getRequest(db, requestId) {
  const r = db.prepare('SELECT * FROM account_requests WHERE id = ?').get(requestId);
  if (!r) throw new LifecycleError('not-found', `No account request ${requestId}.`);
  if (r.status !== 'open') throw new LifecycleError('not-open', `Account request ${requestId} is already ${r.status}.`);
  return r;
}

async function sendSafely(outbox, message, log) {
  try {
    await outbox.send(message);
    return true;
  } catch (e) {
    (log ?? console).error?.(`email "${message.subject}" to ${message.to} failed: ${e?.message ?? e}`);
    return false;
  }
}

/**
 * Approves an open account request. The database work (account, activation link, portal user, request status)
 * happens in one transaction; the emails go out after it commits.
 * @param {import('better-sqlite3').Database} db
 * @param {{ send: (m: any) => any }} outbox
 * @param {{ requestId: string, issuer: string, portalUrl?: string, log?: any }} opts
 * @returns {Promise<{ requestId: string, accountCreated: boolean, activationSent: boolean, welcomeSent: boolean,
 *   organisation: { id: string, name: string, accountId: string }, accountSub: string }>}
 */
export async function approveAccountRequest(db, outbox, { requestId, issuer, portalUrl, log }) {
  const portal = portalUrl ?? process.env.ES_PORTAL_URL ?? 'http://localhost:8080';
  const done = db.transaction(() => {
    const r = getRequest(db, requestId);
    const org = db.prepare('SELECT id, name, account_id FROM organisations WHERE account_id = ?').get(r.account_id);
    if (!org) {
      throw new LifecycleError('unknown-organisation',
        `No customer organisation has Account ID ${r.account_id}; check the ID with the requester, or reject the request.`);
    }
    let account = findAccountByEmail(db, r.email);
    let activationUrl = null;
    const accountCreated = !account;
    if (!account) {
      account = createAccount(db, { email: r.email, firstName: r.first_name, lastName: r.last_name });
      activationUrl = createActivationLink(db, account.id, { issuer });
    } else if (!hasPassword(db, account.id)) {
      // The account exists but was never activated (e.g. an earlier activation link expired): send a fresh link.
      activationUrl = createActivationLink(db, account.id, { issuer });
    }
    const at = nowIso();
    const existing = db.prepare('SELECT organisation_id FROM portal_users WHERE account_id = ?').get(account.id);
    if (existing) {
      db.prepare("UPDATE portal_users SET organisation_id = ?, access = 'enabled', enabled_at = ? WHERE account_id = ?")
        .run(org.id, at, account.id);
    } else {
      db.prepare(`INSERT INTO portal_users (account_id, organisation_id, access, role, created_at, enabled_at)
        VALUES (?, ?, 'enabled', 'member', ?, ?)`).run(account.id, org.id, at, at);
    }
    db.prepare("UPDATE account_requests SET status = 'approved', decided_at = ? WHERE id = ?").run(at, r.id);
    return { r, org, account, activationUrl, accountCreated };
  }).immediate();

  const { r, org, account, activationUrl, accountCreated } = done;
  const first = account.firstName || r.first_name;
  let activationSent = false;
  if (activationUrl) {
    activationSent = await sendSafely(outbox, {
      to: account.email,
      kind: 'activation',
      subject: 'Activate your Business Account',
      text: [
        `Hello ${first},`, '',
        'A Business Account was created for you so you can use the vendor support portal.',
        'Set your password with this link (it works once):', '', String(activationUrl), '',
        `Your username is your email address: ${account.email}`, '', 'Vendor Support',
      ].join('\n'),
    }, log);
  }
  const username = account.username || account.email;
  const welcomeSent = await sendSafely(outbox, {
    to: account.email,
    kind: 'welcome',
    subject: `Welcome to the support portal – ${org.name}`,
    text: [
      `Hello ${first},`, '',
      `Your portal user for ${org.name} (${org.account_id}) is now enabled.`,
      `Sign in at ${portal}`,
      username === account.email
        ? `Your username is your email address: ${account.email}`
        : `Your username is ${username} (your Business Account username; it is not your email address ${account.email}).`,
      activationUrl ? 'First set your password with the activation link we sent in a separate email.'
        : 'Use the password of your existing Business Account (the same one for every vendor portal).',
      '', 'You can now submit and follow support cases for your organisation.', '', 'Vendor Support',
    ].join('\n'),
  }, log);
  return {
    requestId: r.id, accountCreated, activationSent, welcomeSent,
    organisation: { id: org.id, name: org.name, accountId: org.account_id }, accountSub: String(account.id),
  };
}

/**
 * Rejects an open account request (no email to unverified addresses beyond the receipt they already got).
 * @returns {{ requestId: string, status: 'rejected' }}
 */
export function rejectAccountRequest(db, { requestId, note = null }) {
  db.transaction(() => {
    getRequest(db, requestId);
    db.prepare("UPDATE account_requests SET status = 'rejected', decided_at = ?, decision_note = ? WHERE id = ?")
      .run(nowIso(), note, requestId);
  }).immediate();
  return { requestId, status: 'rejected' };
}

/** Lists account requests for the admin page / CLI. */
export function listAccountRequests(db, { status = 'open' } = {}) {
  const rows = db.prepare(`SELECT r.*, o.name AS organisation_name FROM account_requests r
    LEFT JOIN organisations o ON o.account_id = r.account_id
    ${status === 'all' ? '' : 'WHERE r.status = ?'} ORDER BY r.created_at DESC LIMIT 500`).all(...(status === 'all' ? [] : [status]));
  return rows.map((r) => ({
    id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, accountId: r.account_id,
    organisationName: r.organisation_name ?? null, message: r.message ?? null, status: r.status,
    hasBusinessAccount: Boolean(findAccountByEmail(db, r.email)), createdAt: r.created_at, decidedAt: r.decided_at ?? null,
  }));
}

/**
 * Records a new account request, or returns the open one for the same email.
 * @returns {{ id: string, status: 'received'|'duplicate', hasBusinessAccount: boolean }}
 */
export function createAccountRequest(db, input) {
  const email = input.email.trim().toLowerCase();
  return db.transaction(() => {
    const hasBusinessAccount = Boolean(findAccountByEmail(db, email));
    const open = db.prepare("SELECT id FROM account_requests WHERE email = ? AND status = 'open'").get(email);
    if (open) return { id: open.id, status: 'duplicate', hasBusinessAccount };
    const id = newId('areq');
    db.prepare(`INSERT INTO account_requests (id, first_name, last_name, email, account_id, message, status, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`).run(id, input.firstName.trim(), input.lastName.trim(), email,
      input.accountId, input.message?.trim() || null, nowIso());
    return { id, status: 'received', hasBusinessAccount };
  }).immediate();
}
