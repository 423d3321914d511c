import type { EvaluationVote, PublicEvaluationOpinion } from '@yikouban/contracts';

/**
 * The stated rule of a public evaluation's opinion (majority_of_votes_cast_v1):
 * 1. quorum — at least `quorum` evaluators of the panel voted (an abstention counts as taking
 *    part); otherwise the opinion is no_quorum;
 * 2. the votes cast are support + oppose (abstentions are not votes cast); the handling is
 *    supported when support is more than half of them, not supported when oppose is; a tie, or
 *    no vote cast at all, gives no_majority.
 * The default quorum is a majority of the panel: floor(panel / 2) + 1.
 */
export const OPINION_RULE = 'majority_of_votes_cast_v1';

export interface Tally {
  support: number;
  oppose: number;
  abstain: number;
}

export function tally(votes: readonly EvaluationVote[]): Tally {
  return {
    support: votes.filter((v) => v === 'support').length,
    oppose: votes.filter((v) => v === 'oppose').length,
    abstain: votes.filter((v) => v === 'abstain').length,
  };
}

export function defaultQuorum(panelSize: number): number {
  return Math.floor(panelSize / 2) + 1;
}

export function opinionOf(t: Tally, quorum: number): PublicEvaluationOpinion {
  if (t.support + t.oppose + t.abstain < quorum) return 'no_quorum';
  const cast = t.support + t.oppose;
  if (t.support * 2 > cast) return 'handling_supported';
  if (t.oppose * 2 > cast) return 'handling_not_supported';
  return 'no_majority';
}
