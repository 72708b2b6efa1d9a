import { html, nothing, type LitElement, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SupportApi } from '../../core/api-types.js';
import type { Attachment } from '../../core/models.js';
import { isAbort } from '../../core/errors.js';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_ITEM } from '../../core/limits.js';
import { currentLocale, formatBytes } from '../../core/format.js';
import { errorMessage } from '../../base/status-views.js';

export type UploadStatus = 'uploading' | 'done' | 'failed' | 'rejected';

export interface UploadItem {
  /** Stable key for rendering. */
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** 0..1 while uploading. */
  progress: number;
  /** Person-readable reason for `failed` / `rejected`. */
  message: string | null;
  /** The uploaded attachment once `done`. */
  attachment: Attachment | null;
  /** Kept for a retry; null for attachments restored from a draft. */
  file: File | null;
  abort: AbortController | null;
}

let seq = 0;

/**
 * Size in "MB" the way the limit is documented (25 MB = 25 × 1024 × 1024 bytes), so a file just over the limit
 * never reads as "26 MB; at most 26 MB".
 */
export function formatLimitMB(bytes: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 })
    .format(bytes / (1024 * 1024));
}

/**
 * Attachments of one case or comment: checks each file against src/core/limits.js BEFORE uploading (with a
 * specific message per file), uploads the accepted ones at once with per-file progress, lets the user retry a
 * failed upload or remove any file. Used by es-case-form and es-case-detail (comment box) with `renderUploader()`.
 */
export class AttachmentUploader implements ReactiveController {
  items: UploadItem[] = [];
  dragging = false;

  constructor(
    private host: ReactiveControllerHost,
    private getApi: () => SupportApi | undefined,
    /** Called when the set of uploaded attachments changes (to save it in a draft). */
    private onChange: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    for (const i of this.items) i.abort?.abort();
  }

  /** Uploaded attachments, in order. */
  get attachments(): Attachment[] {
    return this.items.filter((i) => i.status === 'done' && i.attachment).map((i) => i.attachment!);
  }

  get attachmentIds(): string[] {
    return this.attachments.map((a) => a.id);
  }

  /** True while any upload runs (submit waits). */
  get busy(): boolean {
    return this.items.some((i) => i.status === 'uploading');
  }

  /** True when an upload failed and was neither retried nor removed. */
  get hasFailed(): boolean {
    return this.items.some((i) => i.status === 'failed');
  }

  private get counted(): number {
    return this.items.filter((i) => i.status !== 'rejected').length;
  }

  /** Restores uploaded attachments (from a draft). */
  restore(attachments: Attachment[]): void {
    this.items = attachments.map((a) => ({
      key: `u${++seq}`, name: a.fileName, size: a.size, status: 'done', progress: 1, message: null,
      attachment: a, file: null, abort: null,
    }));
    this.host.requestUpdate();
  }

  /** Removes everything (after a successful submit). */
  reset(): void {
    for (const i of this.items) i.abort?.abort();
    this.items = [];
    this.host.requestUpdate();
  }

  addFiles(files: Iterable<File>): void {
    for (const file of files) {
      const item: UploadItem = {
        key: `u${++seq}`, name: file.name, size: file.size, status: 'uploading', progress: 0, message: null,
        attachment: null, file, abort: null,
      };
      const problem = this.counted >= MAX_ATTACHMENTS_PER_ITEM ? 'too-many' : checkAttachment(file);
      if (problem) {
        item.status = 'rejected';
        item.file = null;
        item.message = rejectMessage(problem, file);
        this.items = [...this.items, item];
      } else {
        this.items = [...this.items, item];
        void this.upload(item);
      }
    }
    this.host.requestUpdate();
  }

  remove(key: string): void {
    const item = this.items.find((i) => i.key === key);
    item?.abort?.abort();
    this.items = this.items.filter((i) => i.key !== key);
    this.host.requestUpdate();
    if (item?.status === 'done') this.onChange();
  }

  retry(key: string): void {
    const item = this.items.find((i) => i.key === key);
    if (item && item.status === 'failed' && item.file) void this.upload(item);
  }

  private async upload(item: UploadItem): Promise<void> {
    const api = this.getApi();
    const abort = new AbortController();
    this.update(item, { status: 'uploading', progress: 0, message: null, abort });
    try {
      if (!api) throw new Error('no api');
      const attachment = await api.uploadAttachment(item.file!, {
        signal: abort.signal,
        onProgress: (loaded, total) => {
          if (total > 0) this.update(item, { progress: Math.min(1, loaded / total) });
        },
      });
      if (abort.signal.aborted) return;
      this.update(item, { status: 'done', progress: 1, attachment, abort: null });
      this.onChange();
    } catch (e) {
      if (isAbort(e) || abort.signal.aborted) return;
      this.update(item, { status: 'failed', abort: null, message: errorMessage(e) });
    }
  }

  private update(item: UploadItem, patch: Partial<UploadItem>): void {
    Object.assign(item, patch);
    this.items = [...this.items];
    this.host.requestUpdate();
  }
}

