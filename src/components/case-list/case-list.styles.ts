import { css } from 'lit';

export const caseListStyles = css`
  :host {
    --_gap: var(--es-case-list-gap, var(--_space-3));
    --_height: var(--es-case-list-height, 36rem);
    --_row-hover: var(--es-case-list-row-hover, var(--_surface-alt));
    /* The product column keeps room for a whole word of a product name ("Protection", "Privileged"): with less,
       .user-text's overflow-wrap: anywhere broke names mid-word in a ~800 px column. The subject (clamped to two
       lines with an ellipsis) gives the room up instead. */
    --_cols: minmax(7.5rem, 0.8fr) minmax(0, 2.6fr) minmax(6.5rem, 1.3fr) 6.5rem 9.5rem 8rem;
    container-type: inline-size;
  }
  .toolbar { display: flex; flex-wrap: wrap; gap: var(--_gap); align-items: flex-end; margin-block-end: var(--_space-3); }
  .tool { display: flex; flex-direction: column; gap: var(--_space-1); }
  .tool > label { font-weight: 600; font-size: 0.875em; }
  .tool.search { flex: 1 1 16rem; }
  .tool-end { margin-inline-start: auto; }
  .check-filter { position: relative; }
  .check-filter summary { list-style: none; font-weight: 400; }
  .check-filter summary::-webkit-details-marker { display: none; }
  .check-filter fieldset {
    position: absolute; inset-inline-start: 0; z-index: 2; margin: 0; margin-block-start: var(--_space-1);
    min-inline-size: 14rem; padding: var(--_space-2) var(--_space-3); display: flex; flex-direction: column;
    gap: var(--_space-1); background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .check { display: flex; gap: var(--_space-2); align-items: center; min-block-size: 2rem; }
  .check input { min-block-size: auto; }
  .count-pill {
    display: inline-block; min-inline-size: 1.4em; padding-inline: var(--_space-1); border-radius: 999px;
    background: var(--_primary); color: var(--_on-primary); font-size: 0.8em; text-align: center;
  }
  .count { margin-block: 0 var(--_space-2); color: var(--_muted); font-size: 0.875em; }
  .header, .row {
    display: grid; grid-template-columns: var(--_cols); gap: var(--_space-3); align-items: center;
    padding-block: var(--_space-2); padding-inline: var(--_space-3);
  }
  .header { font-weight: 600; font-size: 0.875em; color: var(--_muted); border-block-end: 2px solid var(--_border); }
  .list { list-style: none; margin: 0; padding: 0; }
  .list.virtual { block-size: var(--_height); }
  .item { display: block; inline-size: 100%; border-block-end: 1px solid var(--_border); }
  .row {
    inline-size: 100%; border: 0; background: none; font: inherit; color: inherit; text-align: start;
    text-decoration: none; cursor: pointer; min-block-size: 3rem;
  }
  .row:hover { background: var(--_row-hover); }
  .row:focus-visible { outline: 2px solid var(--_primary); outline-offset: -2px; }
  .cell { min-inline-size: 0; }
  .number { font-variant-numeric: tabular-nums; color: var(--_primary); font-weight: 600; }
  .subject { font-weight: 600; white-space: normal; overflow: hidden; text-overflow: ellipsis; display: -webkit-box;
    -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
  .product, .updated { color: var(--_muted); font-size: 0.9em; }
  .more { display: flex; justify-content: center; padding-block: var(--_space-3); }

  /* Card layout on containers too narrow for the table's minimum columns (7.5 + 6.5 + 6.5 + 9.5 + 8 rem, five
     gaps and the padding: 43.25 rem), so the table never scrolls sideways. */
  @container (max-width: 43.75rem) {
    .header { display: none; }
    .tool { flex: 1 1 100%; }
    .tool.check-filter { flex: 1 1 auto; }
    .row {
      grid-template-columns: 1fr auto;
      grid-template-areas: 'number updated' 'subject subject' 'product product' 'severity status';
      gap: var(--_space-1) var(--_space-2); padding-block: var(--_space-3);
    }
    .number { grid-area: number; }
    .subject { grid-area: subject; }
    .product { grid-area: product; }
    .severity { grid-area: severity; }
    .status { grid-area: status; justify-self: end; }
    .updated { grid-area: updated; justify-self: end; }
    .item { border: 1px solid var(--_border); border-radius: var(--_radius); margin-block-end: var(--_space-2); }
  }
`;
