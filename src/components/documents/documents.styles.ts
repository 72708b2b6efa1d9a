import { css } from 'lit';

export const documentsStyles = css`
  :host {
    --_gap: var(--es-documents-gap, var(--_space-4));
  }
  .base > * + * { margin-block-start: var(--_gap); }
  .heading { font-size: 1.25em; font-weight: 700; margin: 0; }
  .filters { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space-4); align-items: flex-end; }
  .filters .field { margin: 0; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; inline-size: 100%; font-size: 0.9375em; }
  th, td { text-align: start; padding-block: var(--_space-2); padding-inline: 0 var(--_space-4); border-block-end: 1px solid var(--_border); vertical-align: top; }
  thead th { color: var(--_muted); font-weight: 600; white-space: nowrap; }
  td.title { overflow-wrap: anywhere; min-inline-size: 12rem; }
  td.num { white-space: nowrap; }
  .type { text-transform: uppercase; font-size: 0.8125em; }
  @media (max-width: 600px) {
    thead { position: absolute; clip-path: inset(50%); inline-size: 1px; block-size: 1px; overflow: hidden; }
    tr { display: block; border-block-end: 1px solid var(--_border); padding-block: var(--_space-2); }
    td { display: block; border: 0; padding-block: 0; }
    td.title { font-weight: 600; }
  }
`;
