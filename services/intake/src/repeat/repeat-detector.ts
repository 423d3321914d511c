import { textSimilarity, SIMILAR_MATTER_THRESHOLD } from '../grievance/similarity';

export interface EarlierMatter {
  id: string;
  description: string;
  categoryCode: string | null;
  receivedAt: Date;
}

export interface RepeatVerdict {
  firstTime: boolean;
  repeatOf: string | null;
  similarity: number;
}

/**
 * 初信初访 or 重复信访: the same person (found by blind index) raising a similar matter within
 * the window. Different categories are different matters, unless one side has no category yet.
 * The most recent similar matter is the one linked.
 */
export function judgeRepeat(description: string, categoryCode: string | null, earlier: EarlierMatter[], threshold = SIMILAR_MATTER_THRESHOLD): RepeatVerdict {
  let best: { id: string; similarity: number; receivedAt: number } | undefined;
  for (const m of earlier) {
    if (categoryCode && m.categoryCode && m.categoryCode !== categoryCode) continue;
    const similarity = textSimilarity(description, m.description);
    if (similarity < threshold) continue;
    if (!best || m.receivedAt.getTime() > best.receivedAt) best = { id: m.id, similarity, receivedAt: m.receivedAt.getTime() };
  }
  return best ? { firstTime: false, repeatOf: best.id, similarity: best.similarity } : { firstTime: true, repeatOf: null, similarity: 0 };
}
