import { charBigrams, featuresOf, normalise, words } from './features';
import { JiebaSegmenter, type Segmenter } from './segmenter';

describe('segmentation and features', () => {
  const jieba = JiebaSegmenter.instance();

  it('cuts a county grievance into Chinese words, not characters', () => {
    const w = words('城关镇南塘村的包工头拖欠我们十二个农民工的工资。', jieba);
    expect(w).toEqual(expect.arrayContaining(['城关镇', '包工头', '拖欠', '农民工', '工资']));
    // Function words and punctuation carry nothing about the category.
    expect(w).not.toContain('的');
    expect(w).not.toContain('。');
  });

  it('drops numbers and punctuation, keeps Latin words, folds full-width forms', () => {
    expect(normalise('ＫＴＶ１２３')).toBe('ktv123');
    const w = words('楼下ＫＴＶ营业到凌晨2点，噪音 86 分贝！！', jieba);
    expect(w).toEqual(expect.arrayContaining(['ktv', '噪音']));
    expect(w.some((x) => /\d/.test(x) || /[，！]/.test(x))).toBe(false);
  });

  it('makes character bigrams inside runs of Han characters only', () => {
    expect(charBigrams('欠薪，ab包工头')).toEqual(['欠薪', '包工', '工头']);
    expect(charBigrams('no chinese here 123')).toEqual([]);
  });

  it('prefixes words and bigrams and counts each feature once per text', () => {
    const fixed: Segmenter = { cut: () => ['工资', '工资', '拖欠'] };
    expect(featuresOf('拖欠工资工资', fixed).sort()).toEqual(['b:工资', 'b:拖欠', 'b:欠工', 'b:资工', 'w:工资', 'w:拖欠'].sort());
  });

  it('returns nothing for text without words', () => {
    expect(featuresOf('？？ 123 !!', jieba)).toEqual([]);
  });
});
