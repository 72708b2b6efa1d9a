// Attachment upload (multipart, size and type limits, executable sniffing) and download (organisation only).
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../../../src/core/limits.js';
import { requests } from '../schemas.mjs';
import { newId, nowIso, problem } from '../util.mjs';
import { guards } from './common.mjs';

export function attachmentMapper(db) {
  const byCase = db.prepare('SELECT * FROM attachments WHERE case_id = ? AND comment_id IS NULL ORDER BY created_at, id');
  const byComment = db.prepare('SELECT * FROM attachments WHERE comment_id = ? ORDER BY created_at, id');
  const map = (a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, createdAt: a.created_at });
  return { forCase: (id) => byCase.all(id).map(map), forComment: (id) => byComment.all(id).map(map), map };
}

/** Signatures of executables and scripts that are refused whatever the file is called. */
export function looksExecutable(head) {
  const b = head;
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return true; // MZ: Windows PE / DOS
  if (b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return true; // ELF
  if (b.length >= 4) {
    const w = b.readUInt32BE(0);
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(w)) return true; // Mach-O / fat / class
  }
  if (b.length >= 2 && b[0] === 0x23 && b[1] === 0x21) return true; // #! script
  if (b.length >= 4 && b[0] === 0x00 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d) return true; // wasm
  return false;
}

/** Checks the leading bytes against the format the extension claims, for binary formats. */
function matchesFormat(ext, b) {
  const starts = (...sig) => sig.every((v, i) => b[i] === v);
  switch (ext) {
    case '.png': return starts(0x89, 0x50, 0x4e, 0x47);
    case '.jpg': case '.jpeg': return starts(0xff, 0xd8, 0xff);
    case '.gif': return starts(0x47, 0x49, 0x46, 0x38);
    case '.webp': return starts(0x52, 0x49, 0x46, 0x46) && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case '.pdf': return b.subarray(0, 1024).toString('latin1').includes('%PDF-');
    case '.zip': case '.docx': case '.xlsx': return starts(0x50, 0x4b);
    case '.gz': return starts(0x1f, 0x8b);
    default: return true;
  }
}

/** RFC 6266 / 8187 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Keeps the last path segment, drops control characters, bounds the length. */
function cleanFileName(name) {
  // eslint-disable-next-line no-control-regex
  // Browsers (HTML spec) escape '"', CR and LF in multipart file names as %22, %0D, %0A: undo that.
  const decoded = String(name ?? '').replace(/%22/gi, '"').replace(/%0[ad]/gi, ' ');
  const base = decoded.split(/[\\/]/).pop().replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/** Busboy / multipart parse errors (no boundary, truncated body, ...) are the client's: 400, never 500. */
function malformed(e) {
  if (e && (e.problem || (typeof e.statusCode === 'number' && e.statusCode < 500))) return e;
  return problem(400, 'Malformed upload', 'The multipart/form-data body could not be read (missing boundary or truncated).', {
    type: 'validation', errors: [{ field: 'file', message: 'could not be read' }],
  });
}

/** Default time an upload may wait to be attached to a case or comment before it is deleted. */
export const ORPHAN_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes uploads never attached to a case or comment within `ttlMs` (the user uploaded, then abandoned the form
 * or removed the file from it): the row and the stored file. Also removes `.part` files left by uploads that were
 * cut off (a crash between write and rename). Attached files and seeded ones (stored in the row) are never
 * touched. Returns the number of attachments removed.
 * @param {import('better-sqlite3').Database} db
 * @param {string} attachmentsDir
 * @param {{ ttlMs?: number, now?: number }} [o]
 */
export async function sweepOrphanUploads(db, attachmentsDir, { ttlMs = ORPHAN_UPLOAD_TTL_MS, now = Date.now() } = {}) {
  const cutoff = new Date(now - ttlMs).toISOString();
  // One statement deletes and returns, so an upload that gets linked in between is either linked or gone, never
  // linked to a deleted file.
  const removed = db.prepare(`DELETE FROM attachments WHERE case_id IS NULL AND comment_id IS NULL AND created_at < ?
    RETURNING stored_name`).all(cutoff);
  for (const r of removed) if (r.stored_name) await unlink(join(attachmentsDir, r.stored_name)).catch(() => {});
  for (const f of await readdir(attachmentsDir).catch(() => [])) {
    if (!f.endsWith('.part')) continue;
    const file = join(attachmentsDir, f);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < now - ttlMs) await unlink(file).catch(() => {});
  }
  return removed.length;
}

