import { SIMILAR_MATTER_THRESHOLD, textSimilarity } from './chinese-similarity';
import { measurePrecisionRecall } from './precision-recall';
import { SIMILARITY_FIXTURES } from './similarity.fixtures';

describe('SIMILARITY_FIXTURES', () => {
  it('has at least 30 pairs with unique ids, both labels and hard cases of both kinds', () => {
    expect(SIMILARITY_FIXTURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SIMILARITY_FIXTURES.map((f) => f.id)).size).toBe(SIMILARITY_FIXTURES.length);
    expect(SIMILARITY_FIXTURES.filter((f) => f.same && f.hard).length).toBeGreaterThanOrEqual(5);
    expect(SIMILARITY_FIXTURES.filter((f) => !f.same && f.hard).length).toBeGreaterThanOrEqual(10);
    expect(SIMILARITY_FIXTURES.filter((f) => !f.same && !f.hard).length).toBeGreaterThanOrEqual(3);
  });

  it('holds Chinese text in every pair', () => {
    for (const { a, b } of SIMILARITY_FIXTURES) {
      expect(a).toMatch(/[\u4e00-\u9fff]{5}/);
      expect(b).toMatch(/[\u4e00-\u9fff]{5}/);
      expect(a).not.toBe(b);
    }
  });
});

describe('precision and recall on the fixtures', () => {
  it('meets precision ≥ 0.8 and recall ≥ 0.7 at the default threshold', () => {
    const result = measurePrecisionRecall(SIMILARITY_FIXTURES, SIMILAR_MATTER_THRESHOLD);
    const misses = SIMILARITY_FIXTURES.filter(
      (f) => f.same !== textSimilarity(f.a, f.b) >= SIMILAR_MATTER_THRESHOLD,
    ).map((f) => `${f.id} (${f.same ? 'missed' : 'false alarm'}, ${textSimilarity(f.a, f.b).toFixed(3)})`);
    console.log(
      `similarity @${SIMILAR_MATTER_THRESHOLD}: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}, ` +
        `tp ${result.truePositives} fp ${result.falsePositives} fn ${result.falseNegatives} tn ${result.trueNegatives}; ` +
        `wrong: ${misses.join('; ') || 'none'}`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.7);
  });

  it('is not a knife edge: the gates hold across a band around the default', () => {
    for (const delta of [-0.02, -0.01, 0.01, 0.02]) {
      const result = measurePrecisionRecall(SIMILARITY_FIXTURES, SIMILAR_MATTER_THRESHOLD + delta);
      expect(result.precision).toBeGreaterThanOrEqual(0.8);
      expect(result.recall).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('the brief’s first guess of 0.35 would miss most re-told matters', () => {
    expect(measurePrecisionRecall(SIMILARITY_FIXTURES, 0.35).recall).toBeLessThan(0.7);
  });
});

describe('measurePrecisionRecall', () => {
  const pairs = [
    { a: 'a', b: 'a', same: true },
    { a: 'b', b: 'b', same: true },
    { a: 'c', b: 'c', same: false },
    { a: 'd', b: 'd', same: false },
  ];
  const score = (a: string): number => ({ a: 0.9, b: 0.1, c: 0.8, d: 0.2 })[a] ?? 0;

  it('counts decisions at the threshold against the labels', () => {
    expect(measurePrecisionRecall(pairs, 0.5, score)).toEqual({
      threshold: 0.5,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(measurePrecisionRecall(pairs, 0.9, score)).toMatchObject({ precision: 1, recall: 0.5 });
  });

  it('reports precision 0 when nothing is predicted similar', () => {
    expect(measurePrecisionRecall(pairs, 2, score)).toMatchObject({ precision: 0, recall: 0, trueNegatives: 2 });
  });
});
