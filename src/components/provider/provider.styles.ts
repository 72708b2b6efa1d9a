import { css } from 'lit';
import { darkTokens, lightTokens } from '../../styles/tokens.js';

export const providerStyles = css`
  :host {
    ${lightTokens}
    display: block;
    color: var(--es-color-text);
  }
  :host([data-es-theme='dark']) {
    ${darkTokens}
  }
  [part='error'] {
    margin-block: var(--es-space-3, 0.75rem);
    padding-block: var(--es-space-3, 0.75rem);
    padding-inline: var(--es-space-4, 1rem);
    border: 1px solid var(--es-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--es-radius, 6px);
    background: var(--es-color-danger-surface, #fdecea);
    color: var(--es-color-text);
  }
  [part='error'] strong { display: block; color: var(--es-color-danger); }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.95em; }
`;
