import { createHash } from 'node:crypto';
import { z } from 'zod';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { attachments } from './schema';
import { deleteRecord, insertRecord, requireLive, restoreRecord, type Core } from './core';
import { AppError, notFound } from './errors';
import { idSchema, optionalText, requiredText } from './validation';

/** Larger files belong in a document system; the database travels by USB stick and email. */
export { MAX_ATTACHMENT_BYTES } from './rules';
import { MAX_ATTACHMENT_BYTES, mimeMatchesBytes, mimeType } from './rules';

export const attachmentAddInput = z
  .strictObject({
    partnershipId: idSchema.nullable().optional(),
    meetingId: idSchema.nullable().optional(),
    fileName: requiredText(255),
    mimeType: z.string().trim().toLowerCase().pipe(mimeType).nullable().optional(),
    description: optionalText(2000),
    /** The file's bytes, base64. */
    dataBase64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
  })
  .refine((a) => !!a.partnershipId || !!a.meetingId, { message: 'partnership or meeting', path: ['partnershipId'] });
export const attachmentListInput = z
  .strictObject({ partnershipId: idSchema.optional(), meetingId: idSchema.optional() })
  .refine((a) => !!a.partnershipId || !!a.meetingId, { message: 'partnership or meeting', path: ['partnershipId'] });

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string | null;
  size: number;
  sha256: string;
  description: string | null;
  partnershipId: string | null;
  meetingId: string | null;
  createdAt: string;
  deletedAt: string | null;
}

/**
 * An attachment as it is handed to the person: always a download (application/octet-stream, never
 * the type the record claims, which may have come from another office), under a name that cannot
 * leave the download folder or hide its real extension, and the extension named when opening it
 * could run code.
 */
export interface AttachmentContent {
  fileName: string;
  mimeType: 'application/octet-stream';
  dataBase64: string;
  /** The extension (without the dot) when opening the file could run code or script; else null. */
  riskyExtension: string | null;
}

/** Extensions that a system opens as programs, scripts, shortcuts or active documents. */
// prettier-ignore
export const RISKY_EXTENSIONS = new Set([
  'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'hta', 'js', 'mjs', 'cjs', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'ws',
  'exe', 'com', 'scr', 'pif', 'msi', 'msp', 'msix', 'appx', 'dll', 'cpl', 'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'reg', 'lnk', 'url', 'scf', 'inf',
  'jar', 'jnlp', 'class', 'py', 'pyw', 'pl', 'rb', 'sh', 'bash', 'zsh', 'csh', 'command', 'app', 'pkg', 'dmg', 'deb', 'rpm', 'apk', 'run', 'bin',
  'desktop', 'appimage', 'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppsm', 'sldm', 'iso', 'img', 'vhd', 'vhdx', 'chm', 'library-ms', 'settingcontent-ms',
]);

/**
 * A file name safe to save as: no folders, no control or bidirectional-override characters (which
 * can show `exe.pdf` for `fdp.exe`), none of the characters Windows refuses, no leading dots, no
 * trailing dots or spaces, at most 200 characters with the extension kept.
 */
export function safeDownloadName(name: string): string {
  let base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/g;
  base = base
    .replace(unsafe, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base)) base = `_${base}`;
  if (!base) base = 'attachment';
  if (base.length > 200) {
    const dot = base.lastIndexOf('.');
    const ext = dot > 0 && base.length - dot <= 20 ? base.slice(dot) : '';
    base = base.slice(0, 200 - ext.length) + ext;
  }
  return base;
}

/** The extension of `name` when it is one of RISKY_EXTENSIONS; else null. */
export function riskyExtension(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  return RISKY_EXTENSIONS.has(ext) ? ext : null;
}

const columns = {
  id: attachments.id,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  sha256: attachments.sha256,
  description: attachments.description,
  partnershipId: attachments.partnershipId,
  meetingId: attachments.meetingId,
  createdAt: attachments.createdAt,
  deletedAt: attachments.deletedAt,
};

export function getAttachment(core: Core, id: string): Attachment {
  const row = core.db.select(columns).from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw notFound('attachments', id);
  return row;
}

export function listAttachments(core: Core, input: z.output<typeof attachmentListInput>): Attachment[] {
  return core.db
    .select(columns)
    .from(attachments)
    .where(
      and(
        isNull(attachments.deletedAt),
        input.partnershipId ? eq(attachments.partnershipId, input.partnershipId) : undefined,
        input.meetingId ? eq(attachments.meetingId, input.meetingId) : undefined,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .all();
}

/** Store the bytes once by content hash; the attachment record points at them. */
export function addAttachment(core: Core, input: z.output<typeof attachmentAddInput>): Attachment {
  if (input.partnershipId) requireLive(core, 'partnerships', input.partnershipId);
  if (input.meetingId) requireLive(core, 'meetings', input.meetingId);
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('invalid_input', { zh: '文件太大（最大 25 MB）。未保存任何内容。', en: 'The file is too large (25 MB at most). Nothing was saved.' }, [
      'dataBase64',
    ]);
  }
  // The same rule a merge applies: a declared type must agree with the bytes.
  if (!mimeMatchesBytes(input.mimeType ?? null, data)) {
    throw new AppError(
      'invalid_input',
      { zh: '文件类型与文件内容不符。未保存任何内容。', en: 'The file type does not match the file’s contents. Nothing was saved.' },
      ['mimeType'],
    );
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  core.sqlite
    .prepare('INSERT INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
    .run(sha256, data.length, data, core.now().toISOString());
  const id = insertRecord(core, 'attachments', {
    sha256,
    fileName: input.fileName,
    mimeType: input.mimeType ?? null,
    size: data.length,
    partnershipId: input.partnershipId ?? null,
    meetingId: input.meetingId ?? null,
    description: input.description ?? null,
  });
  return getAttachment(core, id);
}

export function attachmentContent(core: Core, id: string): AttachmentContent {
  const attachment = getAttachment(core, id);
  if (attachment.deletedAt) throw notFound('attachments', id);
  const blob = core.sqlite.prepare('SELECT data FROM blobs WHERE sha256 = ?').get(attachment.sha256) as { data: Buffer } | undefined;
  if (!blob) throw notFound('attachments', id);
  const fileName = safeDownloadName(attachment.fileName);
  return { fileName, mimeType: 'application/octet-stream', dataBase64: blob.data.toString('base64'), riskyExtension: riskyExtension(fileName) };
}

export function removeAttachment(core: Core, id: string): Attachment {
  requireLive(core, 'attachments', id);
  deleteRecord(core, 'attachments', id);
  return getAttachment(core, id);
}

export function restoreAttachment(core: Core, id: string): Attachment {
  requireLive(core, 'attachments', id, true);
  restoreRecord(core, 'attachments', id);
  return getAttachment(core, id);
}
