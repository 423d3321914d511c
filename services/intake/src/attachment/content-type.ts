import { isOggAudio, latin1, readIsoMedia } from './media-containers';

/**
 * What a file really is, read from its first bytes (magic numbers), never from its name or the
 * type the client declared: a renamed executable must not pass as a photo.
 */
export type AttachmentKind = 'image' | 'pdf' | 'audio';

export interface MediaType {
  /** The canonical MIME type stored with the attachment. */
  mime: string;
  kind: AttachmentKind;
  /** Declared types that name the same format (browsers and phones disagree on spellings). */
  aliases: readonly string[];
}

const type = (mime: string, kind: AttachmentKind, ...aliases: string[]): MediaType => ({ mime, kind, aliases: [mime, ...aliases] });

/** Every type an attachment may have: images, PDF and audio. */
export const MEDIA_TYPES = {
  jpeg: type('image/jpeg', 'image', 'image/jpg', 'image/pjpeg'),
  png: type('image/png', 'image', 'image/x-png'),
  gif: type('image/gif', 'image'),
  webp: type('image/webp', 'image'),
  pdf: type('application/pdf', 'pdf', 'application/x-pdf'),
  mp3: type('audio/mpeg', 'audio', 'audio/mp3', 'audio/mpeg3', 'audio/x-mpeg', 'audio/x-mp3'),
  wav: type('audio/wav', 'audio', 'audio/wave', 'audio/x-wav', 'audio/vnd.wave', 'audio/x-pn-wav'),
  amr: type('audio/amr', 'audio'),
  amrWb: type('audio/amr-wb', 'audio'),
  aac: type('audio/aac', 'audio', 'audio/x-aac', 'audio/aacp'),
  // .m4a is often declared as AAC, the codec it carries.
  m4a: type('audio/mp4', 'audio', 'audio/x-m4a', 'audio/m4a', 'audio/aac', 'audio/x-aac'),
  // Android's recorder labels its audio-only .3gp files video/3gpp; the content decides.
  threeGp: type('audio/3gpp', 'audio', 'video/3gpp'),
  ogg: type('audio/ogg', 'audio', 'application/ogg', 'audio/opus', 'audio/vorbis'),
} as const satisfies Record<string, MediaType>;

const M = MEDIA_TYPES;
const ISO_AUDIO_BRANDS = ['M4A ', 'M4B ', 'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'dash', '3gp4', '3gp5', '3gp6', '3gp7', '3g2a'];

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** An MPEG-1/2/2.5 audio frame header (layer I–III): 11 sync bits, no reserved values. */
function isMpegFrame(b: Uint8Array, at: number): boolean {
  if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return false;
  const version = (b[at + 1] >> 3) & 3;
  const layer = (b[at + 1] >> 1) & 3;
  const bitrate = b[at + 2] >> 4;
  const sampleRate = (b[at + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0xf && sampleRate !== 3;
}

/** An ADTS frame header (raw AAC): 12 sync bits, layer 00, a valid sampling-frequency index. */
function isAdtsFrame(b: Uint8Array, at: number): boolean {
  return b.length >= at + 7 && b[at] === 0xff && (b[at + 1] & 0xf6) === 0xf0 && ((b[at + 2] >> 2) & 0xf) < 13;
}

/** Where the audio after an ID3v2 tag starts (the tag's size is "syncsafe": 7 bits a byte). */
function afterId3(b: Uint8Array): number | undefined {
  if (!startsWith(b, ascii('ID3')) || b.length < 10 || [6, 7, 8, 9].some((i) => b[i] & 0x80)) return undefined;
  const size = (b[6] << 21) | (b[7] << 14) | (b[8] << 7) | b[9];
  let at = 10 + size + (b[5] & 0x10 ? 10 : 0);
  while (at < b.length && b[at] === 0 && at < 10 + size + 4096) at++; // padding some encoders leave outside the tag
  return at;
}

function detectIsoAudio(b: Uint8Array): MediaType | undefined {
  const media = readIsoMedia(b);
  if (!media) return undefined;
  const brands = [media.majorBrand, ...media.compatibleBrands];
  if (!brands.some((brand) => ISO_AUDIO_BRANDS.includes(brand))) return undefined;
  // Only sound tracks: an MP4 video is not an allowed attachment even if it has a soundtrack.
  const audioOnly = media.trackHandlers.includes('soun') && !media.trackHandlers.includes('vide');
  if (!audioOnly) return undefined;
  return media.majorBrand.startsWith('3g') ? M.threeGp : M.m4a;
}

/** The allowed type the bytes are, or undefined when they are none of them. */
export function detectMediaType(b: Uint8Array): MediaType | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return M.jpeg;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return M.png;
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return M.gif;
  if (startsWith(b, ascii('%PDF-'))) return M.pdf;
  if (startsWith(b, ascii('RIFF')) && b.length >= 12) {
    const form = latin1(b, 8, 12);
    if (form === 'WEBP') return M.webp;
    if (form === 'WAVE') return M.wav;
    return undefined;
  }
  if (startsWith(b, ascii('#!AMR-WB\n'))) return M.amrWb;
  if (startsWith(b, ascii('#!AMR\n'))) return M.amr;
  if (startsWith(b, ascii('OggS'))) return isOggAudio(b) ? M.ogg : undefined;
  if (latin1(b, 4, 8) === 'ftyp') return detectIsoAudio(b);
  const audioAt = afterId3(b) ?? 0;
  if (isMpegFrame(b, audioAt)) return M.mp3;
  if (isAdtsFrame(b, audioAt)) return M.aac;
  return undefined;
}

/** The declared type as written in a Content-Type header, without parameters or case. */
export function normaliseMime(declared: string | undefined): string {
  return (declared ?? '').split(';')[0].trim().toLowerCase();
}

const ALLOWED_NAMES = '只接受图片 (JPEG/PNG/GIF/WebP)、PDF 和音频 (MP3/WAV/AMR/M4A/AAC/OGG) (only images, PDF and audio are accepted)';

export type ContentTypeVerdict = { ok: true; type: MediaType } | { ok: false; problem: string };

/** The real type, provided the client's declared type names the same format. */
export function checkContentType(bytes: Uint8Array, declared: string | undefined): ContentTypeVerdict {
  const named = normaliseMime(declared) || '(none)';
  const detected = detectMediaType(bytes);
  if (!detected) {
    const claimsAllowed = Object.values(MEDIA_TYPES).some((t) => t.aliases.includes(named));
    return {
      ok: false,
      problem: claimsAllowed
        ? `文件内容不是声明的 ${named} 格式 (the content is not a ${named} file); ${ALLOWED_NAMES}`
        : `文件内容不是允许的类型 (the content is not an allowed type); ${ALLOWED_NAMES}`,
    };
  }
  if (!detected.aliases.includes(named)) {
    return { ok: false, problem: `声明的类型 ${named} 与文件内容 ${detected.mime} 不符 (declared ${named}, but the content is ${detected.mime})` };
  }
  return { ok: true, type: detected };
}
