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
 * Feature counts per class, gathered a document at a time: training keeps no list of documents
 * and no per-feature arrays, only one flat table of counts that grows as features turn up.
 */
export class NaiveBayesCounts {
  private readonly index = new Map<string, number>();
  private readonly classOf: Map<string, number>;
  private readonly totals: Float64Array;
  private counts: Uint32Array;
  private docs = 0;

  /** `labels`: every class the documents will carry, sorted (the order of `NaiveBayes.labels`). */
  constructor(readonly labels: readonly string[]) {
    this.classOf = new Map(labels.map((l, i) => [l, i]));
    this.totals = new Float64Array(labels.length);
    this.counts = new Uint32Array(1024 * labels.length);
  }

  add(features: readonly string[], label: string): void {
    const c = this.classOf.get(label);
    if (c === undefined) throw new Error(`label ${label} is not among the classes counted`);
    const width = this.labels.length;
    for (const f of features) {
      let row = this.index.get(f);
      if (row === undefined) {
        row = this.index.size;
        this.index.set(f, row);
        if ((row + 1) * width > this.counts.length) {
          const grown = new Uint32Array(this.counts.length * 2);
          grown.set(this.counts);
          this.counts = grown;
        }
      }
      this.counts[row * width + c] += 1;
      this.totals[c] += 1;
    }
    this.docs++;
  }

  /** The model: log-likelihoods only, the counts are left behind for the garbage collector. */
  model(alpha = 0.5): NaiveBayes {
    if (this.docs === 0) throw new Error('no training documents');
    const width = this.labels.length;
    const features = this.index.size;
    const denominators = [...this.totals].map((t) => Math.log(t + alpha * features));
    // Float32: half the memory of Float64, and ample for log-probabilities summed over a short text.
    const logLikelihood = new Float32Array(features * width);
    for (let i = 0; i < logLikelihood.length; i++) logLikelihood[i] = Math.log(this.counts[i] + alpha) - denominators[i % width];
    return new NaiveBayes(this.labels, this.index, logLikelihood);
  }
}

/**
 * Multinomial Naive Bayes with Laplace smoothing over binarised feature counts. Priors are uniform:
 * the corpus is balanced by construction, so its class frequencies say nothing about real intake.
 */
export class NaiveBayes {
  /** Use `train` or `NaiveBayesCounts.model`. */
  constructor(
    readonly labels: readonly string[],
    /** feature → its row in `logLikelihood`. */
    private readonly rowOf: ReadonlyMap<string, number>,
    /** log P(feature | class): one row per feature, one column per class in `labels` order. */
    private readonly logLikelihood: Float32Array,
  ) {}

  static train(docs: TrainingDoc[], alpha = 0.5): NaiveBayes {
    const counts = new NaiveBayesCounts([...new Set(docs.map((d) => d.label))].sort());
    for (const d of docs) counts.add(d.features, d.label);
    return counts.model(alpha);
  }

  /** How many of these features the model has seen: zero means it cannot tell anything. */
  known(features: string[]): number {
    return features.filter((f) => this.rowOf.has(f)).length;
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
    const width = this.labels.length;
    const logPost = new Float64Array(width);
    let known = 0;
    for (const f of features) {
      const row = this.rowOf.get(f);
      if (row === undefined) continue;
      known++;
      for (let c = 0, at = row * width; c < width; c++, at++) logPost[c] += this.logLikelihood[at];
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
