import { css } from 'lit';

export const kbSearchStyles = css`
  :host {
    --_gap: var(--es-kb-search-gap, var(--_space-3));
    --_mark-background: var(--es-kb-search-mark-background, #ffe58a);
    --_mark-color: var(--es-kb-search-mark-color, #1a1d21);
    --_active-background: var(--es-kb-search-active-background, var(--_surface-alt));
    --_max-width: var(--es-kb-search-max-width, 56rem);
  }
  .base { max-inline-size: var(--_max-width); }
  .search > * + * { margin-block-start: var(--_gap); }
  .controls { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_gap); align-items: flex-end; }
  .controls .field { margin: 0; }
  .query-field { flex: 1 1 18rem; min-inline-size: 0; }
  .query-field input { inline-size: 100%; }
  .count { margin: 0; color: var(--_muted); font-size: 0.9375em; }
  .listbox { list-style: none; margin: 0; padding: 0; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .option {
    padding: var(--_space-3) var(--_space-4); cursor: pointer; border-block-end: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .option:last-child { border-block-end: 0; }
  .option:hover { background: var(--_surface-alt); }
  .option[aria-selected='true'] {
    background: var(--_active-background); outline: 2px solid var(--_primary); outline-offset: -2px;
  }
  .option-title { display: block; font-weight: 600; color: var(--_primary); }
  .option-snippet { display: block; margin-block-start: var(--_space-1); }
  .option-meta { display: block; margin-block-start: var(--_space-1); color: var(--_muted); font-size: 0.875em; }
  mark { background: var(--_mark-background); color: var(--_mark-color); border-radius: 2px; padding-inline: 1px; }
  .more { display: flex; justify-content: center; }
  .help {
    display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_gap); align-items: center; justify-content: space-between;
    border-block-start: 1px solid var(--_border); padding-block-start: var(--_gap);
  }
  .help p { margin: 0; }
  .article > * + * { margin-block-start: var(--_gap); }
  .article-title { font-size: 1.5em; margin-block: var(--_space-2) 0; overflow-wrap: anywhere; }
  .article-title:focus { outline: none; }
  .article-title:focus-visible { box-shadow: var(--_focus); }
  .article-meta { color: var(--_muted); font-size: 0.9375em; display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-4); margin: 0; }
  .article-body { overflow-wrap: anywhere; }
  .article-body img { max-inline-size: 100%; block-size: auto; }
  .article-body table { border-collapse: collapse; }
  .article-body th, .article-body td { border: 1px solid var(--_border); padding: var(--_space-1) var(--_space-2); text-align: start; }
  .article-body pre { overflow-x: auto; background: var(--_surface-alt); padding: var(--_space-3); border-radius: var(--_radius); }
  .feedback { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space-3) var(--_space-4); }
  .feedback p { margin: 0; }
  .feedback .row { margin-block-start: var(--_space-2); }
  .related h3 { font-size: 1.0625em; margin-block: 0 var(--_space-2); }
  .related ul { margin: 0; padding-inline-start: var(--_space-5); }
  .related li + li { margin-block-start: var(--_space-1); }
  .back { align-self: flex-start; }
  .arrow { display: inline-block; }
  :host(:dir(rtl)) .arrow { transform: scaleX(-1); }
  @media (forced-colors: active) {
    mark { forced-color-adjust: none; background: Mark; color: MarkText; }
    .option[aria-selected='true'] { outline-color: Highlight; }
  }
`;
