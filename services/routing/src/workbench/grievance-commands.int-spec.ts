import {
  GrievanceRedirected,
  GrievanceTriaged,
  RoutingAcceptAssignment,
  RoutingGetAssignment,
  RoutingOverrideTriage,
  RoutingRedirectGrievance,
  type GrievanceRedirectedV1,
  type GrievanceTriagedV1,
} from '@yikouban/contracts';
import { actor, COMMAND_CENTRE, HOUSING, HR, SHIQIAO_MEDIATION, SHIQIAO_TOWN, WorkbenchHarness } from './testing/workbench-harness';

describe('commands on a grievance: triage override, redirection to mediation or another statutory body', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const decisionsOf = async (grievanceId: string) =>
    (await h.pg.query('SELECT id, statutory_path, complexity, colour, guided_to, decided_by, replaces, override_reason FROM routing.triage_decision WHERE grievance_id = $1 ORDER BY decided_at', [grievanceId])).rows;

  it('records an operator’s override as a new decision naming the one it replaces, and publishes it', async () => {
    const { grievanceId } = await h.receive();
    const [auto] = await decisionsOf(grievanceId);
    expect(auto).toMatchObject({ decided_by: 'auto', replaces: null, statutory_path: 'arbitration' });

    const first = await h.request(RoutingOverrideTriage, { grievanceId, complexity: 'complex', colour: 'blue', reason: '经核实工资已部分支付，不再紧急', operatorId: 'op-zhang' });
    expect(first).toMatchObject({ replaces: auto.id, decidedBy: 'op-zhang', overrideReason: '经核实工资已部分支付，不再紧急', statutoryPath: 'arbitration', complexity: 'complex', colour: 'blue', guidedTo: auto.guided_to });
    const second = await h.request(RoutingOverrideTriage, { grievanceId, statutoryPath: 'mediation', reason: '双方同意先行调解', operatorId: 'op-li' });
    expect(second).toMatchObject({ replaces: first.decisionId, statutoryPath: 'mediation', complexity: 'complex', colour: 'blue', guidedTo: null });

    const rows = await decisionsOf(grievanceId);
    expect(rows.map((r) => [r.decided_by, r.replaces])).toEqual([['auto', null], ['op-zhang', auto.id], ['op-li', first.decisionId]]);
    const facts = await h.awaitFacts<GrievanceTriagedV1>(GrievanceTriaged.subject, grievanceId, 3);
    expect(facts.map((f) => f.data.decidedBy)).toEqual(['auto', 'op-zhang', 'op-li']);
    expect(facts[2].data).toMatchObject({ statutoryPath: 'mediation', complexity: 'complex', colour: 'blue' });
    expect(facts[1].data.reason).toContain('经核实工资已部分支付');
    await h.expectPublishedOnce(grievanceId);
  });

  it('chains concurrent overrides one after the other instead of forking the record', async () => {
    const { grievanceId } = await h.receive();
    const results = await Promise.all(
      ['red', 'yellow', 'green'].map((colour, i) => h.request(RoutingOverrideTriage, { grievanceId, colour: colour as 'red', reason: `第${i + 1}次调整`, operatorId: `op-${i}` })),
    );
    const replaced = results.map((r) => r.replaces);
    expect(new Set(replaced).size).toBe(3);
    const rows = await decisionsOf(grievanceId);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => !rows.some((x) => x.replaces === r.id))).toHaveLength(1);
  });

  it('refuses an override without a reason, without a change, or for a grievance routing never saw', async () => {
    const { grievanceId } = await h.receive();
    const noReason = await h.refusal(RoutingOverrideTriage, { grievanceId, colour: 'red', operatorId: 'op-zhang' } as never);
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toContain('reason');
    expect(await h.refusal(RoutingOverrideTriage, { grievanceId, reason: '无调整', operatorId: 'op-zhang' })).toMatchObject({ code: 'BAD_REQUEST', domain: 'nothing_to_override' });
    expect(await h.refusal(RoutingOverrideTriage, { grievanceId: '00000000-0000-4000-8000-000000000001', colour: 'red', reason: '测试', operatorId: 'op-zhang' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hands a neighbour dispute to the town’s mediation committee and closes the lead assignment as redirected', async () => {
    const { grievanceId, assignments } = await h.receive({ categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false });
    const lead = assignments.find((a) => a.role === 'lead');
    expect(lead?.org_code).toBe(SHIQIAO_TOWN);
    await h.request(RoutingAcceptAssignment, { assignmentId: lead!.id, by: actor(SHIQIAO_TOWN) });

    expect(await h.refusal(RoutingRedirectGrievance, { grievanceId, to: 'mediation', targetOrgCode: 'court_330621', reason: '诉前调解', by: actor(SHIQIAO_TOWN) })).toMatchObject({ code: 'BAD_REQUEST', domain: 'target_kind_mismatch' });
    expect(await h.refusal(RoutingRedirectGrievance, { grievanceId, to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, reason: '调解', by: actor('dept_education') })).toMatchObject({ code: 'FORBIDDEN' });

    const view = await h.request(RoutingRedirectGrievance, { grievanceId, to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, reason: '相邻通行纠纷，双方同意人民调解', by: actor(SHIQIAO_TOWN) });
    expect(view).toMatchObject({ to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, targetOrgName: '石桥镇人民调解委员会', sourceAssignmentId: lead!.id });
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead!.id })).status).toBe('redirected');
    const [fact] = await h.awaitFacts<GrievanceRedirectedV1>(GrievanceRedirected.subject, grievanceId, 1);
    expect(fact.data).toMatchObject({ grievanceId, to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, sourceAssignmentId: lead!.id, sourceOrgCode: SHIQIAO_TOWN, reason: '相邻通行纠纷，双方同意人民调解' });
    expect(await h.refusal(RoutingRedirectGrievance, { grievanceId, to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, reason: '再次', by: actor(SHIQIAO_TOWN) })).toMatchObject({ code: 'CONFLICT', domain: 'no_working_lead' });
    expect((await h.expectPublishedOnce(grievanceId))[GrievanceRedirected.subject]).toBe(1);
  });

  it('lets the command centre send a case to the court, closing the co-unit’s part with it', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead, co] = assignments;
    expect(co.org_code).toBe(HOUSING);
    const view = await h.request(RoutingRedirectGrievance, { grievanceId, to: 'court', targetOrgCode: 'court_330621', reason: '已进入诉讼程序，诉访分离', by: actor(COMMAND_CENTRE) });
    expect([...view.closedAssignmentIds].sort()).toEqual([lead.id, co.id].sort());
    const { rows } = await h.pg.query('SELECT org_code, status FROM routing.assignment WHERE grievance_id = $1 ORDER BY role DESC', [grievanceId]);
    expect(rows).toEqual([{ org_code: HR, status: 'redirected' }, { org_code: HOUSING, status: 'closed' }]);
  });
});
