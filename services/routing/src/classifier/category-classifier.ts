import type { CorpusExample } from './corpus';
import { featuresOf } from './features';
import { NaiveBayes, type RankedClass } from './naive-bayes';
import type { Segmenter } from './segmenter';

/**
 * Grievance text → categories of the classification list, best first. Trained in memory from the
 * labelled corpus (well under a second for a few thousand texts), so there is no model file to
 * keep in step with the corpus.
 */
export class CategoryClassifier {
  private constructor(
    private readonly model: NaiveBayes,
    private readonly segmenter: Segmenter,
  ) {}

  static train(examples: CorpusExample[], segmenter: Segmenter): CategoryClassifier {
    const docs = examples.map((e) => ({ features: featuresOf(e.text, segmenter), label: e.categoryCode }));
    return new CategoryClassifier(NaiveBayes.train(docs), segmenter);
  }

  get categoryCodes(): readonly string[] {
    return this.model.labels;
  }

  /**
   * The `top` likeliest categories, optionally only among `allowed` (the list in force). Empty when
   * the text has nothing the model recognises: a guess then would only mislead the operator.
   */
  suggest(text: string, top: number, allowed?: ReadonlySet<string>): RankedClass[] {
    const features = featuresOf(text, this.segmenter);
    if (this.model.known(features) === 0) return [];
    return this.model.rank(features, allowed).slice(0, top);
  }
}
