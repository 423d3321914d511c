import { crc32, deflateSync } from 'node:zlib';

/** Small but well-formed files of each allowed type (and some that are not), built byte by byte for tests. */

const bytes = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const body = bytes(type, data);
  return bytes(u32(data.length), body, u32(crc32(body)));
}

/** A real PNG (opens in any viewer): width × height, grey pixels, padded with a text chunk to `minSize`. */
export function png(width = 1, height = 1, minSize = 0): Buffer {
  const ihdr = bytes(u32(width), u32(height), [8, 0, 0, 0, 0]); // 8-bit greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte per row
  const head = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)));
  const end = pngChunk('IEND', Buffer.alloc(0));
  const padding = Math.max(0, minSize - head.length - end.length - 12 - 8);
  const text = padding > 0 ? pngChunk('tEXt', bytes('Comment', [0], Buffer.alloc(padding, 0x61))) : Buffer.alloc(0);
  return bytes(head, text, end);
}

/** An ISO base media box. */
export const box = (type: string, ...payload: Buffer[]): Buffer => {
  const body = Buffer.concat(payload);
  return bytes(u32(8 + body.length), type, body);
};

const hdlr = (handler: string) => box('hdlr', Buffer.alloc(8), Buffer.from(handler, 'latin1'), Buffer.alloc(12), Buffer.from('\0'));
const trak = (handler: string) => box('trak', box('tkhd', Buffer.alloc(84)), box('mdia', box('mdhd', Buffer.alloc(24)), hdlr(handler)));

/** MP4-family file: ftyp with the brands, then moov with one track per handler ('soun', 'vide'), then mdat. */
export function isoMedia(majorBrand: string, compatible: string[], handlers: string[], moovLast = false): Buffer {
  const ftyp = box('ftyp', Buffer.from(majorBrand, 'latin1'), u32(0), ...compatible.map((b) => Buffer.from(b, 'latin1')));
  const moov = box('moov', box('mvhd', Buffer.alloc(100)), ...handlers.map(trak));
  const mdat = box('mdat', Buffer.alloc(64, 0x11));
  return moovLast ? bytes(ftyp, mdat, moov) : bytes(ftyp, moov, mdat);
}

/** An Ogg first page (beginning of stream) carrying the given first packet. */
export function oggFirstPage(packet: Buffer): Buffer {
  const header = bytes('OggS', [0, 0x02], Buffer.alloc(8), u32le(0x1234), u32le(0), u32le(0), [1, packet.length]);
  return bytes(header, packet);
}

const riff = (form: string, chunk: Buffer) => bytes('RIFF', u32le(4 + chunk.length), form, chunk);

