import { createHash } from 'node:crypto';
import { formatBytes, type AttachmentLimits } from './attachment.options';
import { checkContentType, type AttachmentKind, type MediaType } from './content-type';

/** The part of a parsed multipart file this feature reads (multer's memory storage fills it). */
export interface ReceivedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

export interface AcceptedUpload {
  bytes: Buffer;
  type: MediaType;
  originalName: string;
  sha256: string;
}

export type UploadVerdict = { ok: true; upload: AcceptedUpload } | { ok: false; problems: string[] };

const KIND_NAMES: Record<AttachmentKind, string> = { image: '图片 (images)', pdf: 'PDF', audio: '音频 (audio)' };
const MAX_NAME_LENGTH = 255;

/** The name to show: no folders, no control characters, not endless. */
export function displayName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...clean].slice(0, MAX_NAME_LENGTH).join('') || 'attachment';
}

/** Everything about the file itself that decides whether it may be attached: presence, real type, size. */
export function checkUpload(file: ReceivedFile | undefined, limits: AttachmentLimits): UploadVerdict {
  if (!file) return { ok: false, problems: ['请在 file 字段上传一个文件 (send one file in the multipart field "file")'] };
  if (file.buffer.length === 0) return { ok: false, problems: ['文件为空 (the file is empty)'] };
  const verdict = checkContentType(file.buffer, file.mimetype);
  if (!verdict.ok) return { ok: false, problems: [verdict.problem] };
  const max = limits.maxBytes[verdict.type.kind];
  if (file.buffer.length > max) {
    return {
      ok: false,
      problems: [`${KIND_NAMES[verdict.type.kind]}不能超过 ${formatBytes(max)} (at most ${formatBytes(max)} for this kind; the file is ${formatBytes(file.buffer.length)})`],
    };
  }
  return {
    ok: true,
    upload: {
      bytes: file.buffer,
      type: verdict.type,
      originalName: displayName(file.originalname),
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
    },
  };
}
