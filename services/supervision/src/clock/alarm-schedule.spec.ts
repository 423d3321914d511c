import fc from 'fast-check';
import { dueAlarms, ESCALATION_CHAIN, escalatedTo, nextAlarm, type AlarmClock } from './alarm-schedule';

const clock = (over: Partial<AlarmClock> = {}): AlarmClock => ({
  step: 'handling',
  startedAt: new Date('2026-11-02T00:00:00Z'),
  dueAt: new Date('2026-11-12T00:00:00Z'),
  warnShares: [0.5, 0.8],
  warningsSent: 0,
  escalationLevel: 0,
  ...over,
});

describe('alarm schedule', () => {
  it('warns at 50 % and 80 % of the time, then breaches at the deadline and climbs the chain', () => {
    const alarms = [];
    let c = clock();
    for (let a = nextAlarm(c); a; a = nextAlarm(c)) {
      alarms.push(a);
      c = a.kind === 'warning' ? { ...c, warningsSent: c.warningsSent + 1 } : { ...c, escalationLevel: a.level };
    }
    expect(alarms.map((a) => [a.kind, a.at.toISOString(), a.kind === 'breach' ? a.escalatedTo : a.share])).toEqual([
      ['warning', '2026-11-07T00:00:00.000Z', 0.5],
      ['warning', '2026-11-10T00:00:00.000Z', 0.8],
      ['breach', '2026-11-12T00:00:00.000Z', 'handling_unit'],
      ['breach', '2026-11-13T00:00:00.000Z', 'command_centre'],
      ['breach', '2026-11-15T00:00:00.000Z', 'joint_office'],
      ['breach', '2026-11-19T00:00:00.000Z', 'discipline_inspection'],
    ]);
  });

  it('sends a registration breach first to the petition bureau that registered it (第二十二条), then up the same chain at the same hours', () => {
    const registration = clock({ step: 'registration', warningsSent: 2 });
    const breaches = [];
    for (let c = registration, a = nextAlarm(c); a; c = { ...c, escalationLevel: c.escalationLevel + 1 }, a = nextAlarm(c)) breaches.push(a);
    expect(breaches.map((a) => [a.kind, a.at.toISOString(), a.kind === 'breach' ? a.escalatedTo : null])).toEqual([
      ['breach', '2026-11-12T00:00:00.000Z', 'petition_bureau'],
      ['breach', '2026-11-13T00:00:00.000Z', 'command_centre'],
      ['breach', '2026-11-15T00:00:00.000Z', 'joint_office'],
      ['breach', '2026-11-19T00:00:00.000Z', 'discipline_inspection'],
    ]);
    // The board names the same office for a clock at that level; no other step goes there.
    expect([escalatedTo('registration', 0), escalatedTo('registration', 1), escalatedTo('registration', 2)]).toEqual([null, 'petition_bureau', 'command_centre']);
    expect(escalatedTo('handling', 1)).toBe('handling_unit');
  });

  it('catches up everything a late sweep missed, in order', () => {
    const { fired, after, next } = dueAlarms(clock(), new Date('2026-11-13T06:00:00Z'));
    expect(fired.map((a) => a.kind)).toEqual(['warning', 'warning', 'breach', 'breach']);
    expect(after).toMatchObject({ warningsSent: 2, escalationLevel: 2 });
    expect(next).toMatchObject({ kind: 'breach', escalatedTo: 'joint_office' });
  });

  it('never fires twice and always moves forward in time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 * 24 }), fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { maxLength: 4 }), fc.integer({ min: 0, max: 200 * 24 }), (hours, shares, nowHours) => {
        const c = clock({ dueAt: new Date(Date.parse('2026-11-02T00:00:00Z') + hours * 3_600_000), warnShares: shares });
        const now = new Date(Date.parse('2026-11-02T00:00:00Z') + nowHours * 3_600_000);
        const first = dueAlarms(c, now);
        const again = dueAlarms(first.after, now);
        expect(again.fired).toEqual([]);
        const times = first.fired.map((a) => a.at.getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(first.fired.length).toBeLessThanOrEqual(shares.length + ESCALATION_CHAIN.length);
        if (first.next) expect(first.next.at.getTime()).toBeGreaterThan(now.getTime());
      }),
    );
  });
});
