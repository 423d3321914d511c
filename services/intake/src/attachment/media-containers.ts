/**
 * Small readers for the container formats whose first bytes do not say whether the file is audio:
 * ISO base media (MP4/M4A/3GP) and Ogg. They read, never trust: a length that runs past the end
 * stops the walk instead of throwing.
 */

interface Box {
  type: string;
  /** Where the box's payload starts and where the box ends. */
  start: number;
  end: number;
}

function* boxes(b: Uint8Array, from: number, to: number): Generator<Box> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      const large = view.getBigUint64(at + 8);
      if (large > BigInt(to - at)) return;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = to - at; // "extends to the end of the file"
    }
    if (size < header || at + size > to) return;
    yield { type: latin1(b, at + 4, at + 8), start: at + header, end: at + size };
    at += size;
  }
}

function child(b: Uint8Array, parent: Box, type: string): Box | undefined {
  for (const box of boxes(b, parent.start, parent.end)) if (box.type === type) return box;
  return undefined;
}

export function latin1(b: Uint8Array, from: number, to: number): string {
  return from >= 0 && to <= b.length ? String.fromCharCode(...b.subarray(from, to)) : '';
}

export interface IsoMedia {
  majorBrand: string;
  compatibleBrands: string[];
  /** hdlr handler type of each track: 'soun' audio, 'vide' video, … */
  trackHandlers: string[];
}

/** The brands and track kinds of an ISO base media file, or undefined if it does not start with `ftyp`. */
export function readIsoMedia(b: Uint8Array): IsoMedia | undefined {
  const top = [...boxes(b, 0, b.length)];
  const ftyp = top[0];
  if (ftyp?.type !== 'ftyp' || ftyp.end - ftyp.start < 8) return undefined;
  const compatibleBrands: string[] = [];
  for (let at = ftyp.start + 8; at + 4 <= ftyp.end; at += 4) compatibleBrands.push(latin1(b, at, at + 4));
  const trackHandlers: string[] = [];
  for (const moov of top.filter((box) => box.type === 'moov')) {
    for (const trak of boxes(b, moov.start, moov.end)) {
      if (trak.type !== 'trak') continue;
      const mdia = child(b, trak, 'mdia');
      const hdlr = mdia && child(b, mdia, 'hdlr');
      // hdlr payload: version+flags (4), pre_defined (4), handler_type (4)
      if (hdlr && hdlr.end - hdlr.start >= 12) trackHandlers.push(latin1(b, hdlr.start + 8, hdlr.start + 12));
    }
  }
  return { majorBrand: latin1(b, ftyp.start, ftyp.start + 4), compatibleBrands, trackHandlers };
}

/** The codecs an Ogg stream can carry that are audio, by the first bytes of their first packet. */
const OGG_AUDIO_CODECS = ['\x01vorbis', 'OpusHead', '\x7fFLAC', 'Speex   '];

/** True when the bytes start with an Ogg page opening a stream whose codec is an audio one. */
export function isOggAudio(b: Uint8Array): boolean {
  if (latin1(b, 0, 4) !== 'OggS' || b.length < 27 || b[4] !== 0) return false;
  if ((b[5] & 0x02) === 0) return false; // the first page must be "beginning of stream"
  const payload = 27 + b[26];
  return OGG_AUDIO_CODECS.some((id) => latin1(b, payload, payload + id.length) === id);
}
