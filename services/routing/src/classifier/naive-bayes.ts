/** A class and how likely the model thinks it is (posterior, 0..1, the ranking sums to 1). */
export interface RankedClass {
  label: string;
  score: number;
}

export interface TrainingDoc {
  features: string[];
  label: string;
}

/**
 * Multinomial Naive Bayes with Laplace smoothing over binarised feature counts. Priors are uniform:
 * the corpus is balanced by construction, so its class frequencies say nothing about real intake.
 */
export class NaiveBayes {
  private constructor(
    readonly labels: readonly string[],
    /** feature → log P(feature | class) for each class, in `labels` order. */
    private readonly logLikelihood: Map<string, Float64Array>,
  ) {}

  static train(docs: TrainingDoc[], alpha = 0.5): NaiveBayes {
    if (docs.length === 0) throw new Error('no training documents');
    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const index = new Map(labels.map((l, i) => [l, i]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const d of docs) {
      const c = index.get(d.label)!;
      for (const f of d.features) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(labels.length)));
        row[c] += 1;
        totals[c] += 1;
      }
    }
    const denominators = totals.map((t) => Math.log(t + alpha * counts.size));
    const logLikelihood = new Map<string, Float64Array>();
    for (const [f, row] of counts) logLikelihood.set(f, row.map((n, c) => Math.log(n + alpha) - denominators[c]));
    return new NaiveBayes(labels, logLikelihood);
  }

  /** How many of these features the model has seen: zero means it cannot tell anything. */
  known(features: string[]): number {
    return features.filter((f) => this.logLikelihood.has(f)).length;
  }

  /**
   * Every class (or only those in `among`), best first. Features never seen in training are
   * ignored; ties break by label so the order is stable.
   *
   * Naive Bayes counts correlated features (a word and its own character bigrams) as independent
   * evidence, so its raw posteriors are all but 0 or 1. The log-posteriors are divided by √(known
   * features) before the softmax: the order is unchanged, the scores say more to a clerk.
   */
  rank(features: string[], among?: ReadonlySet<string>): RankedClass[] {
    const logPost = new Float64Array(this.labels.length);
    let known = 0;
    for (const f of features) {
      const row = this.logLikelihood.get(f);
      if (!row) continue;
      known++;
      for (let c = 0; c < row.length; c++) logPost[c] += row[c];
    }
    const temperature = Math.sqrt(Math.max(1, known));
    const candidates = this.labels.map((label, c) => ({ label, log: logPost[c] / temperature })).filter((x) => !among || among.has(x.label));
    if (candidates.length === 0) return [];
    // Softmax with the maximum subtracted first, so long texts do not underflow to zero.
    const max = Math.max(...candidates.map((x) => x.log));
    const weights = candidates.map((x) => Math.exp(x.log - max));
    const sum = weights.reduce((a, b) => a + b, 0);
    return candidates
      .map((x, i) => ({ label: x.label, score: weights[i] / sum }))
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  }
}
