import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CategorySuggestion } from '@yikouban/contracts';
import { DirectoryCache } from '../directory/directory-cache';
import { CategoryClassifier } from './category-classifier';
import { loadCorpus } from './corpus';
import { JiebaSegmenter } from './segmenter';

/** Scores are shown to the clerk as a confidence; four decimals are plenty. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Trains the classifier; `signal` asks it to stop (the service is shutting down). */
export type ClassifierTrainer = (signal: AbortSignal) => Promise<CategoryClassifier>;
export const CLASSIFIER_TRAINER = Symbol('CLASSIFIER_TRAINER');

/** From the shipped corpus, nothing downloaded: jieba's dictionary (~0.2 s, in one go), then the texts in slices. */
export const trainFromShippedCorpus: ClassifierTrainer = async (signal) => {
  await nextTurn(undefined, { signal });
  const segmenter = JiebaSegmenter.instance();
  await nextTurn(undefined, { signal });
  return CategoryClassifier.trainInSlices(loadCorpus(), segmenter, signal);
};

/**
 * Proposes categories for a grievance's text, from the classification list in force: a category
 * an administrator has removed is never proposed, and names come from the current list. The
 * model (about a second to train) is trained in the background once the service has started, and
 * kept for the process's life; a suggestion asked before it is ready waits for that same training.
 */
@Injectable()
export class CategorySuggester implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CategorySuggester');
  private readonly stopping = new AbortController();
  private training?: Promise<CategoryClassifier>;
  private warmUp?: NodeJS.Immediate;

  constructor(
    private readonly directory: DirectoryCache,
    @Optional() @Inject(CLASSIFIER_TRAINER) private readonly trainer: ClassifierTrainer = trainFromShippedCorpus,
  ) {}

  /** After the bootstrap, not during it: starting the service does not wait for the model. */
  onApplicationBootstrap(): void {
    this.warmUp = setImmediate(() => {
      this.classifier().catch((err: unknown) => {
        if (!this.stopping.signal.aborted) this.logger.warn(`classifier training failed, tried again at the first suggestion: ${(err as Error).message}`);
      });
    });
  }

  onApplicationShutdown(): void {
    clearImmediate(this.warmUp);
    this.stopping.abort();
  }

  async suggest(text: string, top: number): Promise<CategorySuggestion[]> {
    const [dir, classifier] = await Promise.all([this.directory.current(), this.classifier()]);
    const ranked = classifier.suggest(text, top, new Set(dir.categories.keys()));
    return ranked.map((r) => ({ categoryCode: r.label, name: dir.categories.get(r.label)?.name ?? r.label, score: round(r.score) }));
  }

  /** One training for everyone who asks while it runs; a failed one is forgotten, so the next ask tries again. */
  private classifier(): Promise<CategoryClassifier> {
    return (this.training ??= this.trainer(this.stopping.signal).catch((err: unknown) => {
      this.training = undefined;
      throw err;
    }));
  }
}
