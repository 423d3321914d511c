import { textSimilarity } from './chinese-similarity';

export interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly same: boolean;
}

export interface PrecisionRecall {
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** tp / (tp + fp); 0 when nothing is predicted similar, so an empty prediction never passes a gate. */
  readonly precision: number;
  /** tp / (tp + fn); 0 when there are no positives. */
  readonly recall: number;
}

/** Scores each pair with `similarity` and counts the decisions `score >= threshold` against the labels. */
export function measurePrecisionRecall(
  fixtures: readonly LabelledPair[],
  threshold: number,
  similarity: (a: string, b: string) => number = textSimilarity,
): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const { a, b, same } of fixtures) {
    const predicted = similarity(a, b) >= threshold;
    if (predicted && same) truePositives++;
    else if (predicted) falsePositives++;
    else if (same) falseNegatives++;
    else trueNegatives++;
  }
  const predictedPositives = truePositives + falsePositives;
  const actualPositives = truePositives + falseNegatives;
  return {
    threshold,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: predictedPositives === 0 ? 0 : truePositives / predictedPositives,
    recall: actualPositives === 0 ? 0 : truePositives / actualPositives,
  };
}
