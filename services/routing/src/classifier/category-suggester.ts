import { Injectable } from '@nestjs/common';
import type { CategorySuggestion } from '@yikouban/contracts';
import { DirectoryCache } from '../directory/directory-cache';
import { CategoryClassifier } from './category-classifier';
import { loadCorpus } from './corpus';
import { JiebaSegmenter } from './segmenter';

/** Scores are shown to the clerk as a confidence; four decimals are plenty. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Proposes categories for a grievance's text, from the classification list in force: a category
 * an administrator has removed is never proposed, and names come from the current list. The
 * model is trained from the shipped corpus on first use (about a second) and kept for the
 * process's life; nothing is downloaded.
 */
@Injectable()
export class CategorySuggester {
  private classifier?: CategoryClassifier;

  constructor(private readonly directory: DirectoryCache) {}

  async suggest(text: string, top: number): Promise<CategorySuggestion[]> {
    const dir = await this.directory.current();
    const ranked = this.trained().suggest(text, top, new Set(dir.categories.keys()));
    return ranked.map((r) => ({ categoryCode: r.label, name: dir.categories.get(r.label)?.name ?? r.label, score: round(r.score) }));
  }

  private trained(): CategoryClassifier {
    return (this.classifier ??= CategoryClassifier.train(loadCorpus(), JiebaSegmenter.instance()));
  }
}
