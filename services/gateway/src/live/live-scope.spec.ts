import { ForbiddenError } from '../auth/auth.errors';
import type { Principal } from '../auth/roles';
import type { AssignmentChange, LiveGrievance } from './dto/live.types';
import { assignmentScope, grievanceScope } from './live-scope';

const staff = (role: Principal['role'], regionCode: string | undefined, orgCode = 'org_a'): Principal => ({ kind: 'staff', id: 'u', role, regionCode, orgCode, scopes: [] });
const grievance = (regionCode: string) => ({ regionCode }) as LiveGrievance;
const change = (unitCode: string, regionCode: string | null, toUnitCode: string | null = null) => ({ unitCode, regionCode, toUnitCode }) as AssignmentChange;

describe('live board scopes', () => {
  it("a board shows the caller's region subtree, or a region within it", () => {
    const operator = staff('command_operator', '330621');
    expect(grievanceScope(operator, {})(grievance('330621101202'))).toBe(true);
    expect(grievanceScope(operator, {})(grievance('330622001'))).toBe(false);
    const town = grievanceScope(operator, { regionCode: '330621101' });
    expect([town(grievance('330621101202')), town(grievance('330621102'))]).toEqual([true, false]);
  });

  it('refuses a region outside the caller\'s, and a caller without a region', () => {
    expect(() => grievanceScope(staff('leader', '330621101'), { regionCode: '330621' })).toThrow(ForbiddenError);
    expect(() => grievanceScope(staff('command_operator', undefined), {})).toThrow(ForbiddenError);
  });

  it('shows unit staff their own unit only, including an assignment moved to it', () => {
    const unit = staff('unit_staff', '330621', 'dept_a');
    const scope = assignmentScope(unit, {});
    expect([scope(change('dept_a', null)), scope(change('dept_b', '330621')), scope(change('dept_b', null, 'dept_a'))]).toEqual([true, false, true]);
    expect(() => assignmentScope(unit, { unitCode: 'dept_b' })).toThrow(ForbiddenError);
    expect(() => assignmentScope(unit, { regionCode: '330621' })).toThrow(ForbiddenError);
  });

  it('shows region-wide roles their region, never an assignment of unknown region, optionally one unit', () => {
    const scope = assignmentScope(staff('supervisor', '330621'), {});
    expect([scope(change('dept_a', '330621101')), scope(change('dept_a', '330622')), scope(change('dept_a', null))]).toEqual([true, false, false]);
    const one = assignmentScope(staff('command_operator', '330621'), { unitCode: 'dept_b' });
    expect([one(change('dept_a', '330621')), one(change('dept_b', '330621'))]).toEqual([false, true]);
  });
});
