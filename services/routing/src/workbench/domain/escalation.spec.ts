import { DEMO_ORGANISATIONS, DEMO_REGIONS } from '../../directory/demo-county';
import { RegionTree } from '../../directory/region-tree';
import { disagreeingReturns, escalationTarget, type OrgRef, type RegionChain, type ReturnRecord } from './escalation';

const regions: Record<string, { code: string; level: string; parent: string | null }> = {
  c: { code: 'c', level: 'county', parent: null },
  t1: { code: 't1', level: 'town', parent: 'c' },
  t2: { code: 't2', level: 'town', parent: 'c' },
  v1: { code: 'v1', level: 'village', parent: 't1' },
  v2: { code: 'v2', level: 'village', parent: 't1' },
  v3: { code: 'v3', level: 'village', parent: 't2' },
};
const tree: RegionChain = {
  chainOf: (code) => {
    const out = [];
    for (let r: (typeof regions)[string] | undefined = regions[code]; r; r = r.parent ? regions[r.parent] : undefined) out.push(r);
    return out;
  },
};
const o = (code: string, kind: string, regionCode: string): OrgRef => ({ code, name: `${code}名`, kind, regionCode });
const orgs = [
  o('dept_a', 'department', 'c'),
  o('dept_b', 'department', 'c'),
  o('joint', 'joint_conference', 'c'),
  o('bureau', 'petition_bureau', 'c'),
  o('town1', 'town_government', 't1'),
  o('town2', 'town_government', 't2'),
  o('vc1', 'village_committee', 'v1'),
  o('vc2', 'village_committee', 'v2'),
  o('vc3', 'village_committee', 'v3'),
];
const byCode = (code: string) => orgs.find((x) => x.code === code) as OrgRef;

describe('where a dispute between units goes (第二十四条)', () => {
  it('sends two village committees of one town to that town government, their common superior', () => {
    expect(escalationTarget([byCode('vc1'), byCode('vc2')], tree, orgs)).toEqual({ orgCode: 'town1', orgName: 'town1名', basis: 'common_superior' });
  });

  it('sends villages of different towns, a town and its own village, or two departments to the joint conference', () => {
    for (const pair of [['vc1', 'vc3'], ['town1', 'vc1'], ['dept_a', 'dept_b'], ['dept_a', 'town2']]) {
      expect(escalationTarget(pair.map(byCode), tree, orgs)).toMatchObject({ orgCode: 'joint', basis: 'joint_conference' });
    }
  });

  it('falls back to the petition bureau hosting the conference when there is no conference office', () => {
    const withoutJoint = orgs.filter((x) => x.kind !== 'joint_conference');
    expect(escalationTarget([byCode('dept_a'), byCode('dept_b')], tree, withoutJoint)).toMatchObject({ orgCode: 'bureau', basis: 'joint_conference' });
    expect(escalationTarget([byCode('dept_a'), byCode('dept_b')], tree, [])).toBeUndefined();
  });

  it('sends two county departments of the demo county to its joint conference office', () => {
    const demo = new RegionTree(DEMO_REGIONS);
    const hr = DEMO_ORGANISATIONS.find((x) => x.code === 'dept_human_resources') as OrgRef;
    const housing = DEMO_ORGANISATIONS.find((x) => x.code === 'dept_housing') as OrgRef;
    expect(escalationTarget([hr, housing], demo, DEMO_ORGANISATIONS)).toEqual({ orgCode: 'joint_office_330621', orgName: '县信访工作联席会议办公室', basis: 'joint_conference' });
  });
});

describe('which returns disagree', () => {
  const row = (id: string, orgCode: string, status: string, over: Partial<ReturnRecord> = {}): ReturnRecord => ({
    id, orgCode, status, returnedAt: status === 'awaiting_reassignment' || status === 'reassigned' ? new Date('2026-03-02T02:00:00Z') : null, disputeId: null, replacesAssignmentId: null, ...over,
  });
  const codes = (rs: ReturnRecord[]) => rs.map((r) => r.orgCode).sort();

  it('joins a return to the one it follows from: A returned, B was given it and returned it too', () => {
    const all = [row('a', 'A', 'reassigned'), row('b', 'B', 'awaiting_reassignment', { replacesAssignmentId: 'a' })];
    expect(codes(disagreeingReturns(all, 'b'))).toEqual(['A', 'B']);
  });

  it('joins a lead and a co-unit that both returned the grievance and wait for reassignment', () => {
    const all = [row('l', 'L', 'awaiting_reassignment'), row('c', 'C', 'awaiting_reassignment')];
    expect(codes(disagreeingReturns(all, 'c'))).toEqual(['C', 'L']);
  });

  it('leaves out a return settled by reassignment to a unit that accepted, and returns already disputed', () => {
    const all = [
      row('a', 'A', 'reassigned'),
      row('b', 'B', 'accepted', { replacesAssignmentId: 'a' }),
      row('d', 'D', 'reassigned', { disputeId: 'old' }),
      row('c', 'C', 'awaiting_reassignment'),
    ];
    expect(codes(disagreeingReturns(all, 'c'))).toEqual(['C']);
  });

  it('stops at a chain link that was not returned (a handover) and never loops', () => {
    const all = [row('a', 'A', 'handed_over', { replacesAssignmentId: 'b' }), row('b', 'B', 'awaiting_reassignment', { replacesAssignmentId: 'a' })];
    expect(codes(disagreeingReturns(all, 'b'))).toEqual(['B']);
    const cyclic = [row('a', 'A', 'reassigned', { replacesAssignmentId: 'b' }), row('b', 'B', 'awaiting_reassignment', { replacesAssignmentId: 'a' })];
    expect(codes(disagreeingReturns(cyclic, 'b'))).toEqual(['A', 'B']);
  });
});
