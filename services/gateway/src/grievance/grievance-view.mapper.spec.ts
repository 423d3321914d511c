import { aClock, aGrievance, anAssignment } from './testing/grievance-fixtures';
import { pickDeadlineClock, pickLeadAssignment, toGrievanceView } from './grievance-view.mapper';

describe('grievance view mapping', () => {
  const g = aGrievance();

  it('takes the newest lead assignment that has not moved on to another unit as the lead unit', () => {
    const returned = anAssignment(g.id, { orgCode: 'wrong_unit', status: 'reassigned', createdAt: '2024-11-21T00:00:00.000Z' });
    const older = anAssignment(g.id, { orgCode: 'first_unit', createdAt: '2024-11-20T00:00:00.000Z' });
    const newer = anAssignment(g.id, { orgCode: 'right_unit', status: 'created', createdAt: '2024-11-22T00:00:00.000Z' });
    const co = anAssignment(g.id, { role: 'co', orgCode: 'helper', createdAt: '2024-11-23T00:00:00.000Z' });
    expect(pickLeadAssignment([older, returned, newer, co])?.orgCode).toBe('right_unit');
    expect(pickLeadAssignment([returned, co])).toBeUndefined();
  });

  it('shows the earliest-due clock that has not stopped as the deadline', () => {
    const stopped = aClock(g.id, { state: 'stopped', dueAt: '2024-11-01T00:00:00.000Z' });
    const later = aClock(g.id, { state: 'running', dueAt: '2025-01-10T00:00:00.000Z' });
    const breached = aClock(g.id, { state: 'breached', step: 'acceptance', dueAt: '2024-12-01T00:00:00.000Z' });
    expect(pickDeadlineClock([stopped, later, breached])?.step).toBe('acceptance');
    expect(pickDeadlineClock([stopped])).toBeUndefined();
  });

  it('keeps every assignment (reassigned ones too) and renames organisations to units', () => {
    const a = anAssignment(g.id, { role: 'co', orgCode: 'water', orgName: '县水务局', status: 'reassigned' });
    const view = toGrievanceView(g, [a], []);
    expect(view.assignments).toEqual([{ role: 'co', unitCode: 'water', unitName: '县水务局', status: 'reassigned' }]);
    expect(view.leadUnit).toBeNull();
    expect(view.deadline).toBeNull();
    expect(view.receivedAt.toISOString()).toBe(g.receivedAt);
  });
});
