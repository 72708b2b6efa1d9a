import { css } from 'lit';

export const loginStyles = css`
  :host {
    --_gap: var(--es-login-gap, var(--_space-3));
    --_max-width: var(--es-login-max-width, 40rem);
    --_trouble-background: var(--es-login-trouble-background, var(--es-color-warning-surface, #fff4e0));
    --_trouble-border: var(--es-login-trouble-border, var(--es-color-warning, #8a5300));
  }
  .base { max-inline-size: var(--_max-width); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_gap); }
  .hint { margin: 0; }
  /* The shared checking state, sized as one button row: the view that follows never starts by shrinking. */
  .base > .checking {
    display: flex; align-items: center; min-block-size: 2.5rem; padding: 0; text-align: start;
  }
  .checking p { margin: 0; }
  .links { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-4); margin-block-start: var(--_space-2); }
  .signed-out > * + *, .signed-in > * + * { margin-block-start: var(--_space-2); }
  .user { display: flex; flex-direction: column; min-inline-size: 0; }
  .user-name { font-weight: 600; }
  .user-email, .organisation { color: var(--_muted); font-size: 0.9375em; overflow-wrap: anywhere; }
  .trouble {
    margin-block-start: var(--_space-3);
    border: 1px solid var(--_trouble-border); border-inline-start-width: 4px; border-radius: var(--_radius);
    background: var(--_trouble-background); padding: var(--_space-3) var(--_space-4);
  }
  .trouble.danger { border-color: var(--_danger); background: var(--es-color-danger-surface, #fdecea); }
  .trouble h2 { font-size: 1.0625em; margin-block: 0 var(--_space-2); }
  .trouble p { margin-block: 0 var(--_space-2); }
  .trouble ul, .trouble ol { margin-block: 0 var(--_space-3); padding-inline-start: var(--_space-5); }
  .trouble li + li { margin-block-start: var(--_space-1); }
  .details { color: var(--_muted); font-size: 0.875em; }
  .spinner {
    inline-size: 1em; block-size: 1em; border-radius: 50%; border: 2px solid currentColor;
    border-inline-end-color: transparent; animation: es-spin 0.8s linear infinite;
  }
  @keyframes es-spin { to { transform: rotate(360deg); } }
`;
