import { css } from 'lit';

/** Styles of the attachment box (uploader) and attachment lists, shared by es-case-form and es-case-detail. */
export const uploaderStyles = css`
  .uploader { display: flex; flex-direction: column; gap: var(--_space-2); margin-block-end: var(--_space-4); }
  .drop-zone {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-3) var(--_space-4); border: 2px dashed var(--_border); border-radius: var(--_radius);
  }
  .drop-zone.dragging { border-color: var(--_primary); background: var(--_surface-alt); }
  .file-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: var(--_space-2); }
  .file {
    display: grid; grid-template-columns: minmax(0, 1fr) auto auto; gap: var(--_space-1) var(--_space-3);
    align-items: center; padding: var(--_space-2) var(--_space-3); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  .file progress, .file .field-error { grid-column: 1 / -1; inline-size: 100%; }
  .file-rejected, .file-failed { border-color: var(--_danger); }
  .file-ok { color: var(--es-color-success, #1b6e2f); font-size: 0.875em; }
  .file-actions { display: flex; gap: var(--_space-1); }
  .attachment-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--_space-2); }
  .attachment-list .btn { font-weight: 400; max-inline-size: 100%; }
  .attachment-list .btn span { overflow-wrap: anywhere; }
`;
