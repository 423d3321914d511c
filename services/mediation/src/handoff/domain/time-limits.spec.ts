import fc from 'fast-check';
import { hasEnded, MEDIATION_TIME_LIMITS, naturalDaysEnd, timeLimitFor, timeLimitForRoute } from './time-limits';

const DAY = 24 * 3600 * 1000;

describe('timeLimitFor', () => {
  it.each([
    ['litigation_mediation', 'pre_filing', undefined, 30, '第二十四条'],
    ['litigation_mediation', 'post_filing', 'ordinary', 15, '第二十四条'],
    ['litigation_mediation', 'post_filing', 'simple', 7, '第二十四条'],
    ['litigation_mediation', 'post_filing', undefined, 15, '普通程序'],
    ['petition_mediation', undefined, undefined, 30, '人民调解工作若干规定'],
    ['procuratorate_mediation', undefined, undefined, 30, '一个月内调结'],
    ['police_mediation', undefined, undefined, 30, '一个月内调结'],
  ] as const)('%s %s %s → %i natural days', (kind, stage, procedure, days, cited) => {
    const limit = timeLimitFor(kind, stage, procedure);
    expect(limit).toMatchObject({ amount: days, unit: 'natural_days', extension: { requires: 'parties_consent' } });
    expect(limit.source).toContain(cited);
  });

  it('needs a stage for litigation mediation', () => {
    expect(() => timeLimitFor('litigation_mediation')).toThrow(RangeError);
  });

  it('agrees with the route form', () => {
    expect(timeLimitForRoute({ kind: 'litigation_mediation', stage: 'post_filing', procedure: 'simple' }).amount).toBe(7);
    expect(timeLimitForRoute({ kind: 'police_mediation' })).toBe(MEDIATION_TIME_LIMITS.peopleMediation);
  });

  it('keeps the other statutory limits as data with their sources', () => {
    const { handoffAcceptance, mediatorAppointment, partiesAgreeOnMediator, judicialConfirmationApplication, judicialConfirmationAcceptance, judicialConfirmationDecision } =
      MEDIATION_TIME_LIMITS;
    expect([handoffAcceptance.amount, handoffAcceptance.unit]).toEqual([3, 'working_days']);
    expect([mediatorAppointment.amount, mediatorAppointment.unit, mediatorAppointment.source]).toEqual([3, 'working_days', expect.stringContaining('第十条')]);
    expect([partiesAgreeOnMediator.amount, partiesAgreeOnMediator.unit]).toEqual([2, 'natural_days']);
    expect(judicialConfirmationApplication.source).toContain('人民调解法》第三十三条');
    expect(judicialConfirmationAcceptance.amount).toBe(3);
    expect(judicialConfirmationDecision).toMatchObject({ amount: 15, extension: { requires: 'court_president_approval', maxAmount: 10 } });
  });
});

describe('naturalDaysEnd (China time, first day not counted)', () => {
  it('ends at 24:00 of the last day', () => {
    // Accepted 2026-03-02 at 23:30 China time: the 30 days are 03-03 … 04-01.
    expect(naturalDaysEnd(new Date('2026-03-02T23:30:00+08:00'), 30).toISOString()).toBe('2026-04-01T16:00:00.000Z');
    // 00:10 on 03-03 China time is still 03-02 in UTC; the China date is what counts.
    expect(naturalDaysEnd(new Date('2026-03-03T00:10:00+08:00'), 30).toISOString()).toBe('2026-04-02T16:00:00.000Z');
    expect(naturalDaysEnd(new Date('2026-02-27T12:00:00+08:00'), 7).toISOString()).toBe('2026-03-06T16:00:00.000Z');
  });

  it('falls on a China midnight between days and days + 1 after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }), fc.integer({ min: 0, max: 400 }), (t, days) => {
        const end = naturalDaysEnd(new Date(t), days).getTime();
        expect((end + 8 * 3600 * 1000) % DAY).toBe(0);
        expect(end - t).toBeGreaterThan(days * DAY);
        expect(end - t).toBeLessThanOrEqual((days + 1) * DAY);
      }),
    );
  });

  it('refuses negative or fractional days', () => {
    expect(() => naturalDaysEnd(new Date(), -1)).toThrow(RangeError);
    expect(() => naturalDaysEnd(new Date(), 1.5)).toThrow(RangeError);
  });

  it('has ended from the end instant on', () => {
    const end = naturalDaysEnd(new Date('2026-03-02T10:00:00+08:00'), 1);
    expect(hasEnded(end, new Date(end.getTime() - 1))).toBe(false);
    expect(hasEnded(end.toISOString(), end)).toBe(true);
  });
});