function rejectMessage(problem: 'empty' | 'too-large' | 'type' | 'too-many', file: File): string {
  const name = file.name;
  switch (problem) {
    case 'empty': return msg(str`${name} is empty.`, { id: 'uploader.empty' });
    case 'too-large': {
      const size = formatLimitMB(file.size);
      const limit = formatLimitMB(MAX_ATTACHMENT_BYTES);
      return msg(str`${name} is ${size}; files can be at most ${limit}.`, { id: 'uploader.too-large' });
    }
    case 'type': return msg(str`${name}: this file type is not accepted. Attach logs, text, images, PDF, Office documents or zip/gz archives.`, { id: 'uploader.type' });
    default: {
      const max = MAX_ATTACHMENTS_PER_ITEM;
      return msg(str`${name} was not added: at most ${max} files can be attached.`, { id: 'uploader.too-many' });
    }
  }
}

function onDrop(up: AttachmentUploader, e: DragEvent, host: ReactiveControllerHost, disabled: boolean): void {
  e.preventDefault();
  up.dragging = false;
  host.requestUpdate();
  if (disabled) return;
  const files = e.dataTransfer?.files;
  if (files?.length) up.addFiles(Array.from(files));
}

/**
 * The attachment box: a drop zone with a keyboard-accessible "Add files" button (it opens the hidden file input),
 * and the per-file list with progress bars, messages, retry and remove buttons.
 */
export function renderUploader(
  up: AttachmentUploader, host: LitElement,
  opts: { id: string; label: string; disabled?: boolean },
): TemplateResult {
  const disabled = opts.disabled ?? false;
  const pick = () => (host.renderRoot as ParentNode).querySelector<HTMLInputElement>(`#${opts.id}-input`)?.click();
  return html`<div part="attachments" class="uploader">
    <span class="label" id="${opts.id}-label">${opts.label}</span>
    <div part="drop-zone" class="drop-zone ${up.dragging ? 'dragging' : ''}"
      @dragenter=${(e: DragEvent) => { e.preventDefault(); up.dragging = true; host.requestUpdate(); }}
      @dragover=${(e: DragEvent) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; }}
      @dragleave=${() => { up.dragging = false; host.requestUpdate(); }}
      @drop=${(e: DragEvent) => onDrop(up, e, host, disabled)}>
      <input id="${opts.id}-input" name="attachments" type="file" multiple hidden
        @change=${(e: Event) => { const i = e.target as HTMLInputElement; if (i.files) up.addFiles(Array.from(i.files)); i.value = ''; }} />
      <button part="add-files-button" class="btn" type="button" ?disabled=${disabled}
        aria-describedby="${opts.id}-label ${opts.id}-hint" @click=${pick}>${msg('Add files', { id: 'uploader.add' })}</button>
      <span class="hint" id="${opts.id}-hint">${msg(str`or drag them here. Up to ${MAX_ATTACHMENTS_PER_ITEM} files, ${formatLimitMB(MAX_ATTACHMENT_BYTES)} each.`, { id: 'uploader.hint' })}</span>
    </div>
    ${up.items.length ? html`<ul part="file-list" class="file-list">
      ${up.items.map((i) => html`<li part="file file-${i.status}" class="file file-${i.status}" data-status=${i.status}>
        <span class="file-name user-text">${i.name}</span>
        <span class="file-size hint">${formatBytes(i.size)}</span>
        ${i.status === 'uploading' ? html`<progress part="progress" max="100" value=${Math.round(i.progress * 100)}
            aria-label=${msg(str`Uploading ${i.name}`, { id: 'uploader.progress' })}></progress>` : nothing}
        ${i.status === 'done' ? html`<span class="file-ok">${msg('Uploaded', { id: 'uploader.done' })}</span>` : nothing}
        ${i.message ? html`<span class="field-error" role=${i.status === 'failed' ? 'alert' : 'status'}>${i.message}</span>` : nothing}
        <span class="file-actions">
          ${i.status === 'failed' ? html`<button part="retry-upload-button" class="btn btn-link" type="button"
              aria-label=${msg(str`Retry upload of ${i.name}`, { id: 'uploader.retry-label' })}
              @click=${() => up.retry(i.key)}>${msg('Retry', { id: 'uploader.retry' })}</button>` : nothing}
          <button part="remove-file-button" class="btn btn-link" type="button" ?disabled=${disabled}
            aria-label=${i.status === 'rejected' ? msg(str`Dismiss message about ${i.name}`, { id: 'uploader.dismiss-label' }) : msg(str`Remove ${i.name}`, { id: 'uploader.remove-label' })}
            @click=${() => up.remove(i.key)}>${i.status === 'rejected' ? msg('Dismiss', { id: 'uploader.dismiss' }) : msg('Remove', { id: 'uploader.remove' })}</button>
        </span>
      </li>`)}
    </ul>` : nothing}
  </div>`;
}
