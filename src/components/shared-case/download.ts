import type { SupportApi } from '../../core/api-types.js';
import type { Attachment } from '../../core/models.js';

/**
 * Downloads an attachment with the bearer token (downloads are not public): the API returns a Blob, which becomes a
 * short-lived object URL clicked through a temporary `<a download>`; the URL is revoked right after.
 */
export async function downloadAttachment(
  api: SupportApi, attachment: Attachment, container: Node & ParentNode, signal?: AbortSignal,
): Promise<void> {
  const blob = await api.downloadAttachment(attachment.id, signal ? { signal } : {});
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = attachment.fileName;
  a.rel = 'noopener';
  a.hidden = true;
  container.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has started synchronously from the click; a short delay keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
