import type { AftercareStatus, AnswerKind, EvaluationChannel, EvaluationResult, ReviewConclusion, ReviewLevel } from '../events/supervision-aftercare-common';

export interface EvaluationView {
  id: string;
  round: number;
  answerKind: AnswerKind;
  result: EvaluationResult;
  resolved: boolean;
  channel: EvaluationChannel;
  byKind: 'staff' | 'citizen';
  comment: string | null;
  at: string;
}

export interface ReturnVisitView {
  id: string;
  round: number;
  answerKind: AnswerKind;
  scheduledAt: string;
  /** null when no deadline policy covers return visits in the jurisdiction. */
  dueAt: string | null;
  completedAt: string | null;
}

export interface ReviewRequestView {
  id: string;
  level: ReviewLevel;
  reason: string;
  requestedAt: string;
  windowEndsAt: string;
  answerDueAt: string;
  answeredAt: string | null;
  conclusion: ReviewConclusion | null;
  opinion: string | null;
  onTime: boolean | null;
}

/** The next review the petitioner may ask for, and until when; null once nothing more can be asked. */
export interface ReviewWindowView {
  level: ReviewLevel;
  opensAt: string;
  endsAt: string;
}

export interface ClosureView {
  closedAt: string;
  ceaseCommitment: boolean;
  note: string | null;
}

/** Everything after the reply for one grievance (回访、满意度、办结、复查复核). */
export interface AftercareView {
  grievanceId: string;
  trackingCode: string;
  status: AftercareStatus;
  round: number;
  /** After 复核: not accepted again (第三十六条). */
  final: boolean;
  lastAnswer: { kind: AnswerKind; orgCode: string | null; at: string };
  returnVisit: ReturnVisitView | null;
  evaluations: EvaluationView[];
  reviews: ReviewRequestView[];
  reviewWindow: ReviewWindowView | null;
  closure: ClosureView | null;
}
