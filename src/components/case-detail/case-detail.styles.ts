import { css } from 'lit';

export const caseDetailStyles = css`
  :host {
    --_gap: var(--es-case-detail-gap, var(--_space-5));
    --_support: var(--es-case-detail-support-accent, var(--_primary));
  }
  .case { display: flex; flex-direction: column; gap: var(--_gap); }
  h2, h3, h4 { margin-block: 0 var(--_space-2); line-height: 1.3; }
  h2 { font-size: 1.4em; }
  h3 { font-size: 1.1em; }
  h4 { font-size: 1em; }
  .header { display: flex; flex-direction: column; gap: var(--_space-2); }
  .number { margin: 0; color: var(--_muted); font-variant-numeric: tabular-nums; font-weight: 600; }
  .badges { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: center; }
  .badge.escalation { color: var(--_danger); }
  .meta { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space-5); margin: 0; }
  .meta dt { font-size: 0.8125em; color: var(--_muted); }
  .meta dd { margin: 0; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: center; }
  .escalate { display: inline-flex; flex-wrap: wrap; gap: var(--_space-2); align-items: center; }
  .description { margin: 0; }
  .comments, .timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: var(--_space-3); }
  .comment {
    border: 1px solid var(--_border); border-inline-start-width: 4px; border-radius: var(--_radius);
    padding: var(--_space-3) var(--_space-4);
  }
  .comment.support { border-inline-start-color: var(--_support); }
  .earlier { display: flex; flex-direction: column; align-items: flex-start; gap: var(--_space-2); margin-block-end: var(--_space-3); }
  .earlier .alert { align-self: stretch; }
  .comment.pending { opacity: 0.75; border-style: dashed; }
  .comment.new { background: var(--es-color-info-surface, #e8f0fd); }
  .comment-head { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: baseline; margin-block-end: var(--_space-2); }
  .comment-head time { color: var(--_muted); font-size: 0.875em; }
  .author { font-weight: 600; }
  .badge.role-support { color: var(--_support); }
  .badge.new-marker { color: var(--_on-primary); background: var(--_primary); border-color: var(--_primary); }
  .body { margin: 0 0 var(--_space-2); }
  .timeline { gap: var(--_space-2); border-inline-start: 2px solid var(--_border); padding-inline-start: var(--_space-4); }
  .event { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-3); align-items: baseline; }
  .event time { color: var(--_muted); font-size: 0.875em; }
  .note { flex-basis: 100%; margin: 0; }
  .comment-form { display: flex; flex-direction: column; align-items: stretch; }
  .comment-form > button[type='submit'] { align-self: flex-start; }
  .dialog {
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space-5);
    inline-size: min(32rem, calc(100vw - 2rem)); color: var(--_text); background: var(--_surface);
  }
  .dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  .dialog textarea { min-block-size: 6rem; }
  .dialog-buttons { justify-content: flex-end; }
`;
