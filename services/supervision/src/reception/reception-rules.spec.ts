import { admit, checkFirstTimeWindow, checkRecordDates, firstTimeReceptionWindow, refuseDoubleBooking, slotStartsAt } from './reception-rules';
import { ReceptionError } from './reception.errors';

const refusalOf = (f: () => void) => {
  try {
    f();
  } catch (err) {
    return err instanceof ReceptionError ? err.refusal : err;
  }
  return undefined;
};

describe('leader reception rules', () => {
  it('opens the half-day slots at 8:30 and 14:00 Beijing time', () => {
    expect(slotStartsAt('2026-03-02', 'morning').toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(slotStartsAt('2026-03-02', 'afternoon').toISOString()).toBe('2026-03-02T06:00:00.000Z');
  });

  it('admits bookings up to the capacity and refuses the next one', () => {
    expect(refusalOf(() => admit({ capacity: 2, booked: 1 }))).toBeUndefined();
    expect(refusalOf(() => admit({ capacity: 2, booked: 2 }))).toBe('slot_full');
  });

  it('refuses a second open appointment of the same grievance', () => {
    expect(refusalOf(() => refuseDoubleBooking(0))).toBeUndefined();
    expect(refusalOf(() => refuseDoubleBooking(1))).toBe('already_booked');
  });

  it('takes the first-time window from the local 7-day policy of the county', () => {
    const receivedAt = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 in Beijing
    const w = firstTimeReceptionWindow(receivedAt, '330621101');
    expect(w?.policyCode).toMatch(/^330621_/);
    // 7 natural days: a leader's slot on the 9th is inside, one on the 10th is not.
    expect(refusalOf(() => checkFirstTimeWindow(slotStartsAt('2026-03-09', 'afternoon'), w))).toBeUndefined();
    expect(refusalOf(() => checkFirstTimeWindow(slotStartsAt('2026-03-10', 'morning'), w))).toBe('outside_first_time_window');
  });

  it('sets no first-time window where no local policy binds the region', () => {
    expect(firstTimeReceptionWindow(new Date('2026-03-02T02:00:00.000Z'), '110101')).toBeNull();
    expect(refusalOf(() => checkFirstTimeWindow(slotStartsAt('2027-01-04', 'morning'), null))).toBeUndefined();
  });

  it('refuses a reception dated in the future and a promise due before the meeting', () => {
    const now = new Date('2026-03-02T08:00:00.000Z');
    expect(refusalOf(() => checkRecordDates(new Date('2026-03-02T09:00:00.000Z'), null, now))).toBe('invalid_date');
    expect(refusalOf(() => checkRecordDates(new Date('2026-03-02T07:00:00.000Z'), new Date('2026-03-02T06:00:00.000Z'), now))).toBe('invalid_date');
    expect(refusalOf(() => checkRecordDates(new Date('2026-03-02T07:00:00.000Z'), new Date('2026-03-09T07:00:00.000Z'), now))).toBeUndefined();
  });
});
