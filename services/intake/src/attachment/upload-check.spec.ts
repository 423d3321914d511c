import { createHash } from 'node:crypto';
import { DEFAULT_ATTACHMENT_LIMITS, formatBytes, resolveLimits, uploadCeiling } from './attachment.options';
import { png, REFUSED_SAMPLES } from './media-samples.fixtures';
import { checkUpload, displayName, type ReceivedFile } from './upload-check';

const file = (buffer: Buffer, mimetype: string, originalname = 'photo.png'): ReceivedFile => ({ buffer, mimetype, originalname, size: buffer.length });

describe('checkUpload', () => {
  const limits = resolveLimits({ maxBytes: { image: 2048 } });

  it('accepts a real PNG and records its SHA-256 and real type', () => {
    const data = png(3, 3);
    const verdict = checkUpload(file(data, 'image/png', '现场照片.png'), limits);
    expect(verdict).toEqual({
      ok: true,
      upload: { bytes: data, type: expect.objectContaining({ mime: 'image/png', kind: 'image' }), originalName: '现场照片.png', sha256: createHash('sha256').update(data).digest('hex') },
    });
  });

  it('refuses a missing file, an empty one, a spoofed one', () => {
    expect(checkUpload(undefined, limits)).toEqual({ ok: false, problems: [expect.stringContaining('multipart field "file"')] });
    expect(checkUpload(file(Buffer.alloc(0), 'image/png'), limits)).toEqual({ ok: false, problems: [expect.stringContaining('empty')] });
    const elf = REFUSED_SAMPLES.find((s) => s.name === 'ELF executable')!.data;
    expect(checkUpload(file(elf, 'image/png', 'cat.png'), limits).ok).toBe(false);
  });

  it('applies the limit of the detected kind, inclusive', () => {
    expect(checkUpload(file(png(1, 1, 2048), 'image/png'), limits).ok).toBe(true);
    const verdict = checkUpload(file(png(1, 1, 2049), 'image/png'), limits);
    expect(verdict).toEqual({ ok: false, problems: [expect.stringContaining('at most 2 KB for this kind')] });
  });

  it('shows file names without folders or control characters', () => {
    expect(displayName('C:\\Users\\王\\Desktop\\合同.pdf')).toBe('合同.pdf');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('a\u0000b\nc.png')).toBe('abc.png');
    expect(displayName('   ')).toBe('attachment');
    expect([...displayName('长'.repeat(400))]).toHaveLength(255);
  });
});

describe('attachment limits', () => {
  it('fills defaults, takes the largest as the upload ceiling, refuses nonsense', () => {
    expect(resolveLimits({})).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    expect(uploadCeiling(resolveLimits({ maxBytes: { image: 100, pdf: 300, audio: 200 } }))).toBe(300);
    expect(() => resolveLimits({ maxBytes: { pdf: 0 } })).toThrow('pdf=0');
    expect(() => resolveLimits({ maxPerGrievance: 1.5 })).toThrow('maxPerGrievance=1.5');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(900)).toBe('900 B');
  });
});
