import { css } from 'lit';

/**
 * Styles shared by every element: buttons, form fields, alerts, badges, skeletons, visually-hidden text.
 * Every value reads a token with a light-theme fallback, so an element also looks right outside es-provider.
 * Logical properties only (right-to-left).
 */
export const sharedStyles = css`
  :host {
    --_primary: var(--es-color-primary, #0a5bd3);
    --_on-primary: var(--es-color-on-primary, #fff);
    --_text: var(--es-color-text, #1a1d21);
    --_muted: var(--es-color-muted, #545b66);
    --_surface: var(--es-color-surface, #fff);
    --_surface-alt: var(--es-color-surface-alt, #f4f6f9);
    --_border: var(--es-color-border, #c9ced6);
    --_danger: var(--es-color-danger, #b3261e);
    --_radius: var(--es-radius, 6px);
    --_focus: var(--es-focus-ring, 0 0 0 3px rgba(10, 91, 211, 0.45));
    --_space-1: var(--es-space-1, 0.25rem);
    --_space-2: var(--es-space-2, 0.5rem);
    --_space-3: var(--es-space-3, 0.75rem);
    --_space-4: var(--es-space-4, 1rem);
    --_space-5: var(--es-space-5, 1.5rem);
    --_space-6: var(--es-space-6, 2rem);
    color: var(--_text);
  }
  .visually-hidden {
    position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
  }
  a { color: var(--_primary); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
  [tabindex]:focus-visible { outline: 2px solid transparent; box-shadow: var(--_focus); }
  .btn {
    display: inline-flex; align-items: center; justify-content: center; gap: var(--_space-2);
    min-block-size: 2.5rem; padding-block: var(--_space-2); padding-inline: var(--_space-4);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
    color: var(--_text); font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
  }
  .btn:hover { background: var(--_surface-alt); }
  .btn[disabled], .btn[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
  .btn-primary { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); }
  .btn-primary:hover { background: var(--es-color-primary-hover, #084aad); }
  .btn-danger { color: var(--_danger); border-color: var(--_danger); }
  .btn-link { border-color: transparent; background: none; color: var(--_primary); padding-inline: var(--_space-1); }
  .field { display: flex; flex-direction: column; gap: var(--_space-1); margin-block-end: var(--_space-4); }
  .field label, .label { font-weight: 600; }
  .hint { color: var(--_muted); font-size: 0.875em; }
  input, select, textarea {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding-block: var(--_space-2); padding-inline: var(--_space-3); min-block-size: 2.5rem;
  }
  textarea { min-block-size: 8rem; resize: vertical; }
  [aria-invalid='true'] { border-color: var(--_danger); }
  .field-error { color: var(--_danger); font-size: 0.875em; }
  .alert {
    border: 1px solid var(--_border); border-inline-start-width: 4px; border-radius: var(--_radius);
    padding: var(--_space-3) var(--_space-4); background: var(--es-color-info-surface, #e8f0fd);
  }
  .alert-danger { border-color: var(--_danger); background: var(--es-color-danger-surface, #fdecea); }
  .alert-warning { border-color: var(--es-color-warning, #8a5300); background: var(--es-color-warning-surface, #fff4e0); }
  .alert-success { border-color: var(--es-color-success, #1b6e2f); background: var(--es-color-success-surface, #e7f5ea); }
  .alert h2, .alert h3 { margin-block: 0 var(--_space-2); font-size: 1em; }
  .alert p { margin-block: 0 var(--_space-2); }
  .badge {
    display: inline-block; padding-inline: var(--_space-2); border-radius: 999px; font-size: 0.8125em;
    font-weight: 600; border: 1px solid currentColor; white-space: nowrap;
  }
  .skeleton {
    display: block; block-size: 1em; border-radius: var(--_radius); background: var(--_surface-alt);
    animation: es-pulse 1.2s ease-in-out infinite;
  }
  @keyframes es-pulse { 50% { opacity: 0.5; } }
  .state { padding: var(--_space-5) var(--_space-4); text-align: center; color: var(--_muted); }
  .state .btn { margin-block-start: var(--_space-3); }
  .stack > * + * { margin-block-start: var(--_space-3); }
  .row { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: center; }
  /* Untrusted text keeps its line breaks but can never widen the layout. */
  .user-text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
`;
