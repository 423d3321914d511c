import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { corpusDir, HELD_OUT_PERCENT, isHeldOut, loadCorpus, parseCorpus, splitCorpus } from './corpus';
import { composeCorpus, CORPUS_TEMPLATES, heldOutFact } from './corpus-gen/compose';

describe('the shipped grievance corpus', () => {
  const corpus = loadCorpus();
  const codes = DEFAULT_CLASSIFICATION_LIST.map((c) => c.code);

  it('has at least 2,000 distinct texts, every default category with 20 or more', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(corpus.map((e) => e.text)).size).toBe(corpus.length);
    const counts = new Map<string, number>();
    for (const e of corpus) counts.set(e.categoryCode, (counts.get(e.categoryCode) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...codes].sort());
    expect(codes.filter((code) => (counts.get(code) ?? 0) < 20)).toEqual([]);
  });

  it('is exactly what the committed generator writes (npm run classifier:corpus)', () => {
    const file = readFileSync(join(corpusDir(), 'grievances.jsonl'), 'utf8');
    expect(parseCorpus(file)).toEqual(composeCorpus(codes));
  });

  it('holds out about a fifth by hash of the text, the same way every time, in every category', () => {
    const { train, heldOut } = splitCorpus(corpus);
    expect(train.length + heldOut.length).toBe(corpus.length);
    expect(heldOut.length / corpus.length).toBeCloseTo(HELD_OUT_PERCENT / 100, 1);
    expect(new Set(heldOut.map((e) => e.categoryCode)).size).toBe(codes.length);
    expect(heldOut.every((e) => isHeldOut(e.text))).toBe(true);
    // The split is a property of the text alone: pinned so a change to the hashing is noticed.
    expect(['包工头拖欠工资', '网上刷单被骗', '楼上装修太吵', '医保报销太慢'].map(isHeldOut)).toEqual([false, true, false, true]);
  });

  it('builds held-out texts on facts no training text uses, so the evaluation is not memory', () => {
    const { train, heldOut } = splitCorpus(corpus);
    // A fact's longest stretch without slots identifies it.
    const literal = (fact: string) => fact.split(/\{\w+\}/).reduce((a, b) => (b.length > a.length ? b : a), '');
    for (const t of CORPUS_TEMPLATES) {
      const held = literal(heldOutFact(t));
      expect(held.length).toBeGreaterThanOrEqual(6);
      expect(train.some((e) => e.categoryCode === t.code && e.text.includes(held))).toBe(false);
      expect(heldOut.some((e) => e.categoryCode === t.code && e.text.includes(held))).toBe(true);
    }
  });

  it('rejects a malformed line with its place', () => {
    expect(() => parseCorpus('{"text":"欠薪","categoryCode":"wage_arrears"}\n{"text":1}\n', 'x.jsonl')).toThrow('x.jsonl:2');
  });
});
