import type { AftercareView as AftercareData, BoardItem, CaseDeadline, IndicatorRow, OverdueBoardPage, ReviewRequestView as ReviewData, ReviewWindowView as WindowData } from '@yikouban/contracts';
import type { AftercareView, CaseDeadlineView, IndicatorRowView, MyAftercareView, OverdueBoardItemView, OverdueBoardPageView, ReviewRequestView, ReviewWindowView } from './dto/supervision.views';

const at = (iso: string) => new Date(iso);
const maybe = (iso: string | null) => (iso === null ? null : new Date(iso));

export function toCaseDeadline(c: CaseDeadline): CaseDeadlineView {
  return { ...c, startedAt: at(c.startedAt), dueAt: at(c.dueAt), stoppedAt: maybe(c.stoppedAt), nextAlarmAt: maybe(c.nextAlarmAt), history: c.history.map((h) => ({ ...h, at: at(h.at) })) };
}

function toBoardItem(i: BoardItem): OverdueBoardItemView {
  return { ...i, startedAt: at(i.startedAt), dueAt: at(i.dueAt) };
}

export function toBoardPage(p: OverdueBoardPage): OverdueBoardPageView {
  return { items: p.items.map(toBoardItem), nextCursor: p.nextCursor, overdue: p.overdue, nearOverdue: p.nearOverdue };
}

const toReview = (r: ReviewData): ReviewRequestView => ({ ...r, requestedAt: at(r.requestedAt), windowEndsAt: at(r.windowEndsAt), answerDueAt: at(r.answerDueAt), answeredAt: maybe(r.answeredAt) });
const toWindow = (w: WindowData | null): ReviewWindowView | null => (w ? { level: w.level, opensAt: at(w.opensAt), endsAt: at(w.endsAt) } : null);

export function toAftercare(a: AftercareData): AftercareView {
  return {
    trackingCode: a.trackingCode,
    status: a.status,
    round: a.round,
    final: a.final,
    lastAnswer: { ...a.lastAnswer, at: at(a.lastAnswer.at) },
    returnVisit: a.returnVisit ? { ...a.returnVisit, scheduledAt: at(a.returnVisit.scheduledAt), dueAt: maybe(a.returnVisit.dueAt), completedAt: maybe(a.returnVisit.completedAt) } : null,
    evaluations: a.evaluations.map((e) => ({ ...e, at: at(e.at) })),
    reviews: a.reviews.map(toReview),
    reviewWindow: toWindow(a.reviewWindow),
    closure: a.closure ? { ...a.closure, closedAt: at(a.closure.closedAt) } : null,
  };
}

/** The citizen's own view: status, windows and their requests, not the staff's records. */
export function toMyAftercare(a: AftercareData): MyAftercareView {
  const mine = a.evaluations.find((e) => e.round === a.round);
  return { trackingCode: a.trackingCode, status: a.status, final: a.final, reviewWindow: toWindow(a.reviewWindow), reviews: a.reviews.map(toReview), myEvaluation: mine?.result ?? null };
}

/** overdueCount is the period's breaches, named as the indicator list names it (超期件数). */
export function toIndicatorRow(r: IndicatorRow): IndicatorRowView {
  return { ...r, overdueCount: r.counts.breached };
}
