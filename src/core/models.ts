/**
 * Wire types of the support API (DESIGN.md §5, docs/openapi.json). Dates are ISO 8601 strings in UTC.
 * The reference server in demo/server/api returns exactly these shapes; keep the two in step.
 */

/** Case severity, most urgent first. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Case status life cycle. */
export type CaseStatus = 'new' | 'in_progress' | 'waiting_on_customer' | 'escalated' | 'solved' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = [
  'new', 'in_progress', 'waiting_on_customer', 'escalated', 'solved', 'closed',
];

/** Whether the signed-in Business Account has a portal user: `pending` = requested, not yet enabled. */
export type PortalAccess = 'enabled' | 'pending' | 'none';

export interface Organisation {
  id: string;
  name: string;
  /** Customer Account ID, e.g. `ACC-104233`. */
  accountId: string;
}

/** GET /api/v1/me */
export interface Me {
  /** Subject of the Business Account (OIDC `sub`). */
  id: string;
  email: string;
  /** Business Account username; should equal `email` — when it does not, sign-in help shows the mismatch guidance. */
  username: string;
  firstName: string;
  lastName: string;
  /** Display name. */
  name: string;
  /** Null when the user has no portal user (portalAccess `none`). */
  organisation: Organisation | null;
  portalAccess: PortalAccess;
}

export interface Product {
  id: string;
  name: string;
  /** Product family, e.g. "Endpoint protection". */
  family: string;
}

/** An author or actor. `support` = vendor's support engineer. */
export interface Person {
  id: string;
  name: string;
  role: 'customer' | 'support';
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  /** Bytes. */
  size: number;
  createdAt: string;
}

/** One row of the case list. */
export interface CaseSummary {
  id: string;
  /** Human case number, e.g. `CS-0104233`. */
  number: string;
  subject: string;
  productId: string;
  productName: string;
  severity: Severity;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StatusChange {
  /** Null for the first entry. */
  from: CaseStatus | null;
  to: CaseStatus;
  at: string;
  by: Person | null;
  /** Reason given with close / reopen / escalation. */
  note: string | null;
}

/** GET /api/v1/cases/{id} */
export interface SupportCase extends CaseSummary {
  description: string;
  contactPhone: string | null;
  createdBy: Person;
  attachments: Attachment[];
  /** Oldest first. */
  history: StatusChange[];
  /** 0 = not escalated; 1..3 = escalation level reached (see Contacts.escalation). */
  escalationLevel: number;
  commentCount: number;
}

export interface Comment {
  id: string;
  caseId: string;
  author: Person;
  /** Plain text; render inert. */
  body: string;
  createdAt: string;
  attachments: Attachment[];
}

/** Cursor-paged list. `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export type CaseSort = 'updated' | '-updated' | 'created' | '-created' | 'severity' | '-severity';

export interface CaseQuery {
  /** One or more statuses (sent comma-separated). */
  status?: CaseStatus[];
  q?: string;
  product?: string;
  severity?: Severity[];
  /** Default `-updated` (newest first). A leading `-` means descending. */
  sort?: CaseSort;
  cursor?: string;
  /** 1..200, default 50. */
  limit?: number;
}

/** Query of `listComments`. The server answers a `Page<Comment>` whose `total` counts every comment `since` matches. */
export interface CommentQuery {
  /** ISO time: only comments created after it (polling for new replies). */
  since?: string;
  /** `asc` (default): oldest first. `desc`: newest first, so a long thread opens at its end; `nextCursor` pages back. */
  order?: 'asc' | 'desc';
  /** `nextCursor` of the previous page, asked for with the same `order` (another order is a 400). */
  cursor?: string;
  /** 1..200, default 100. */
  limit?: number;
}

export interface NewCase {
  subject: string;
  description: string;
  productId: string;
  severity: Severity;
  contactPhone?: string;
  attachmentIds?: string[];
}

export interface NewComment {
  body: string;
  attachmentIds?: string[];
}

export interface KbQuery {
  q: string;
  product?: string;
  limit?: number;
  cursor?: string;
}

/** [start, end) character offsets into the string they belong to. */
export type MatchRange = [number, number];

export interface KbSearchHit {
  id: string;
  title: string;
  /** Offsets of matched terms in `title`. */
  titleMatches: MatchRange[];
  /** Plain-text excerpt of the body around the matches. */
  snippet: string;
  /** Offsets of matched terms in `snippet`. */
  snippetMatches: MatchRange[];
  productId: string | null;
  productName: string | null;
  updatedAt: string;
}

export interface KbArticleRef {
  id: string;
  title: string;
}

/** GET /api/v1/kb/articles/{id} */
export interface KbArticle {
  id: string;
  title: string;
  /** Sanitised by the server; sanitise again (DOMPurify, Trusted Types) before rendering. */
  bodyHtml: string;
  productId: string | null;
  productName: string | null;
  updatedAt: string;
  related: KbArticleRef[];
  helpfulYes: number;
  helpfulNo: number;
}

/** ISO weekday 1 = Monday … 7 = Sunday; times are local to the centre's timeZone, `HH:MM`, close may be `24:00`. */
export interface OpeningHours {
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  open: string;
  close: string;
}

export interface Holiday {
  /** `YYYY-MM-DD` in the centre's time zone. */
  date: string;
  name: string;
}

export interface SupportCentre {
  id: string;
  name: string;
  /** IANA zone, e.g. `Europe/Helsinki`. */
  timeZone: string;
  hours: OpeningHours[];
  holidays: Holiday[];
  email: string;
}

export interface CountryLine {
  /** ISO 3166-1 alpha-2. */
  country: string;
  countryName: string;
  /** E.164 with spaces for display, e.g. `+358 9 2520 0700`. */
  phone: string;
  centreId: string;
  /** BCP 47 language tags served on this line. */
  languages: string[];
}

export interface EmergencyLine {
  /** Free text label, e.g. "Critical cases, 24/7, worldwide". */
  label: string;
  phone: string;
  /** Which severities may use it. */
  severities: Severity[];
}

export interface EscalationLevel {
  level: 1 | 2 | 3;
  name: string;
  /** When to use this level. */
  when: string;
  /** How to reach it (phone, email or "ask in the case"). */
  contact: string;
  /** Target response, e.g. "4 business hours". */
  responseTime: string;
}

/** GET /api/v1/contacts */
export interface Contacts {
  centres: SupportCentre[];
  countries: CountryLine[];
  emergency: EmergencyLine[];
  escalation: EscalationLevel[];
}

/** GET /api/v1/documents */
export interface DocumentInfo {
  id: string;
  title: string;
  productId: string | null;
  productName: string | null;
  /** BCP 47, e.g. `en`, `fi`. */
  language: string;
  /** e.g. `pdf`. */
  fileType: string;
  size: number;
  publishedAt: string;
  /** Absolute or API-relative download URL (public). */
  url: string;
}

export interface DocumentQuery {
  product?: string;
  lang?: string;
}

/** POST /api/v1/account-requests */
export interface AccountRequestInput {
  firstName: string;
  lastName: string;
  email: string;
  /** `ACC-` + 6 digits. */
  accountId: string;
  message?: string;
}

export interface AccountRequestReceipt {
  id: string;
  /** `received`: new; `duplicate`: an open request for this email already exists (returns 200 with that one). */
  status: 'received' | 'duplicate';
  /** True when the email already has a Business Account (no activation email will come, only the welcome email). */
  hasBusinessAccount: boolean;
}

/** RFC 9457 body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}
