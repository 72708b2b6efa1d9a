// Demo admin page: lists account requests from the support API's /admin routes and approves or rejects them.
// Text only goes into the page through textContent (no innerHTML); the admin token stays in sessionStorage.

const $ = (id) => document.getElementById(id);
const form = $('ad-controls');
const tokenInput = $('ad-token');
const statusSelect = $('ad-status');
const rows = $('ad-rows');
const statusLine = $('ad-status-line');

let apiOrigin = 'http://localhost:4200';

function say(text, kind = '') {
  statusLine.textContent = text;
  statusLine.className = `ad-status${kind ? ` ad-${kind}` : ''}`;
}

function token() {
  return tokenInput.value.trim() || 'demo-admin';
}

async function loadConfig() {
  const fromQuery = new URLSearchParams(location.search).get('api');
  if (fromQuery) { apiOrigin = new URL(fromQuery).origin; return; }
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (res.ok) {
      const cfg = await res.json();
      if (cfg.apiUrl) apiOrigin = new URL(cfg.apiUrl).origin;
    }
  } catch { /* keep the default */ }
}

async function call(method, path) {
  const res = await fetch(`${apiOrigin}${path}`, { method, headers: { 'x-admin-token': token() } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error(body?.detail || body?.title || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function button(label, className, onClick, describedBy) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = className;
  b.setAttribute('aria-describedby', describedBy);
  b.addEventListener('click', onClick);
  return b;
}

function render(items) {
  rows.replaceChildren();
  for (const r of items) {
    const tr = document.createElement('tr');
    const nameId = `ad-name-${r.id}`;
    tr.append(cell(new Date(r.createdAt).toLocaleString()));
    const name = cell(`${r.firstName} ${r.lastName}`);
    name.id = nameId;
    if (r.message) {
      const msg = document.createElement('div');
      msg.className = 'ad-message';
      msg.textContent = r.message;
      name.append(msg);
    }
    tr.append(name, cell(r.email), cell(r.accountId), cell(r.organisationName ?? 'Unknown Account ID'),
      cell(r.hasBusinessAccount ? 'Exists' : 'Will be created'), cell(r.status));
    const actions = document.createElement('td');
    if (r.status === 'open') {
      const wrap = document.createElement('div');
      wrap.className = 'ad-actions';
      wrap.append(
        button('Approve', 'ad-approve', () => decide(r, 'approve', wrap), nameId),
        button('Reject', 'ad-reject', () => decide(r, 'reject', wrap), nameId),
      );
      actions.append(wrap);
    }
    tr.append(actions);
    rows.append(tr);
  }
}

async function load() {
  sessionStorage.setItem('es-admin-token', tokenInput.value);
  say('Loading…');
  try {
    const { items } = await call('GET', `/admin/account-requests?status=${encodeURIComponent(statusSelect.value)}`);
    render(items);
    say(items.length ? `${items.length} request${items.length === 1 ? '' : 's'}.` : 'No account requests.');
  } catch (e) {
    rows.replaceChildren();
    say(e.status === 401 ? 'The admin token is wrong.' : `Could not load the requests: ${e.message}`, 'error');
  }
}

async function decide(r, action, wrap) {
  for (const b of wrap.querySelectorAll('button')) b.disabled = true;
  try {
    const res = await call('POST', `/admin/account-requests/${encodeURIComponent(r.id)}/${action}`);
    await load();
    if (action === 'approve') {
      say(`Approved ${r.email} for ${res.organisation.name}. ${res.accountCreated ? 'Business Account created, activation email sent. ' : 'Existing Business Account, no activation email. '}Welcome email ${res.welcomeSent ? 'sent' : 'failed'}.`, 'ok');
    } else {
      say(`Rejected the request of ${r.email}.`, 'ok');
    }
  } catch (e) {
    for (const b of wrap.querySelectorAll('button')) b.disabled = false;
    say(`Could not ${action} the request of ${r.email}: ${e.message}`, 'error');
  }
}

form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
statusSelect.addEventListener('change', load);
tokenInput.value = sessionStorage.getItem('es-admin-token') ?? '';
await loadConfig();
load();
