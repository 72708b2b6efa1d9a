import { css } from 'lit';

/** Colours of status and severity badges (text colours meet AA on the surface in both themes). */
export const badgeStyles = css`
  .badge.severity-critical { color: var(--es-color-danger, #b3261e); background: var(--es-color-danger-surface, #fdecea); }
  .badge.severity-high { color: var(--es-color-warning, #8a5300); background: var(--es-color-warning-surface, #fff4e0); }
  .badge.severity-medium { color: var(--es-color-primary, #0a5bd3); background: var(--es-color-info-surface, #e8f0fd); }
  .badge.severity-low { color: var(--es-color-muted, #545b66); }
  .badge.status-new { color: var(--es-color-primary, #0a5bd3); }
  .badge.status-in_progress { color: var(--es-color-text, #1a1d21); }
  .badge.status-waiting_on_customer { color: var(--es-color-warning, #8a5300); background: var(--es-color-warning-surface, #fff4e0); }
  .badge.status-escalated { color: var(--es-color-danger, #b3261e); }
  .badge.status-solved { color: var(--es-color-success, #1b6e2f); }
  .badge.status-closed { color: var(--es-color-muted, #545b66); }
`;
