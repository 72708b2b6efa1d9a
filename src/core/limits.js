// One source of truth for limits that both the browser (before upload / before submit) and the
// reference server (authoritatively) enforce. Plain JS so the Node server can import it unchanged.

/** Largest attachment accepted, in bytes (25 MB). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Most attachments on one case or one comment. */
export const MAX_ATTACHMENTS_PER_ITEM = 10;

/**
 * Allowed attachment types: extension → MIME types the server accepts for it.
 * Logs, screenshots, documents and archives are what support engineers ask for; executables are not.
 */
export const ATTACHMENT_TYPES = {
  '.txt': ['text/plain'],
  '.log': ['text/plain', 'text/x-log', 'application/octet-stream'],
  '.csv': ['text/csv', 'text/plain'],
  '.json': ['application/json', 'text/plain'],
  '.xml': ['application/xml', 'text/xml'],
  '.pdf': ['application/pdf'],
  '.png': ['image/png'],
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
  '.gif': ['image/gif'],
  '.webp': ['image/webp'],
  '.zip': ['application/zip', 'application/x-zip-compressed'],
  '.gz': ['application/gzip', 'application/x-gzip'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '.pcap': ['application/vnd.tcpdump.pcap', 'application/octet-stream'],
  '.har': ['application/json', 'application/octet-stream'],
};

/** Field length limits (characters). */
export const FIELD_LIMITS = {
  subject: { min: 5, max: 200 },
  description: { min: 20, max: 20000 },
  comment: { min: 1, max: 20000 },
  reason: { min: 5, max: 2000 },
  contactPhone: { max: 40 },
  firstName: { min: 1, max: 100 },
  lastName: { min: 1, max: 100 },
  email: { max: 254 },
  accountRequestMessage: { max: 2000 },
  kbQuery: { min: 2, max: 200 },
};

/** Customer Account ID format, e.g. ACC-104233 (printed on the support contract). */
export const ACCOUNT_ID_PATTERN = '^ACC-\\d{6}$';

/**
 * Checks a file against the limits. Returns null when it may be uploaded, else a reason code:
 * 'empty' | 'too-large' | 'type'.
 * @param {{ name: string, size: number, type?: string }} file
 * @returns {null | 'empty' | 'too-large' | 'type'}
 */
export function checkAttachment(file) {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'too-large';
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, ext)) return 'type';
  return null;
}
