import type { CategoryClassifier } from './category-classifier';
import type { CorpusExample } from './corpus';

export interface CategoryRecall {
  categoryCode: string;
  examples: number;
  /** Share of this category's texts ranked first. */
  recall: number;
}

export interface Evaluation {
  examples: number;
  top1: number;
  top3: number;
  /** Every category in the evaluated set, lowest recall first. */
  recalls: CategoryRecall[];
}

/** Top-1 and top-3 accuracy and per-category recall of `classifier` over `examples`. */
export function evaluate(classifier: CategoryClassifier, examples: CorpusExample[]): Evaluation {
  let top1 = 0;
  let top3 = 0;
  const perCategory = new Map<string, { examples: number; hits: number }>();
  for (const e of examples) {
    const ranked = classifier.suggest(e.text, 3).map((r) => r.label);
    const stats = perCategory.get(e.categoryCode) ?? { examples: 0, hits: 0 };
    stats.examples++;
    if (ranked[0] === e.categoryCode) {
      top1++;
      stats.hits++;
    }
    if (ranked.includes(e.categoryCode)) top3++;
    perCategory.set(e.categoryCode, stats);
  }
  const recalls = [...perCategory]
    .map(([categoryCode, s]) => ({ categoryCode, examples: s.examples, recall: s.hits / s.examples }))
    .sort((a, b) => a.recall - b.recall || a.categoryCode.localeCompare(b.categoryCode));
  const n = Math.max(1, examples.length);
  return { examples: examples.length, top1: top1 / n, top3: top3 / n, recalls };
}
