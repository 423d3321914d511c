import chineseDays from 'chinese-days';
import { ChineseDaysSource } from './chinese-days-source';
import { dayToIso, isoToDay } from './civil-day';
import { WorkingCalendar } from './working-calendar';

const source = new ChineseDaysSource();

describe('ChineseDaysSource', () => {
  it('agrees with the chinese-days functions on every day of 2024–2026', () => {
    const disagreements: string[] = [];
    for (let day = isoToDay('2024-01-01'); day <= isoToDay('2026-12-31'); day++) {
      const iso = dayToIso(day);
      const [y, m, d] = iso.split('-').map(Number);
      // local noon: the package reads a Date in the machine's zone, so hand it one that is right there
      if (chineseDays.isWorkday(new Date(y, m - 1, d, 12)) !== source.isOfficialWorkday(iso)) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });

  it('knows which years carry an official schedule', () => {
    expect(source.hasOfficialData(2004)).toBe(true);
    expect(source.hasOfficialData(2026)).toBe(true);
    expect(source.hasOfficialData(2003)).toBe(false);
    expect(source.hasOfficialData(2027)).toBe(false);
  });

  it('names the occasion and marks the weekdays given in exchange (调休)', () => {
    expect(source.occasionOf('2025-10-11')).toBe('国庆节');
    expect(source.occasionOf('2025-01-26')).toBe('春节');
    expect(source.occasionOf('2025-10-06')).toBe('中秋');
    expect(source.occasionOf('2025-03-10')).toBeUndefined();
    expect(source.isInLieu('2025-10-08')).toBe(true);
    expect(source.isInLieu('2025-10-01')).toBe(false);
  });

  it('gives the same answers whatever the machine time zone', () => {
    const saved = process.env.TZ;
    const answers = () => {
      const c = new WorkingCalendar(new ChineseDaysSource());
      return [
        c.isWorkday('2025-10-11'),
        c.isWorkday(new Date('2025-10-12T20:00:00Z')), // Monday 10-13 04:00 in Beijing
        c.addWorkingDays(new Date('2025-09-26T02:00:00Z'), 5).toISOString(),
        c.addWorkingHours(new Date('2025-03-07T03:00:00Z'), 3.5).toISOString(),
      ];
    };
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = answers();
      process.env.TZ = 'Pacific/Kiritimati';
      const east = answers();
      expect(west).toEqual(east);
      expect(west).toEqual([true, true, '2025-10-10T16:00:00.000Z', '2025-03-07T08:30:00.000Z']);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
