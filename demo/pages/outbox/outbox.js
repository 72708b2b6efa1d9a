// Demo outbox page: lists /api/outbox of this page server and shows one message. Everything from a message is
// put into the page as text (textContent) or as http(s) links built with the DOM; the HTML version is shown in a
// sandboxed iframe without scripts.
const $ = (id) => document.getElementById(id);
const state = { loaded: false, items: [], selected: location.hash.slice(1) || null, to: new URLSearchParams(location.search).get('to') || '' };

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}

function link(url, text = url) {
  const href = safeHref(url);
  if (!href) return document.createTextNode(text);
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** Text with http(s) URLs turned into links. */
function linkified(text) {
  const frag = document.createDocumentFragment();
  String(text).split(/(https?:\/\/[^\s<>"']+)/g).forEach((part, i) => {
    frag.append(i % 2 ? link(part) : document.createTextNode(part));
  });
  return frag;
}

function fmt(date) {
  try { return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(date)); } catch { return date; }
}

function renderList() {
  const ul = $('ob-items');
  ul.replaceChildren();
  for (const m of state.items) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.id = m.id;
    if (m.id === state.selected) b.setAttribute('aria-current', 'true');
    const subject = document.createElement('span');
    subject.className = 'ob-item-subject';
    subject.textContent = m.subject;
    const meta = document.createElement('span');
    meta.className = 'ob-muted';
    const kind = document.createElement('span');
    kind.className = 'ob-kind';
    kind.textContent = m.kind;
    meta.append(kind, document.createTextNode(`${m.to} · ${fmt(m.createdAt)}`));
    b.append(subject, meta);
    b.addEventListener('click', () => select(m.id));
    li.append(b);
    ul.append(li);
  }
  $('ob-status').textContent = state.items.length
    ? `${state.items.length} message${state.items.length === 1 ? '' : 's'}${state.to ? ` to ${state.to}` : ''}.`
    : `No messages${state.to ? ` to ${state.to}` : ''} yet.`;
}

async function load() {
  const q = state.to ? `?to=${encodeURIComponent(state.to)}` : '';
  try {
    const res = await fetch(`/api/outbox${q}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { items } = await res.json();
    const changed = JSON.stringify(items.map((m) => m.id)) !== JSON.stringify(state.items.map((m) => m.id));
    state.items = items;
    if (changed || !state.loaded) renderList();
    state.loaded = true;
  } catch (err) {
    $('ob-status').textContent = `Could not load the outbox (${err.message}). Is the stack running?`;
  }
}

async function select(id) {
  state.selected = id;
  history.replaceState(null, '', `${location.pathname}${location.search}#${encodeURIComponent(id)}`);
  renderList();
  const res = await fetch(`/api/outbox/${encodeURIComponent(id)}`);
  if (!res.ok) {
    $('ob-message').hidden = true;
    $('ob-empty-message').hidden = false;
    $('ob-empty-message').textContent = 'That message was not found.';
    return;
  }
  const m = await res.json();
  $('ob-subject').textContent = m.subject;
  $('ob-from').textContent = m.from;
  $('ob-to-addr').textContent = m.to;
  $('ob-date').textContent = fmt(m.createdAt);
  $('ob-kind').textContent = m.kind;
  const links = $('ob-links');
  links.replaceChildren(...(m.links.length ? m.links.map((u) => { const li = document.createElement('li'); li.append(link(u)); return li; })
    : [Object.assign(document.createElement('li'), { textContent: 'None' })]));
  $('ob-text').replaceChildren(linkified(m.text));
  // Links inside the sandboxed HTML open in a new tab.
  $('ob-html').srcdoc = `<base target="_blank">${m.html}`;
  $('ob-raw').textContent = m.raw ?? '(still being built)';
  $('ob-message').hidden = false;
  $('ob-empty-message').hidden = true;
}

$('ob-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  state.to = $('ob-to').value.trim();
  const url = new URL(location.href);
  if (state.to) url.searchParams.set('to', state.to); else url.searchParams.delete('to');
  history.replaceState(null, '', url);
  state.items = [];
  state.loaded = false;
  load();
});
$('ob-clear').addEventListener('click', () => {
  $('ob-to').value = '';
  $('ob-filter').requestSubmit();
});

$('ob-to').value = state.to;
await load();
if (state.selected) select(decodeURIComponent(state.selected));
setInterval(load, 3000);
