import { css } from 'lit';

export const caseFormStyles = css`
  :host { --_max: var(--es-case-form-max-width, 48rem); }
  .form { max-inline-size: var(--_max); }
  h2 { font-size: 1.1em; margin-block: 0 var(--_space-2); }
  input[type='text'], input[type='tel'], textarea, select { inline-size: 100%; }
  .counter { align-self: flex-end; font-variant-numeric: tabular-nums; }
  .counter.near-limit { color: var(--es-color-warning, #8a5300); }
  fieldset.severity { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space-3) var(--_space-4); }
  fieldset.severity[aria-invalid='true'] { border-color: var(--_danger); }
  .radio { display: flex; gap: var(--_space-2); align-items: flex-start; padding-block: var(--_space-1); }
  .radio input { min-block-size: auto; margin-block-start: 0.3em; }
  .radio label { display: flex; flex-direction: column; font-weight: 400; }
  .error-summary { margin-block-end: var(--_space-4); }
  .error-summary ul { margin: 0; padding-inline-start: var(--_space-5); }
  .error-summary a { color: var(--_danger); }
  .restored { margin-block: 0 var(--_space-3); }
  .suggestions {
    margin-block: calc(-1 * var(--_space-2)) var(--_space-4); padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt);
  }
  .suggestions ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: var(--_space-3); }
  .suggestion { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-1) var(--_space-3); }
  .suggestion .title { padding-inline: 0; text-align: start; min-block-size: auto; }
  .suggestion p { flex-basis: 100%; margin: 0; }
  [part='submit-error'] { margin-block-end: var(--_space-3); }
`;
