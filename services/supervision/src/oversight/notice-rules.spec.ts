import type { SupervisionActor } from '@yikouban/contracts';
import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { backlogReasons, ageDays, DEFAULT_BACKLOG_AGE_DAYS } from './backlog-rules';
import { isOverdue, noticeDueAt, respond, review, type NoticeSnapshot } from './notice-rules';
import { OversightError } from './oversight.errors';

const calendar = new WorkingCalendar(new ChineseDaysSource());
const issuedAt = new Date('2025-09-30T02:00:00Z'); // Tue 30 Sep 2025, 10:00 Beijing
const unit: SupervisionActor = { kind: 'staff', userId: 'u-unit', orgCode: 'dept_hr' };
const issuer: SupervisionActor = { kind: 'staff', userId: 'u-sup', orgCode: 'joint_office_330621' };
const notice = (over: Partial<NoticeSnapshot> = {}): NoticeSnapshot => ({
  state: 'issued',
  round: 0,
  orgCode: 'dept_hr',
  issuedBy: 'u-sup',
  issuerOrgCode: 'joint_office_330621',
  listed: false,
  responseDueAt: noticeDueAt(issuedAt, 1, calendar),
  fixDueAt: null,
  ...over,
});
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as OversightError).refusal;
  }
  return 'none';
};

describe('notice due dates (working days, 国庆 2025 with 调休)', () => {
  it('skips the National Day holiday: 1 working day from 30 Sep ends 24:00 of Thu 9 Oct', () => {
    expect(noticeDueAt(issuedAt, 1, calendar).toISOString()).toBe('2025-10-09T16:00:00.000Z');
  });
  it('counts the make-up Saturday 11 Oct as a working day', () => {
    expect(noticeDueAt(issuedAt, 2, calendar).toISOString()).toBe('2025-10-10T16:00:00.000Z');
    expect(noticeDueAt(issuedAt, 3, calendar).toISOString()).toBe('2025-10-11T16:00:00.000Z');
  });
  it('does not count the day of issue, and an ordinary week is five working days', () => {
    expect(noticeDueAt(new Date('2026-03-02T01:00:00Z'), 5, calendar).toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });
});

describe('notice state rules', () => {
  it('the unit addressed responds while a response is due; on time up to the due instant', () => {
    expect(respond(notice(), unit, new Date('2025-10-09T15:59:59Z'))).toEqual({ round: 1, onTime: true });
    expect(respond(notice({ state: 'rejected', round: 1 }), unit, new Date('2025-10-10T00:00:00Z'))).toEqual({ round: 2, onTime: false });
  });
  it('refuses another unit, the citizen, and a response when none is due', () => {
    expect(refusal(() => respond(notice(), { ...unit, orgCode: 'dept_other' }, issuedAt))).toBe('not_addressee');
    expect(refusal(() => respond(notice(), { kind: 'citizen' }, issuedAt))).toBe('actor_not_permitted');
    expect(refusal(() => respond(notice({ state: 'responded', round: 1 }), unit, issuedAt))).toBe('not_awaiting_response');
    expect(refusal(() => respond(notice({ state: 'accepted', round: 1 }), unit, issuedAt))).toBe('not_awaiting_response');
  });
  it('the issuing body accepts or rejects a response waiting for it; a rejection needs a note', () => {
    const responded = notice({ state: 'responded', round: 1 });
    expect(review(responded, issuer, 'accepted', undefined)).toEqual({ state: 'accepted' });
    expect(review(responded, { kind: 'staff', userId: 'u-colleague', orgCode: 'joint_office_330621' }, 'rejected', '未说明整改结果')).toEqual({ state: 'rejected' });
    expect(refusal(() => review(responded, issuer, 'rejected', undefined))).toBe('note_required');
    expect(refusal(() => review(responded, unit, 'accepted', undefined))).toBe('not_issuer');
    expect(refusal(() => review(notice(), issuer, 'accepted', undefined))).toBe('not_awaiting_review');
  });
  it('is overdue past the response date unanswered, or listed past its fix date until accepted', () => {
    const late = new Date('2025-10-10T00:00:00Z');
    expect(isOverdue(notice(), late)).toBe(true);
    expect(isOverdue(notice(), new Date('2025-10-09T12:00:00Z'))).toBe(false);
    expect(isOverdue(notice({ state: 'responded', round: 1 }), late)).toBe(false);
    const listed = notice({ state: 'responded', round: 1, listed: true, fixDueAt: noticeDueAt(issuedAt, 2, calendar) });
    expect(isOverdue(listed, new Date('2025-10-11T00:00:00Z'))).toBe(true);
    expect(isOverdue({ ...listed, state: 'accepted' }, new Date('2025-10-11T00:00:00Z'))).toBe(false);
  });
});

describe('backlog rules', () => {
  it('defaults the age threshold to the statutory handling period (60 days)', () => {
    expect(DEFAULT_BACKLOG_AGE_DAYS).toBe(60);
  });
  it('names every reason a case is in the backlog', () => {
    const t = { minAgeDays: 60, minRepeats: 3 };
    expect(backlogReasons({ ageDays: 59, repeats: 2, handlingOverdue: false }, t)).toEqual([]);
    expect(backlogReasons({ ageDays: 60, repeats: 3, handlingOverdue: true }, t)).toEqual(['aged', 'repeated', 'handling_overdue']);
  });
  it('counts whole natural days since receipt', () => {
    expect(ageDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toBe(60);
    expect(ageDays(null, new Date())).toBe(0);
  });
});
