import { css } from 'lit';
import { darkTokens, lightTokens } from '../../styles/tokens.js';

export const providerStyles = css`
  :host {
    ${lightTokens}
    display: block;
    color: var(--es-color-text);
    background: var(--es-provider-background, transparent);
  }
  /* Dark text colours need a dark surface under them. A host page is usually light (theme="auto" turns dark with
     the operating system, not with the page), so in the dark theme the provider paints its own surface: the
     widgets stay readable on any page. --es-provider-background overrides it in either theme. */
  :host([data-es-theme='dark']) {
    ${darkTokens}
    background: var(--es-provider-background, var(--es-color-surface));
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
