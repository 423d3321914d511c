import type { NoticeState, NoticeVerdict, SupervisionActor } from '@yikouban/contracts';
import type { WorkingCalendar } from '@yikouban/calendar';
import { OversightError } from './oversight.errors';

/*
 * The rules of a supervision notice (督办单), pure: issued → responded → accepted, or rejected and
 * responded again until accepted. Due dates count working days on the calendar of the case's
 * jurisdiction (调休 and its override days included).
 */

export interface NoticeSnapshot {
  state: NoticeState;
  round: number;
  orgCode: string;
  issuedBy: string;
  issuerOrgCode: string | null;
  listed: boolean;
  responseDueAt: Date;
  fixDueAt: Date | null;
}

/** The response is due at 24:00 of the n-th working day after the day of `from` (the day itself is not counted). */
export function noticeDueAt(from: Date, workingDays: number, cal: WorkingCalendar): Date {
  return cal.addWorkingDays(from, workingDays);
}

/** Only the unit addressed writes the response, while one is due. */
export function respond(n: NoticeSnapshot, by: SupervisionActor, now: Date): { round: number; onTime: boolean } {
  if (by.kind !== 'staff') throw new OversightError('actor_not_permitted', '只有工作人员可以答复督办单 / only staff respond to a notice', 'by.kind');
  if (by.orgCode !== n.orgCode) throw new OversightError('not_addressee', '督办单不是发给本单位的 / the notice is addressed to another unit', 'noticeId');
  if (n.state !== 'issued' && n.state !== 'rejected') {
    throw new OversightError('not_awaiting_response', `督办单当前不需要答复 / no response is due in state ${n.state}`);
  }
  return { round: n.round + 1, onTime: now.getTime() <= n.responseDueAt.getTime() };
}

/**
 * The issuing body (the issuer or a colleague of the same organisation) decides on the response
 * waiting for it; a rejection says why and sets the next due date.
 */
export function review(n: NoticeSnapshot, by: SupervisionActor, verdict: NoticeVerdict, note: string | undefined): { state: NoticeState } {
  if (by.kind !== 'staff') throw new OversightError('actor_not_permitted', '只有工作人员可以审核 / only staff review a response', 'by.kind');
  const sameBody = by.userId === n.issuedBy || (n.issuerOrgCode !== null && by.orgCode === n.issuerOrgCode);
  if (!sameBody) throw new OversightError('not_issuer', '只有督办单位可以审核答复 / only the issuing body reviews the response', 'noticeId');
  if (n.state !== 'responded') throw new OversightError('not_awaiting_review', `没有待审核的答复 / no response waits for review in state ${n.state}`);
  if (verdict === 'rejected' && !note) throw new OversightError('note_required', '退回须说明理由 / a rejection needs a note saying why', 'note');
  return { state: verdict };
}

/** Past the response due date with no response, or 挂牌督办 past its fix date and not yet accepted. */
export function isOverdue(n: Pick<NoticeSnapshot, 'state' | 'listed' | 'responseDueAt' | 'fixDueAt'>, now: Date): boolean {
  if (n.state === 'accepted') return false;
  const responseLate = (n.state === 'issued' || n.state === 'rejected') && now.getTime() > n.responseDueAt.getTime();
  const fixLate = n.listed && n.fixDueAt !== null && now.getTime() > n.fixDueAt.getTime();
  return responseLate || fixLate;
}

/** The same test in SQL over supervision_notice (alias n), $param being now. */
export const overdueSql = (param: string) =>
  `(n.state <> 'accepted' AND ((n.state IN ('issued','rejected') AND n.response_due_at < ${param}) OR (n.listed AND n.fix_due_at < ${param})))`;
