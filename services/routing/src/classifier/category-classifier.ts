import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CorpusExample } from './corpus';
import { featuresOf } from './features';
import { NaiveBayesCounts, type NaiveBayes, type RankedClass } from './naive-bayes';
import type { Segmenter } from './segmenter';

/** Texts segmented between two turns of the event loop when training in the background. */
const SLICE = 250;

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
    const counts = countsFor(examples);
    for (const e of examples) counts.add(featuresOf(e.text, segmenter), e.categoryCode);
    return new CategoryClassifier(counts.model(), segmenter);
  }

  /**
   * The same model, trained a slice of texts at a time with a turn of the event loop between
   * slices, so a service training in the background keeps answering meanwhile. `signal` stops it
   * between slices (the service is shutting down).
   */
  static async trainInSlices(examples: CorpusExample[], segmenter: Segmenter, signal?: AbortSignal): Promise<CategoryClassifier> {
    const counts = countsFor(examples);
    for (let i = 0; i < examples.length; i += SLICE) {
      await nextTurn(undefined, { signal });
      for (const e of examples.slice(i, i + SLICE)) counts.add(featuresOf(e.text, segmenter), e.categoryCode);
    }
    await nextTurn(undefined, { signal });
    return new CategoryClassifier(counts.model(), segmenter);
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

/**
 * Counted a text at a time, no documents kept: only what prediction needs outlives training (the
 * texts and their features go as soon as they are counted).
 */
function countsFor(examples: CorpusExample[]): NaiveBayesCounts {
  return new NaiveBayesCounts([...new Set(examples.map((e) => e.categoryCode))].sort());
}
