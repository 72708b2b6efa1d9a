import { ACCOUNT_FIELDS, emptyValues, type AccountValues } from './validation.js';

/** sessionStorage key of the account request draft (kept until a request is accepted). */
export const DRAFT_KEY = 'eservice-widgets:account-request-draft';

export function loadDraft(): AccountValues | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const values = emptyValues();
    for (const f of ACCOUNT_FIELDS) if (typeof parsed[f] === 'string') values[f] = parsed[f] as string;
    return values;
  } catch {
    return null; // storage disabled or the draft is not ours: start empty
  }
}

export function saveDraft(values: AccountValues): void {
  try {
    if (ACCOUNT_FIELDS.every((f) => !values[f])) sessionStorage.removeItem(DRAFT_KEY);
    else sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values));
  } catch { /* storage full or disabled: the values are still in the form */ }
}

export function clearDraft(): void {
  try { sessionStorage.removeItem(DRAFT_KEY); } catch { /* ignore */ }
}
