import type { ReceivingLevel } from '@yikouban/contracts';
import { textSimilarity, SIMILAR_MATTER_THRESHOLD } from '../grievance/similarity';

export interface EarlierMatter {
  id: string;
  description: string;
  categoryCode: string | null;
  receivedAt: Date;
  /** Where it was received, when noted (skip-level needs it). */
  receivedAtLevel?: ReceivingLevel | null;
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
  for (const { matter: m, similarity } of similarMatters(description, categoryCode, earlier, threshold)) {
    if (!best || m.receivedAt.getTime() > best.receivedAt) best = { id: m.id, similarity, receivedAt: m.receivedAt.getTime() };
  }
  return best ? { firstTime: false, repeatOf: best.id, similarity: best.similarity } : { firstTime: true, repeatOf: null, similarity: 0 };
}

/** The earlier matters that are the same matter: same category (or one uncategorised) and similar text. */
export function similarMatters(description: string, categoryCode: string | null, earlier: EarlierMatter[], threshold = SIMILAR_MATTER_THRESHOLD): { matter: EarlierMatter; similarity: number }[] {
  const out: { matter: EarlierMatter; similarity: number }[] = [];
  for (const m of earlier) {
    if (categoryCode && m.categoryCode && m.categoryCode !== categoryCode) continue;
    const similarity = textSimilarity(description, m.description);
    if (similarity >= threshold) out.push({ matter: m, similarity });
  }
  return out;
}
