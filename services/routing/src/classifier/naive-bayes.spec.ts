import { NaiveBayes, NaiveBayesCounts } from './naive-bayes';

const docs = [
  { label: 'wage', features: ['工资', '包工头', '拖欠'] },
  { label: 'wage', features: ['工钱', '老板', '拖欠'] },
  { label: 'noise', features: ['噪音', '施工', '晚上'] },
  { label: 'noise', features: ['广场舞', '音响', '晚上'] },
  { label: 'fraud', features: ['转账', '被骗', '客服'] },
];

describe('multinomial Naive Bayes', () => {
  const model = NaiveBayes.train(docs);

  it('ranks the class whose words the text shares first, scores summing to 1', () => {
    const ranked = model.rank(['拖欠', '工资']);
    expect(ranked[0].label).toBe('wage');
    expect(ranked.map((r) => r.label).sort()).toEqual(['fraud', 'noise', 'wage']);
    expect(ranked.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 10);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });

  it('ranks only among the classes asked for', () => {
    expect(model.rank(['拖欠', '工资'], new Set(['noise', 'fraud'])).map((r) => r.label)).not.toContain('wage');
    expect(model.rank(['拖欠'], new Set(['gone']))).toEqual([]);
  });

  it('ignores features it never saw and says how many it knows', () => {
    expect(model.known(['火星', '工资'])).toBe(1);
    expect(model.rank(['火星', '工资'])[0].label).toBe('wage');
  });

  it('breaks ties by label, so the same input always gives the same order', () => {
    expect(model.rank([]).map((r) => r.label)).toEqual(['fraud', 'noise', 'wage']);
  });

  it('refuses to train on nothing', () => {
    expect(() => NaiveBayes.train([])).toThrow('no training documents');
  });

  it('counts documents one at a time, past the initial size of its table, as training on them all does', () => {
    const counts = new NaiveBayesCounts(['a', 'b']);
    // 3,000 distinct features: the counts table starts at 1,024 rows and has to grow twice.
    for (let i = 0; i < 1500; i++) counts.add([`a${i}`, 'shared'], 'a');
    for (let i = 0; i < 1500; i++) counts.add([`b${i}`, 'shared'], 'b');
    const model = counts.model();
    expect(model.known(['a0', 'a1499', 'b1499', 'shared', 'never'])).toBe(4);
    expect(model.rank(['a1499', 'shared'])[0].label).toBe('a');
    expect(model.rank(['b0'])[0].label).toBe('b');
    const same = NaiveBayes.train([...Array(1500).keys()].flatMap((i) => [{ label: 'a', features: [`a${i}`, 'shared'] }, { label: 'b', features: [`b${i}`, 'shared'] }]));
    expect(same.rank(['a7', 'b9', 'shared'])).toEqual(model.rank(['a7', 'b9', 'shared']));
  });

  it('refuses a document whose label it was not told about', () => {
    expect(() => new NaiveBayesCounts(['a']).add(['x'], 'b')).toThrow('label b is not among the classes counted');
  });
});
