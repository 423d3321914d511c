import type { Segmenter } from './segmenter';

// Han ideographs (basic block and extension A) — what a county's grievance text is written in.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;

/**
 * Function words and fillers every category uses alike; keeping them only adds noise. Short on
 * purpose: Naive Bayes already discounts what is spread evenly over the categories.
 */
const STOP_WORDS = new Set([
  '的', '了', '是', '在', '我', '我们', '你', '您', '他', '她', '他们', '也', '都', '就', '还', '又', '和', '与', '跟', '把', '被', '给',
  '让', '说', '有', '没有', '不', '很', '这', '那', '这个', '那个', '一个', '一直', '已经', '到', '着', '过', '吗', '呢', '啊', '吧',
  '请', '希望', '要求', '你好', '您好', '谢谢', '问题', '反映', '现在', '什么', '怎么', '可以', '一下', '好', '人', '个',
]);

/** Full-width forms to half-width and Latin to lower case, so 'ＫＴＶ' and 'ktv' are one word. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** jieba's words that carry meaning: Han or Latin words, not punctuation, numbers or stop words. */
export function words(text: string, segmenter: Segmenter): string[] {
  return segmenter
    .cut(normalise(text))
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && (HAN.test(w) || /^[a-z]{2,}$/.test(w)));
}

/** Overlapping pairs of Han characters inside each run: robust where jieba splits a rare word oddly. */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalise(text).match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * The model's features: word unigrams ('w:') and character bigrams ('b:'), each counted once per
 * text (binarised counts suit short texts better than raw frequencies).
 */
export function featuresOf(text: string, segmenter: Segmenter): string[] {
  return [...new Set([...words(text, segmenter).map((w) => `w:${w}`), ...charBigrams(text).map((b) => `b:${b}`)])];
}