/** Real-world headers of each allowed type, each with the canonical MIME type it must be detected as. */
export const ALLOWED_SAMPLES: { name: string; mime: string; data: Buffer; /** Any shorter prefix must not be detected as this type. */
  signatureLength: number }[] = [
  { name: 'JPEG (JFIF)', mime: 'image/jpeg', data: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]), signatureLength: 3 },
  { name: 'JPEG (Exif)', mime: 'image/jpeg', data: bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x16], 'Exif', [0, 0], 'MM', [0, 0x2a]), signatureLength: 3 },
  { name: 'PNG', mime: 'image/png', data: png(2, 2), signatureLength: 8 },
  { name: 'GIF87a', mime: 'image/gif', data: bytes('GIF87a', [1, 0, 1, 0, 0x80, 0, 0], [0, 0, 0, 0xff, 0xff, 0xff], ';'), signatureLength: 6 },
  { name: 'GIF89a', mime: 'image/gif', data: bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], ';'), signatureLength: 6 },
  { name: 'WebP', mime: 'image/webp', data: riff('WEBP', bytes('VP8L', u32le(5), [0x2f, 0, 0, 0, 0], [0])), signatureLength: 12 },
  { name: 'PDF', mime: 'application/pdf', data: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'), signatureLength: 5 },
  { name: 'MP3 with ID3v2 tag', mime: 'audio/mpeg', data: bytes('ID3', [4, 0, 0, 0, 0, 0, 10], 'TIT2', [0, 0, 0, 0, 0, 0], [0xff, 0xfb, 0x90, 0x64], Buffer.alloc(32)), signatureLength: 24 },
  { name: 'MP3 frame (MPEG-1 layer III)', mime: 'audio/mpeg', data: bytes([0xff, 0xfb, 0x90, 0x64], Buffer.alloc(32)), signatureLength: 4 },
  { name: 'MP3 frame (MPEG-2 layer III)', mime: 'audio/mpeg', data: bytes([0xff, 0xf3, 0x64, 0xc4], Buffer.alloc(32)), signatureLength: 4 },
  { name: 'AAC (ADTS)', mime: 'audio/aac', data: bytes([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc], Buffer.alloc(16)), signatureLength: 7 },
  { name: 'WAV', mime: 'audio/wav', data: riff('WAVE', bytes('fmt ', u32le(16), [1, 0, 1, 0], u32le(8000), u32le(16000), [2, 0, 16, 0])), signatureLength: 12 },
  { name: 'AMR', mime: 'audio/amr', data: bytes('#!AMR\n', [0x3c], Buffer.alloc(31)), signatureLength: 6 },
  { name: 'AMR-WB', mime: 'audio/amr-wb', data: bytes('#!AMR-WB\n', [0x44], Buffer.alloc(60)), signatureLength: 9 },
  { name: 'M4A (ftyp M4A)', mime: 'audio/mp4', data: isoMedia('M4A ', ['M4A ', 'mp42', 'isom'], ['soun']), signatureLength: 12 },
  { name: 'MP4 audio-only (ftyp isom, moov at the end)', mime: 'audio/mp4', data: isoMedia('isom', ['isom', 'iso2', 'mp41'], ['soun'], true), signatureLength: 12 },
  { name: 'MP4 audio-only (ftyp mp42)', mime: 'audio/mp4', data: isoMedia('mp42', ['mp42', 'isom'], ['soun']), signatureLength: 12 },
  { name: '3GP voice recording', mime: 'audio/3gpp', data: isoMedia('3gp4', ['isom', '3gp4'], ['soun']), signatureLength: 12 },
  { name: 'Ogg Vorbis', mime: 'audio/ogg', data: oggFirstPage(bytes('\x01vorbis', Buffer.alloc(23))), signatureLength: 4 },
  { name: 'Ogg Opus', mime: 'audio/ogg', data: oggFirstPage(bytes('OpusHead', [1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])), signatureLength: 4 },
];

/** Files that must never be accepted, whatever they are declared as. */
export const REFUSED_SAMPLES: { name: string; data: Buffer }[] = [
  { name: 'ELF executable', data: bytes([0x7f], 'ELF', [2, 1, 1, 0], Buffer.alloc(56)) },
  { name: 'Windows executable (MZ)', data: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], Buffer.alloc(54), 'This program cannot be run in DOS mode.') },
  { name: 'plain text', data: Buffer.from('这不是PDF，只是一段文字。 just text, not a PDF\n', 'utf8') },
  { name: 'HTML', data: Buffer.from('<!doctype html><script>alert(1)</script>') },
  { name: 'SVG (script-capable image)', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  { name: 'ZIP (also DOCX/APK)', data: bytes('PK', [3, 4, 20, 0], Buffer.alloc(40)) },
  { name: 'AVI (RIFF but not WAVE/WEBP)', data: riff('AVI ', bytes('LIST', u32le(4), 'hdrl')) },
  { name: 'MP4 video (has a video track)', data: isoMedia('isom', ['isom', 'avc1'], ['vide', 'soun']) },
  { name: 'MP4 without tracks', data: isoMedia('mp42', ['mp42'], []) },
  { name: 'QuickTime brand', data: isoMedia('qt  ', ['qt  '], ['soun']) },
  { name: 'Ogg Theora (video)', data: oggFirstPage(bytes('\x80theora', Buffer.alloc(34))) },
  { name: 'ID3 tag followed by no audio', data: bytes('ID3', [3, 0, 0, 0, 0, 0, 4], 'abcd', 'hello world') },
  { name: 'empty', data: Buffer.alloc(0) },
];
