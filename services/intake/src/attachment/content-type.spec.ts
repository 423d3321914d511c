import fc from 'fast-check';
import { checkContentType, detectMediaType, MEDIA_TYPES, normaliseMime } from './content-type';
import { ALLOWED_SAMPLES, REFUSED_SAMPLES, box, isoMedia } from './media-samples.fixtures';

describe('detectMediaType (magic bytes)', () => {
  it.each(ALLOWED_SAMPLES)('detects $name as $mime', ({ data, mime }) => {
    expect(detectMediaType(data)?.mime).toBe(mime);
  });

  it.each(REFUSED_SAMPLES)('refuses $name', ({ data }) => {
    expect(detectMediaType(data)).toBeUndefined();
  });

  it.each(ALLOWED_SAMPLES)('does not detect $name from fewer bytes than its signature', ({ data, mime, signatureLength }) => {
    for (let k = 0; k < signatureLength; k++) expect(detectMediaType(data.subarray(0, k))?.mime).not.toBe(mime);
  });

  it('keeps detecting a signature whatever follows it', () => {
    const headed = ALLOWED_SAMPLES.filter((s) => !s.mime.startsWith('audio/mp4') && !s.mime.startsWith('audio/3gpp') && !s.mime.startsWith('audio/ogg'));
    fc.assert(
      fc.property(fc.constantFrom(...headed), fc.uint8Array({ maxLength: 256 }), (sample, tail) => {
        const data = Buffer.concat([sample.data.subarray(0, sample.signatureLength), tail]);
        expect(detectMediaType(data)?.mime).toBe(sample.mime);
      }),
    );
  });

  it('never throws on arbitrary bytes, including broken containers', () => {
    const prefixes = ['', '\0\0\0\x18ftypisom', '\0\0\0\x18ftypM4A ', 'OggS\0\x02', 'ID3\x04\0\0', 'RIFF\0\0\0\0'].map((p) => Buffer.from(p, 'latin1'));
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 512 }), (prefix, rest) => {
        const result = detectMediaType(Buffer.concat([prefix, rest]));
        expect(result === undefined || Object.values(MEDIA_TYPES).includes(result)).toBe(true);
      }),
    );
  });

  it('stops at an ISO box whose size runs past the end instead of reading beyond it', () => {
    const file = isoMedia('M4A ', ['M4A '], ['soun']);
    const lying = Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0', 'latin1')), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from('moov')]);
    expect(detectMediaType(lying)).toBeUndefined();
    expect(detectMediaType(file.subarray(0, file.length - 80))).toBeUndefined(); // moov cut short
  });
});

describe('checkContentType (declared against detected)', () => {
  const sample = (name: string) => ALLOWED_SAMPLES.find((s) => s.name === name)!.data;
  const refused = (name: string) => REFUSED_SAMPLES.find((s) => s.name === name)!.data;

  it('accepts the declared type when it names the detected format, with the usual spellings', () => {
    expect(checkContentType(sample('PNG'), 'image/png')).toMatchObject({ ok: true, type: { mime: 'image/png', kind: 'image' } });
    expect(checkContentType(sample('PNG'), 'IMAGE/PNG; charset=binary')).toMatchObject({ ok: true });
    expect(checkContentType(sample('JPEG (JFIF)'), 'image/jpg')).toMatchObject({ ok: true, type: { mime: 'image/jpeg' } });
    expect(checkContentType(sample('WAV'), 'audio/x-wav')).toMatchObject({ ok: true, type: { mime: 'audio/wav', kind: 'audio' } });
    expect(checkContentType(sample('M4A (ftyp M4A)'), 'audio/x-m4a')).toMatchObject({ ok: true, type: { mime: 'audio/mp4' } });
    expect(checkContentType(sample('PDF'), 'application/pdf')).toMatchObject({ ok: true, type: { kind: 'pdf' } });
  });

  it('refuses an executable declared as image/png', () => {
    for (const exe of [refused('ELF executable'), refused('Windows executable (MZ)')]) {
      const verdict = checkContentType(exe, 'image/png');
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.problem).toContain('the content is not a image/png file');
    }
  });

  it('refuses text declared as a PDF', () => {
    const verdict = checkContentType(refused('plain text'), 'application/pdf');
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('the content is not a application/pdf file') });
  });

  it('refuses a real file declared as another allowed type, naming both', () => {
    const verdict = checkContentType(sample('PNG'), 'image/jpeg');
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('declared image/jpeg, but the content is image/png') });
    expect(checkContentType(sample('PDF'), 'audio/mpeg').ok).toBe(false);
    expect(checkContentType(sample('PNG'), undefined)).toEqual({ ok: false, problem: expect.stringContaining('declared (none)') });
    expect(checkContentType(sample('PNG'), 'application/octet-stream').ok).toBe(false);
  });

  it('refuses types outside the allowed kinds even when declared honestly', () => {
    const verdict = checkContentType(refused('SVG (script-capable image)'), 'image/svg+xml');
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('not an allowed type') });
    expect(checkContentType(refused('MP4 video (has a video track)'), 'video/mp4').ok).toBe(false);
  });

  it('accepts exactly the declared types that alias the detected one', () => {
    const everyAlias = [...new Set(Object.values(MEDIA_TYPES).flatMap((t) => t.aliases))];
    fc.assert(
      fc.property(fc.constantFrom(...ALLOWED_SAMPLES), fc.constantFrom(...everyAlias), (s, declared) => {
        const detected = detectMediaType(s.data)!;
        expect(checkContentType(s.data, declared).ok).toBe(detected.aliases.includes(normaliseMime(declared)));
      }),
    );
  });
});
