import { css } from 'lit';

export const accountRequestStyles = css`
  :host {
    --_max-width: var(--es-account-request-max-width, 40rem);
    --_gap: var(--es-account-request-gap, var(--_space-4));
  }
  .base { max-inline-size: var(--_max-width); }
  h2 { font-size: 1.25em; margin-block: 0 var(--_space-3); }
  /* Focus moved there by script (success heading, error summary) is announced; it needs no focus ring. */
  [tabindex='-1']:focus, [tabindex='-1']:focus-visible { outline: none; box-shadow: none; }
  .intro { margin-block: 0 var(--_space-4); }
  .names { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); column-gap: var(--_gap); }
  .field { margin-block-end: var(--_gap); }
  .field-error { margin: 0; font-weight: 600; }
  .hint { margin: 0; }
  .counter { color: var(--_muted); font-size: 0.875em; text-align: end; }
  .counter.over { color: var(--_danger); font-weight: 600; }
  .optional { font-weight: 400; color: var(--_muted); }
  .error-summary, .submit-error, .success { margin-block-end: var(--_gap); }
  .error-summary ul { margin-block: 0; padding-inline-start: var(--_space-5); }
  .error-summary a { color: var(--_danger); font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_space-3); align-items: center; }
  .next-steps { margin-block: 0 var(--_space-3); padding-inline-start: var(--_space-5); }
  .next-steps li + li { margin-block-start: var(--_space-2); }
  .reference { color: var(--_muted); font-size: 0.875em; }
`;
