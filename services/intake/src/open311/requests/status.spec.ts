import { GRIEVANCE_STATUSES } from '@yikouban/contracts';
import { grievanceStatusesFor, statusNotes, toOpen311Status } from './status';

describe('Open311 status from our lifecycle', () => {
  it.each([
    ['received', 'open'],
    ['assigned', 'open'],
    ['in_progress', 'open'],
    ['replied', 'open'],
    ['closed', 'closed'],
    ['withdrawn', 'closed'],
  ] as const)('%s reads as %s', (ours, theirs) => {
    expect(toOpen311Status(ours)).toBe(theirs);
  });

  it('splits our statuses into two disjoint sets that cover them all (the status filter)', () => {
    const open = grievanceStatusesFor('open');
    const closed = grievanceStatusesFor('closed');
    expect([...open, ...closed].sort()).toEqual([...GRIEVANCE_STATUSES].sort());
    expect(open.filter((s) => closed.includes(s))).toEqual([]);
    expect(closed.sort()).toEqual(['closed', 'withdrawn']);
  });

  it('explains each stage in status_notes, Chinese first, and gives the reason of a withdrawal', () => {
    const notes = GRIEVANCE_STATUSES.map((s) => statusNotes(s, null));
    expect(new Set(notes).size).toBe(GRIEVANCE_STATUSES.length);
    for (const n of notes) expect(n).toMatch(/^[\u4e00-\u9fff].*\([a-z].*\)$/);
    expect(statusNotes('withdrawn', ' 已协商解决 ')).toBe(`${statusNotes('withdrawn', null)}：已协商解决`);
    expect(statusNotes('withdrawn', '  ')).toBe(statusNotes('withdrawn', null));
    // A reason is only ever a withdrawal's.
    expect(statusNotes('closed', '已协商解决')).toBe(statusNotes('closed', null));
  });
});
