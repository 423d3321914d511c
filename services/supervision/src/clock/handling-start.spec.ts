import { handlingStart } from './deadline-planner';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('handlingStart — a late registration does not give the handling time back (第二十二条)', () => {
  it('starts at the assignment when the receipt is unknown or recent', () => {
    const assigned = bj('2026-03-10T10:00:00');
    expect(handlingStart(assigned, null)).toEqual(assigned);
    expect(handlingStart(assigned, bj('2026-03-10T09:00:00'))).toEqual(assigned);
    expect(handlingStart(assigned, bj('2026-02-25T09:00:00'))).toEqual(assigned);
  });

  it('starts no later than the end of the 15 days after receipt', () => {
    // Received Mon 2 Mar 2026: day 15 is Tue 17 Mar, a working day; the period ends at its 24:00.
    expect(handlingStart(bj('2026-06-01T10:00:00'), bj('2026-03-02T09:00:00'))).toEqual(bj('2026-03-18T00:00:00'));
  });
});
