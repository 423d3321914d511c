import fc from 'fast-check';
import { escapeXmlText, renderXml } from './xml';

/** XML 1.0 `Char` (§2.2), less the C1 controls we also refuse: written from the spec, not from xml.ts. */
function allowed(cp: number): boolean {
  if (cp >= 0x7f && cp <= 0x9f) return false;
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** What a conforming parser gives back for escaped text. */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#xD);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#xD': '\r' })[e] as string);
}

const nasty = fc.string({ unit: fc.constantFrom('a', '中', '&', '<', '>', '"', "'", '\r', '\n', '\t', '\u0000', '\u0008', '\u001f', '\u0085', '\ud800', '\udc00', '😀', '\ufffe', ';', '#') });

describe('escapeXmlText', () => {
  it('escapes markup characters and keeps Chinese text as it is', () => {
    expect(escapeXmlText(`路灯 <坏了> & "没人" 修'`)).toBe('路灯 &lt;坏了&gt; &amp; &quot;没人&quot; 修&apos;');
  });

  it('gives back, after parsing, every allowed character and U+FFFD for each one XML cannot carry', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), nasty), (s) => {
        // Iterating by code point leaves a lone surrogate as itself, which `allowed` refuses.
        const expected = [...s].map((ch) => (allowed(ch.codePointAt(0) as number) ? ch : '\uFFFD')).join('');
        expect(unescape(escapeXmlText(s))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a raw markup character, a bare ampersand or a forbidden character in the output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), nasty), (s) => {
        const out = escapeXmlText(s);
        expect(out).not.toMatch(/[<>"'\r]/);
        expect(out.replace(/&(amp|lt|gt|quot|apos|#xD);/g, '')).not.toContain('&');
        for (const ch of out) expect(allowed(ch.codePointAt(0) as number)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderXml', () => {
  const items = { services: 'service', values: 'value' };

  it('writes lists as a wrapper holding one named element per item, like GeoReport v2', () => {
    const xml = renderXml('services', [{ service_code: 'road_damage', metadata: true, order: 2, values: [{ key: 'a', name: 'A&B' }] }], items);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>road_damage</service_code><metadata>true</metadata><order>2</order>' +
        '<values><value><key>a</key><name>A&amp;B</name></value></values></service></services>',
    );
  });

  it('writes null as an empty element and leaves undefined out', () => {
    expect(renderXml('request', { expected_datetime: null, token: undefined, lat: 29.5 }, items)).toBe('<?xml version="1.0" encoding="utf-8"?>\n<request><expected_datetime/><lat>29.5</lat></request>');
  });

  it('writes an empty list as an empty wrapper', () => {
    expect(renderXml('services', [], items)).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services></services>');
  });

  it('refuses element names that are not XML names and lists it has no item name for', () => {
    expect(() => renderXml('errors', { 'bad name': 'x' }, items)).toThrow(/not an XML element name/);
    expect(() => renderXml('errors', { '1st': 'x' }, items)).toThrow(/not an XML element name/);
    expect(() => renderXml('endpoints', ['x'], items)).toThrow(/no item element name/);
    expect(() => renderXml('n', { x: Number.NaN }, items)).toThrow(/cannot write/);
  });
});
