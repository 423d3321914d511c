import type { AftercareStatus, EvaluationResult, ReviewConclusion, ReviewLevel } from '@yikouban/contracts';
import { AftercareError } from './aftercare.errors';

/*
 * The rules after the reply, pure (信访工作条例 第三十二至三十六条): each function checks a
 * command against the grievance's state and returns what changes, or throws the refusal.
 */

export interface ReviewSnapshot {
  level: ReviewLevel;
  requestedAt: Date;
  answeredAt: Date | null;
  /** After a 复查 answer: the end of the 复核 window. */
  nextWindowEndsAt: Date | null;
}

export interface AftercareSnapshot {
  status: AftercareStatus;
  round: number;
  final: boolean;
  /** The unit's latest reply and the end of the 复查 window it opened. */
  replyAt: Date;
  reviewWindowEndsAt: Date;
  /** The current round's answer has an evaluation. */
  evaluatedThisRound: boolean;
  reviews: ReviewSnapshot[];
}

export interface ReviewWindow {
  level: ReviewLevel;
  opensAt: Date;
  endsAt: Date;
}

const LEVEL_NAME: Record<ReviewLevel, string> = { review: '复查', recheck: '复核' };
const iso = (d: Date) => d.toISOString();

/** The review the petitioner may ask for next, whatever today's date; null when none can be. */
export function nextReviewWindow(s: AftercareSnapshot): ReviewWindow | null {
  if (s.final || s.reviews.some((r) => r.level === 'recheck')) return null;
  const review = s.reviews.find((r) => r.level === 'review');
  if (!review) return { level: 'review', opensAt: s.replyAt, endsAt: s.reviewWindowEndsAt };
  if (!review.answeredAt || !review.nextWindowEndsAt) return null;
  return { level: 'recheck', opensAt: review.answeredAt, endsAt: review.nextWindowEndsAt };
}

/** The state after an answer reaches the petitioner (a reply, or an upheld review): a new round to evaluate. */
export function afterAnswer(s: AftercareSnapshot | null): { status: AftercareStatus; round: number } {
  return { status: 'awaiting_evaluation', round: (s?.round ?? 0) + 1 };
}

/** One evaluation per answer: 满意 / 基本满意 close the loop, 不满意 waits for rework, closure or review. */
export function evaluate(s: AftercareSnapshot, result: EvaluationResult): { status: AftercareStatus } {
  if (s.evaluatedThisRound) throw new AftercareError('already_evaluated', '本轮答复已评价 / this answer has been evaluated already');
  if (s.status === 'closed') throw new AftercareError('already_closed', '事项已办结 / the matter is closed');
  if (s.status === 'rework') throw new AftercareError('rework_pending', '事项正在重新办理，待新的答复后评价 / the unit is handling it again; evaluate its new reply');
  if (s.status === 'review_requested' || s.status === 'recheck_requested') throw new AftercareError('review_pending', '复查（复核）正在办理 / a review is being answered');
  if (s.status !== 'awaiting_evaluation') throw new AftercareError('not_evaluable', `当前状态不能评价 / nothing to evaluate in status ${s.status}`);
  return { status: result === 'not_satisfied' ? 'not_satisfied' : 'evaluated' };
}

/** 不满意 → 重办: sent back to the unit; its next reply opens a new round. */
export function rework(s: AftercareSnapshot): { status: AftercareStatus } {
  if (s.final) throw new AftercareError('final', '复核意见已为终局 / the 复核 answer is final (第三十六条)');
  if (s.status !== 'not_satisfied') throw new AftercareError('rework_needs_not_satisfied', `只有评价不满意的事项可以重办 / only a not-satisfied answer is sent back (status ${s.status})`);
  return { status: 'rework' };
}

/**
 * 办结: after an evaluation of the current answer, or without one when a note says why (the
 * petitioner could not be reached). Not while the unit re-handles it or a review is pending.
 */
