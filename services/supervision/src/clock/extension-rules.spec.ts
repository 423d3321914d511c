import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { LOCAL_POLICIES, STATUTORY_POLICIES } from '../deadline-policy';
import { checkExtensionAsk, ExtensionError, extendedDue, maxExtensionDays, type ExtensionAsk } from './extension-rules';

const bj = (local: string) => new Date(`${local}+08:00`);
const calendar = new WorkingCalendar(new ChineseDaysSource());
const handling = STATUTORY_POLICIES.find((p) => p.code === 'handling_60d');
const consultation = LOCAL_POLICIES.find((p) => p.code.endsWith('consultation_half_day'));
const now = bj('2026-04-01T10:00:00');
const ask = (over: Partial<ExtensionAsk> = {}): ExtensionAsk => ({ days: 30, policy: handling, state: 'running', dueAt: bj('2026-05-01T00:00:00'), now, approved: 0, pending: false, ...over });

function refusal(a: ExtensionAsk): { refusal: string; code: string; field?: string } | null {
  try {
    checkExtensionAsk(a);
    return null;
  } catch (e) {
    if (!(e instanceof ExtensionError)) throw e;
    return { refusal: e.refusal, code: e.code, field: e.fields?.[0]?.field };
  }
}

describe('extension rules — 信访工作条例 第三十四条', () => {
  it('the policies are the ones the rules are about', () => {
    expect(handling).toMatchObject({ maxExtensions: 1, extensionAmount: 30 });
    expect(consultation?.maxExtensions ?? 0).toBe(0);
  });

  it('lets the handling unit ask once for up to 30 days while the deadline runs (or is paused)', () => {
    expect(refusal(ask())).toBeNull();
    expect(refusal(ask({ days: 1, state: 'paused' }))).toBeNull();
    expect(maxExtensionDays(handling)).toBe(30);
  });

  it('refuses more than 30 days, naming the field', () => {
    expect(refusal(ask({ days: 31 }))).toEqual({ refusal: 'too_many_days', code: 'BAD_REQUEST', field: 'days' });
  });

  it('allows one extension only, and one request at a time', () => {
    expect(refusal(ask({ approved: 1 }))).toMatchObject({ refusal: 'already_extended', code: 'CONFLICT' });
    expect(refusal(ask({ approved: 1, days: 5 }))).toMatchObject({ refusal: 'already_extended' });
    expect(refusal(ask({ pending: true }))).toMatchObject({ refusal: 'request_pending', code: 'CONFLICT' });
  });

  it('refuses deadlines that cannot be extended, have stopped or have already passed', () => {
    expect(refusal(ask({ policy: consultation }))).toMatchObject({ refusal: 'not_extendable' });
    expect(refusal(ask({ policy: undefined }))).toMatchObject({ refusal: 'not_extendable' });
    expect(refusal(ask({ state: 'stopped' }))).toMatchObject({ refusal: 'clock_stopped' });
    expect(refusal(ask({ state: 'breached' }))).toMatchObject({ refusal: 'deadline_passed' });
    expect(refusal(ask({ dueAt: now }))).toMatchObject({ refusal: 'deadline_passed' });
  });

  it('an extension of natural days ends at 24:00 of the last day, moved past a holiday', () => {
    const due = bj('2025-09-11T00:00:00'); // 24:00 on Wed 10 Sep 2025
    expect(extendedDue(due, 20, handling, calendar)).toEqual(bj('2025-10-01T00:00:00')); // Tue 30 Sep, a working day
    expect(extendedDue(due, 21, handling, calendar)).toEqual(bj('2025-10-10T00:00:00')); // 1 Oct is 国庆: the first working day after is 9 Oct
    expect(extendedDue(due, 30, handling, calendar).getTime()).toBeGreaterThan(due.getTime());
  });
});
