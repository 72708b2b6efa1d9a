// Tables of the support API. The identity provider owns its own tables (idp/schema.mjs); the API refers to a
// Business Account only by its id (= OIDC `sub`) and keeps display names denormalised where it shows them.

const STATEMENTS = `
CREATE TABLE IF NOT EXISTS organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  account_id TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS portal_users (
  account_id TEXT PRIMARY KEY,               -- Business Account id = OIDC sub
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  access TEXT NOT NULL CHECK (access IN ('enabled', 'pending')),
  role TEXT NOT NULL DEFAULT 'member',
  created_at TEXT NOT NULL,
  enabled_at TEXT
);
CREATE INDEX IF NOT EXISTS portal_users_org ON portal_users(organisation_id);

CREATE TABLE IF NOT EXISTS products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  family TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS cases (
  seq INTEGER PRIMARY KEY,                   -- keyset tie-breaker and source of the case number
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  product_id TEXT NOT NULL REFERENCES products(id),
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  severity_rank INTEGER NOT NULL,            -- low 1 .. critical 4
  status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'waiting_on_customer', 'escalated', 'solved', 'closed')),
  contact_phone TEXT,
  created_by TEXT NOT NULL,                  -- account id
  created_by_name TEXT NOT NULL,
  escalation_level INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_org_updated ON cases(organisation_id, updated_at, seq);
CREATE INDEX IF NOT EXISTS cases_org_created ON cases(organisation_id, created_at, seq);
CREATE INDEX IF NOT EXISTS cases_org_severity ON cases(organisation_id, severity_rank, updated_at, seq);
CREATE INDEX IF NOT EXISTS cases_org_status ON cases(organisation_id, status, updated_at, seq);
CREATE INDEX IF NOT EXISTS cases_org_product ON cases(organisation_id, product_id, updated_at, seq);
CREATE INDEX IF NOT EXISTS cases_org_sev_filter ON cases(organisation_id, severity, updated_at, seq);

CREATE TABLE IF NOT EXISTS case_history (
  seq INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  at TEXT NOT NULL,
  by_id TEXT,
  by_name TEXT,
  by_role TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS case_history_case ON case_history(case_id, seq);

CREATE TABLE IF NOT EXISTS comments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES cases(id),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL CHECK (author_role IN ('customer', 'support')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_case ON comments(case_id, created_at, seq);

CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,                    -- uploader's account id
  organisation_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  stored_name TEXT,                          -- file under <dataDir>/attachments (uploads)
  content BLOB,                              -- small seeded files live in the row instead
  case_id TEXT,
  comment_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_case ON attachments(case_id);
CREATE INDEX IF NOT EXISTS attachments_comment ON attachments(comment_id);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT NOT NULL,
  user_id TEXT NOT NULL,
  route TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, route, key)
);

CREATE TABLE IF NOT EXISTS kb_articles (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body_html TEXT NOT NULL,                   -- sanitised on insert (sanitize-html.mjs)
  body_text TEXT NOT NULL,                   -- plain text for search and snippets
  product_id TEXT REFERENCES products(id),
  updated_at TEXT NOT NULL,
  helpful_yes INTEGER NOT NULL DEFAULT 0,
  helpful_no INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS kb_articles_product ON kb_articles(product_id);

CREATE VIRTUAL TABLE IF NOT EXISTS kb_fts USING fts5(
  title, body_text, content='kb_articles', content_rowid='num', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS kb_articles_ai AFTER INSERT ON kb_articles BEGIN
  INSERT INTO kb_fts(rowid, title, body_text) VALUES (new.num, new.title, new.body_text);
END;
CREATE TRIGGER IF NOT EXISTS kb_articles_ad AFTER DELETE ON kb_articles BEGIN
  INSERT INTO kb_fts(kb_fts, rowid, title, body_text) VALUES ('delete', old.num, old.title, old.body_text);
END;
CREATE TRIGGER IF NOT EXISTS kb_articles_au AFTER UPDATE OF title, body_text ON kb_articles BEGIN
  INSERT INTO kb_fts(kb_fts, rowid, title, body_text) VALUES ('delete', old.num, old.title, old.body_text);
  INSERT INTO kb_fts(rowid, title, body_text) VALUES (new.num, new.title, new.body_text);
END;

CREATE TABLE IF NOT EXISTS kb_feedback (
  seq INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES kb_articles(id),
  helpful INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

-- Contacts (centres, country lines, holidays, emergency lines, escalation path) as one JSON document: it is
-- edited as a whole and read as a whole.
CREATE TABLE IF NOT EXISTS support_contacts (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  product_id TEXT REFERENCES products(id),
  language TEXT NOT NULL,
  file_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content BLOB NOT NULL,
  size INTEGER NOT NULL,
  published_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_product ON documents(product_id, language);

CREATE TABLE IF NOT EXISTS account_requests (
  id TEXT PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,                       -- lower-cased
  account_id TEXT NOT NULL,                  -- customer Account ID, ACC-123456
  message TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'rejected')),
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decision_note TEXT
);
CREATE INDEX IF NOT EXISTS account_requests_email ON account_requests(email, status);
CREATE INDEX IF NOT EXISTS account_requests_status ON account_requests(status, created_at);
`;

/**
 * Creates the API's tables, indexes and FTS triggers. Safe to run on every start.
 * @param {import('better-sqlite3').Database} db
 */
export function migrateApi(db) {
  db.exec(STATEMENTS);
}
