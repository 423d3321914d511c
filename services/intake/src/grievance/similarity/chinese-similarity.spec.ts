import fc from 'fast-check';
import {
  dice,
  isSimilarMatter,
  jaccard,
  normaliseText,
  shingles,
  SIMILAR_MATTER_THRESHOLD,
  textSimilarity,
} from './chinese-similarity';

// Text built from CJK, latin, digits, full-width forms, spaces and punctuation.
const ALPHABET = [...'拖欠工资农民工包头王建国村小区补偿征地养猪场噪音的了是在', ...'abcXYZ019', ...'ＡＢ１２', ' ', '，', '。'];
const text = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 });
const NOISE = [' ', '\u3000', '\t', '\n', '，', '。', '！', '？', '、', '；', '：', '“', '”', '（', '）', '-', '.', ',', '!', '…', '《', '》'];

/** Inserts noise characters at the given positions (taken modulo the length). */
function withNoise(value: string, inserts: ReadonlyArray<readonly [number, string]>): string {
  const chars = Array.from(value);
  for (const [position, noise] of inserts) chars.splice(position % (chars.length + 1), 0, noise);
  return chars.join('');
}
const noise = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 10 });

describe('normaliseText', () => {
  it('folds full-width forms, lower-cases latin and drops punctuation and spaces', () => {
    expect(normaliseText('ＡＢＣ　１２３，Hello!')).toBe('abc123hello');
    expect(normaliseText('拖欠 工资，（三个月）！')).toBe('拖欠工资三个月');
  });

  it('keeps CJK characters', () => {
    expect(normaliseText('宏达建筑')).toBe('宏达建筑');
    expect(normaliseText('𠀀𠀁')).toBe('𠀀𠀁');
  });
});

describe('shingles', () => {
  it('makes character bigrams of Chinese text', () => {
    expect([...shingles('拖欠工资')].sort()).toEqual(['工资', '拖欠', '欠工'].sort());
  });

  it('falls back to characters for very short text', () => {
    expect([...shingles('工资')].sort()).toEqual(['工', '资'].sort());
    expect(shingles('，。')).toEqual(new Set());
  });
});

describe('textSimilarity', () => {
  it('does not ignore CJK: different Chinese texts are not alike', () => {
    expect(textSimilarity('拖欠工资三个月', '征地补偿款未到位')).toBe(0);
    expect(textSimilarity('拖欠工资三个月', '拖欠工资三个月')).toBe(1);
    expect(textSimilarity('拖欠工资三个月 abc', '征地补偿款未到位 abc')).toBeLessThan(0.3);
  });

  it('scores partial overlap by Dice over bigrams', () => {
    // {拖欠,欠工,工资} vs {拖欠,欠货,货款}: 2·1 / (3+3)
    expect(textSimilarity('拖欠工资', '拖欠货款')).toBeCloseTo(1 / 3, 10);
  });

  it('compares a short text with a long one by characters', () => {
    // {工,资} vs {拖,欠,工,资}: 2·2 / (2+4)
    expect(textSimilarity('工资', '拖欠工资')).toBeCloseTo(4 / 6, 10);
  });

  it('is 0 when either side has nothing to compare', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('。。。', '拖欠工资')).toBe(0);
  });

  it('ignores full-width versus half-width and latin case', () => {
    expect(textSimilarity('ＡＢＣ公司欠薪１２万', 'abc公司欠薪12万')).toBe(1);
  });
});

describe('textSimilarity properties', () => {
  it('is symmetric', () => {
    fc.assert(fc.property(text, text, (a, b) => expect(textSimilarity(a, b)).toBe(textSimilarity(b, a))));
  });

  it('lies in [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), text, (a, b) => {
        const score = textSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for identical non-empty text', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), (a) => {
        fc.pre(normaliseText(a) !== '');
        expect(textSimilarity(a, a)).toBe(1);
      }),
    );
  });

  it('is unaffected by inserted whitespace and punctuation', () => {
    fc.assert(
      fc.property(text, text, noise, noise, (a, b, noiseA, noiseB) => {
        expect(textSimilarity(withNoise(a, noiseA), withNoise(b, noiseB))).toBe(textSimilarity(a, b));
      }),
    );
  });

  it('Jaccard and Dice agree on the order of pairs', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const [sa, sb, sc] = [shingles(a, 2), shingles(b, 2), shingles(c, 2)];
        expect(Math.sign(dice(sa, sb) - dice(sa, sc))).toBe(Math.sign(jaccard(sa, sb) - jaccard(sa, sc)));
      }),
    );
  });
});

describe('isSimilarMatter', () => {
  const petition =
    '我是在城东新区宏达建筑工地干活的农民工，包工头王建国拖欠我们十二个人三个月的工资，一共八万六千元，请政府帮我们要回血汗钱。';

  it('links a re-told matter and not another one', () => {
    expect(isSimilarMatter(petition, '宏达建筑城东新区工地包工头王建国欠我们工人三个月工资没给，十二个人一共八万六千多。')).toBe(true);
    expect(isSimilarMatter(petition, '幸福里小区楼下的烧烤店每天营业到凌晨，噪音扰民，油烟直排。')).toBe(false);
  });

  it('uses the default threshold unless told otherwise', () => {
    const other = '宏达建筑工地拖欠工资';
    const score = textSimilarity(petition, other);
    expect(isSimilarMatter(petition, other)).toBe(score >= SIMILAR_MATTER_THRESHOLD);
    expect(isSimilarMatter(petition, other, score)).toBe(true);
    expect(isSimilarMatter(petition, other, score + 0.01)).toBe(false);
  });
});