export function close(s: AftercareSnapshot, note: string | undefined): { status: AftercareStatus } {
  if (s.status === 'closed') throw new AftercareError('already_closed', '事项已办结 / the matter is closed already');
  if (s.status === 'rework') throw new AftercareError('rework_pending', '事项正在重新办理 / the unit is handling it again');
  if (s.status === 'review_requested' || s.status === 'recheck_requested') throw new AftercareError('review_pending', '复查（复核）正在办理 / a review is being answered');
  if (!s.evaluatedThisRound && !note?.trim()) {
    throw new AftercareError('note_required', '未经回访评价办结，须说明原因（如联系不上信访人）/ closing without an evaluation needs a note saying why', 'note');
  }
  return { status: 'closed' };
}

/**
 * 复查 within 30 days of the reply (第三十五条), 复核 within 30 days of the 复查 opinion
 * (第三十六条), nothing after 复核. `requestedAt` is when the petitioner asked (never in the
 * future, never before the answer it contests).
 */
export function requestReview(s: AftercareSnapshot, input: { level?: ReviewLevel; requestedAt: Date; now: Date }): { window: ReviewWindow; status: AftercareStatus } {
  if (s.final) throw new AftercareError('final', '复核意见为终局，同一事实和理由不再受理（《信访工作条例》第三十六条）/ after 复核 the same matter is not accepted again (Art 36)');
  if (s.status === 'review_requested' || s.status === 'recheck_requested') throw new AftercareError('review_pending', '已有复查（复核）请求正在办理 / a review request is already being answered');
  if (s.status === 'rework') throw new AftercareError('rework_pending', '事项正在重新办理，请求期限自新的答复起算 / the unit is handling it again; the window counts from its new reply');
  const window = nextReviewWindow(s);
  if (!window) throw new AftercareError('final', '不能再请求复查或复核 / no further review can be requested');
  if (input.level && input.level !== window.level) {
    const msg = input.level === 'recheck' ? '尚未复查，不能直接请求复核 / a 复核 needs a 复查 answer first' : '已经复查，下一步只能请求复核 / the 复查 is done; only a 复核 can be requested now';
    throw new AftercareError('wrong_level', msg, 'level');
  }
  if (input.requestedAt.getTime() > input.now.getTime()) throw new AftercareError('invalid_date', '请求时间不能晚于现在 / requestedAt is in the future', 'requestedAt');
  if (input.requestedAt.getTime() < window.opensAt.getTime()) {
    throw new AftercareError('invalid_date', `请求时间早于所请求复查的答复（${iso(window.opensAt)}）/ requestedAt is before the answer it contests`, 'requestedAt');
  }
  if (input.requestedAt.getTime() > window.endsAt.getTime()) {
    const article = window.level === 'review' ? '第三十五条' : '第三十六条';
    throw new AftercareError(
      'window_closed',
      `${LEVEL_NAME[window.level]}请求期限已于${iso(window.endsAt)}届满（《信访工作条例》${article}：自收到意见之日起30日内）/ the ${window.level} window closed at ${iso(window.endsAt)}`,
      'requestedAt',
    );
  }
  return { window, status: window.level === 'review' ? 'review_requested' : 'recheck_requested' };
}

/**
 * The organ above answers the pending request. Upheld: a new round for the petitioner to
 * evaluate; revised: the unit handles it again. A 复核 answer is final either way.
 */
export function answerReview(s: AftercareSnapshot, conclusion: ReviewConclusion): { level: ReviewLevel; status: AftercareStatus; final: boolean; round: number } {
  const pending = s.reviews.find((r) => !r.answeredAt);
  if (!pending || (s.status !== 'review_requested' && s.status !== 'recheck_requested')) {
    throw new AftercareError('no_pending_review', '没有待答复的复查（复核）请求 / there is no review request to answer');
  }
  const final = pending.level === 'recheck';
  return conclusion === 'upheld' ? { level: pending.level, status: 'awaiting_evaluation', final, round: s.round + 1 } : { level: pending.level, status: 'rework', final, round: s.round };
}
