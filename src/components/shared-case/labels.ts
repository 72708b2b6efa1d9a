import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CaseSort, CaseStatus, Severity } from '../../core/models.js';

/** Person-readable status name. */
export function statusLabel(s: CaseStatus): string {
  switch (s) {
    case 'new': return msg('New', { id: 'case.status.new' });
    case 'in_progress': return msg('In progress', { id: 'case.status.in_progress' });
    case 'waiting_on_customer': return msg('Waiting on you', { id: 'case.status.waiting_on_customer' });
    case 'escalated': return msg('Escalated', { id: 'case.status.escalated' });
    case 'solved': return msg('Solved', { id: 'case.status.solved' });
    case 'closed': return msg('Closed', { id: 'case.status.closed' });
    default: return String(s);
  }
}

/** Person-readable severity name. */
export function severityLabel(s: Severity): string {
  switch (s) {
    case 'critical': return msg('Critical', { id: 'case.severity.critical' });
    case 'high': return msg('High', { id: 'case.severity.high' });
    case 'medium': return msg('Medium', { id: 'case.severity.medium' });
    case 'low': return msg('Low', { id: 'case.severity.low' });
    default: return String(s);
  }
}

/** One-line explanation of each severity level (shown in the case form). */
export function severityHint(s: Severity): string {
  switch (s) {
    case 'critical': return msg('Production down or a security breach. Also call the 24/7 line.', { id: 'case.severity-hint.critical' });
    case 'high': return msg('A major function is impaired and there is no workaround.', { id: 'case.severity-hint.high' });
    case 'medium': return msg('Partly impaired; a workaround exists.', { id: 'case.severity-hint.medium' });
    case 'low': return msg('A question, a request or a cosmetic issue.', { id: 'case.severity-hint.low' });
    default: return '';
  }
}

export function sortLabel(s: CaseSort): string {
  switch (s) {
    case '-updated': return msg('Last update, newest first', { id: 'case.sort.-updated' });
    case 'updated': return msg('Last update, oldest first', { id: 'case.sort.updated' });
    case '-created': return msg('Created, newest first', { id: 'case.sort.-created' });
    case 'created': return msg('Created, oldest first', { id: 'case.sort.created' });
    case 'severity': return msg('Severity, most urgent first', { id: 'case.sort.severity' });
    case '-severity': return msg('Severity, least urgent first', { id: 'case.sort.-severity' });
    default: return String(s);
  }
}

/** `<span class="badge status-…">` with the status name. */
export function statusBadge(s: CaseStatus): TemplateResult {
  return html`<span part="status-badge" class="badge status status-${s}">${statusLabel(s)}</span>`;
}

/** `<span class="badge severity-…">` with the severity name. */
export function severityBadge(s: Severity): TemplateResult {
  return html`<span part="severity-badge" class="badge severity severity-${s}">${severityLabel(s)}</span>`;
}
