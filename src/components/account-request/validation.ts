import { msg, str } from '@lit/localize';
import { ACCOUNT_ID_PATTERN, FIELD_LIMITS } from '../../core/limits.js';

export type AccountField = 'firstName' | 'lastName' | 'email' | 'accountId' | 'message';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['firstName', 'lastName', 'email', 'accountId', 'message'];
export type AccountValues = Record<AccountField, string>;

export const emptyValues = (): AccountValues => ({ firstName: '', lastName: '', email: '', accountId: '', message: '' });

const ACCOUNT_ID = new RegExp(ACCOUNT_ID_PATTERN);
// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. The server decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Forgiving clean-up of an Account ID as typed: ` acc104233 ` / `104233` → `ACC-104233`. */
export function normaliseAccountId(value: string): string {
  const v = value.replace(/\s+/g, '').toUpperCase();
  if (/^\d{6}$/.test(v)) return `ACC-${v}`;
  const m = /^ACC[-_–]?(\d{6})$/.exec(v);
  return m ? `ACC-${m[1]}` : v;
}

/** The error text for one field, or null when it is fine. */
export function validateField(field: AccountField, raw: string): string | null {
  const value = raw.trim();
  switch (field) {
    case 'firstName':
      if (!value) return msg('Enter your first name.', { id: 'account-request.first-name-required' });
      if (value.length > FIELD_LIMITS.firstName.max) return msg(str`The first name can be at most ${FIELD_LIMITS.firstName.max} characters.`, { id: 'account-request.first-name-long' });
      return null;
    case 'lastName':
      if (!value) return msg('Enter your last name.', { id: 'account-request.last-name-required' });
      if (value.length > FIELD_LIMITS.lastName.max) return msg(str`The last name can be at most ${FIELD_LIMITS.lastName.max} characters.`, { id: 'account-request.last-name-long' });
      return null;
    case 'email':
      if (!value) return msg('Enter your work email address.', { id: 'account-request.email-required' });
      if (value.length > FIELD_LIMITS.email.max) return msg(str`The email address can be at most ${FIELD_LIMITS.email.max} characters.`, { id: 'account-request.email-long' });
      if (!EMAIL.test(value)) return msg('Enter the email address in the form name@company.com.', { id: 'account-request.email-invalid' });
      return null;
    case 'accountId':
      if (!value) return msg('Enter your company’s Account ID.', { id: 'account-request.account-id-required' });
      if (!ACCOUNT_ID.test(normaliseAccountId(value))) return msg('The Account ID is ACC- followed by 6 digits, for example ACC-104233.', { id: 'account-request.account-id-invalid' });
      return null;
    case 'message':
      if (raw.length > FIELD_LIMITS.accountRequestMessage.max) {
        return msg(str`The message can be at most ${FIELD_LIMITS.accountRequestMessage.max} characters; it has ${raw.length}.`, { id: 'account-request.message-long' });
      }
      return null;
  }
}

/** Maps a server field name (`email`, `/email`, `body.email`, `account_id`) onto a form field. */
export function toField(name: string): AccountField | null {
  const last = name.split(/[./]/).filter(Boolean).pop() ?? '';
  const camel = last.replace(/[_-](\w)/g, (_, c: string) => c.toUpperCase());
  return (ACCOUNT_FIELDS as readonly string[]).includes(camel) ? camel as AccountField : null;
}