export async function attachmentRoutes(api, ctx) {
  const { db, attachmentsDir } = ctx;
  const g = guards(ctx);
  const mapper = attachmentMapper(db);
  const insert = db.prepare(`INSERT INTO attachments (id, owner_id, organisation_id, file_name, content_type, size, stored_name, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const get = db.prepare('SELECT * FROM attachments WHERE id = ?');

  // Abandoned uploads: swept at start and then every hour (or every ttl, when shorter).
  const ttlMs = ctx.orphanUploadTtlMs ?? ORPHAN_UPLOAD_TTL_MS;
  const sweep = () => sweepOrphanUploads(db, attachmentsDir, { ttlMs }).catch((e) => api.log.error({ err: e }, 'upload sweep failed'));
  const sweepTimer = setInterval(sweep, Math.min(ttlMs, 60 * 60 * 1000));
  sweepTimer.unref();
  api.addHook('onReady', async () => { await sweep(); });
  api.addHook('onClose', async () => { clearInterval(sweepTimer); });

  api.post('/attachments', { preHandler: g.portal }, async (request, reply) => {
    if (!request.isMultipart()) {
      throw problem(415, 'Unsupported media type', 'Upload the file as multipart/form-data with a field named "file".', { type: 'unsupported-type' });
    }
    let part;
    try {
      part = await request.file();
    } catch (e) {
      throw malformed(e);
    }
    if (!part) throw problem(400, 'No file', 'The form has no file part.', { type: 'validation', errors: [{ field: 'file', message: 'is required' }] });
    const fileName = cleanFileName(part.filename);
    const dot = fileName.lastIndexOf('.');
    const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
    const allowedTypes = Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, ext) ? ATTACHMENT_TYPES[ext] : null;
    if (!fileName || !allowedTypes) {
      part.file.resume();
      throw problem(415, 'File type not allowed', `Files of type "${ext || 'none'}" cannot be attached. Allowed: ${Object.keys(ATTACHMENT_TYPES).join(' ')}.`, { type: 'unsupported-type' });
    }
    const storedName = `${randomBytes(16).toString('hex')}.bin`;
    const tmp = join(attachmentsDir, `${storedName}.part`);
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      await new Promise((resolve, reject) => {
        const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
        part.file.on('data', (chunk) => {
          size += chunk.length;
          if (head.length < 1024) head = Buffer.concat([head, chunk.subarray(0, 1024 - head.length)]);
        });
        part.file.on('error', reject);
        part.file.on('limit', () => reject(problem(413, 'File too large', `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`, { type: 'too-large' })));
        out.on('error', reject);
        out.on('finish', resolve);
        part.file.pipe(out);
      });
      if (part.file.truncated || size > MAX_ATTACHMENT_BYTES) {
        throw problem(413, 'File too large', `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`, { type: 'too-large' });
      }
      if (size === 0) throw problem(400, 'Empty file', 'The file is empty.', { type: 'validation', errors: [{ field: 'file', message: 'must not be empty' }] });
      if (looksExecutable(head)) throw problem(415, 'File type not allowed', 'Executable files cannot be attached.', { type: 'unsupported-type' });
      if (!matchesFormat(ext, head)) throw problem(415, 'File content does not match its type', `The file does not look like a ${ext} file.`, { type: 'unsupported-type' });
      await rename(tmp, join(attachmentsDir, storedName));
    } catch (e) {
      await unlink(tmp).catch(() => {});
      if (e && e.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw problem(413, 'File too large', `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`, { type: 'too-large' });
      }
      throw malformed(e);
    }
    const claimed = String(part.mimetype || '').toLowerCase().split(';')[0].trim();
    const contentType = allowedTypes.includes(claimed) ? claimed : allowedTypes[0];
    const id = newId('att');
    const createdAt = nowIso();
    insert.run(id, request.portal.sub, request.portal.organisation.id, fileName, contentType, size, storedName, createdAt);
    return reply.code(201).send(mapper.map({ id, file_name: fileName, content_type: contentType, size, created_at: createdAt }));
  });

  api.get('/attachments/:id', { preHandler: g.portal, schema: { params: requests.idParams } }, async (request, reply) => {
    const a = get.get(request.params.id);
    if (!a || a.organisation_id !== request.portal.organisation.id) throw problem(404, 'Not found', 'There is no such attachment in your organisation.');
    const file = a.content ? null : join(attachmentsDir, a.stored_name ?? '');
    if (file && (!a.stored_name || !existsSync(file))) throw problem(404, 'Not found', 'The file of this attachment is no longer stored.');
    reply
      .header('content-type', a.content_type)
      .header('content-disposition', contentDisposition(a.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('content-length', String(a.size));
    if (a.content) return reply.send(a.content);
    return reply.send(createReadStream(file));
  });
}
