import { randomUUID } from 'node:crypto';
import {
  AssignmentClosed,
  HandoffReturned,
  RoutingAcceptAssignment,
  RoutingGetAssignment,
  RoutingRedirectGrievance,
  RoutingRequestHandover,
  type AssignmentClosedV1,
  type EventEnvelope,
  type HandoffReturnedV1,
} from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { actor, HOUSING, HR, SHIQIAO_MEDIATION, SHIQIAO_TOWN, WorkbenchHarness } from './testing/workbench-harness';

const LABOUR_COMMITTEE = 'med_labour';

describe('访调 settled by agreement: routing closes the grievance’s open assignments (real PostgreSQL and NATS)', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** Publishes mediation's `handoff.returned` fact; `twice`: the same event again under a new message id (a redelivery). */
  async function returned(grievanceId: string, over: Partial<HandoffReturnedV1> = {}, twice = false): Promise<HandoffReturnedV1> {
    const data: HandoffReturnedV1 = {
      handoffId: randomUUID(), kind: 'petition_mediation', grievanceId, sourceReference: '330621-26-3301W', sourceOrgCode: HR,
      targetOrgCode: LABOUR_COMMITTEE, regionCode: '330621', at: new Date().toISOString(), outcome: 'agreement', followUp: 'close_petition', ...over,
    };
    const event: EventEnvelope<HandoffReturnedV1> = { id: randomUUID(), type: HandoffReturned.subject, v: 1, occurredAt: data.at, data };
    await h.probe.publish(h.ns.subject(HandoffReturned.subject), event, event.id);
    if (twice) await h.probe.publish(h.ns.subject(HandoffReturned.subject), event, randomUUID());
    return data;
  }

  const statusesOf = async (grievanceId: string): Promise<Record<string, string>> =>
    Object.fromEntries((await h.pg.query('SELECT org_code, status FROM routing.assignment WHERE grievance_id = $1', [grievanceId])).rows.map((r) => [r.org_code, r.status]));

  /** Waits until the closing fact for `marker` was applied: facts on one subject are consumed in order, so the ones before it were too. */
  const settledAfter = (marker: string) =>
    waitFor('the marker grievance closed', async () => {
      const s = Object.values(await statusesOf(marker));
      return s.length > 0 && s.every((x) => x === 'closed') ? true : undefined;
    });

  it('closes the lead and co-unit assignments once, drops a pending handover, and publishes routing.assignment.closed per assignment', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead, co] = assignments;
    expect([lead.org_code, co.org_code]).toEqual([HR, HOUSING]);
    await h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR) });
    await h.request(RoutingAcceptAssignment, { assignmentId: co.id, by: actor(HOUSING) });
    await h.request(RoutingRequestHandover, { assignmentId: co.id, by: actor(HOUSING), toOrgCode: 'dept_social_insurance', reason: '主要诉求为补缴社保' });

    const r = await returned(grievanceId, {}, true);
    const facts = await h.awaitFacts<AssignmentClosedV1>(AssignmentClosed.subject, grievanceId, 2);
    expect(await statusesOf(grievanceId)).toEqual({ [HR]: 'closed', [HOUSING]: 'closed' });
    expect(facts.map((f) => f.data).sort((x, y) => x.orgCode.localeCompare(y.orgCode))).toEqual([
      { assignmentId: co.id, grievanceId, trackingCode: '330621-26-3301W', role: 'co', orgCode: HOUSING, cause: 'mediation_agreement', handoffId: r.handoffId, mediationOrgCode: LABOUR_COMMITTEE, at: r.at },
      { assignmentId: lead.id, grievanceId, trackingCode: '330621-26-3301W', role: 'lead', orgCode: HR, cause: 'mediation_agreement', handoffId: r.handoffId, mediationOrgCode: LABOUR_COMMITTEE, at: r.at },
    ]);
    const view = await h.request(RoutingGetAssignment, { assignmentId: co.id });
    expect(view).toMatchObject({ status: 'closed', pendingHandover: null });
    const { rows: handovers } = await h.pg.query('SELECT status, decided_by FROM routing.assignment_handover WHERE assignment_id = $1', [co.id]);
    expect(handovers).toEqual([{ status: 'declined', decided_by: 'system' }]);
    const { rows: steps } = await h.pg.query(`SELECT assignment_id, detail FROM routing.assignment_activity WHERE kind = 'closed' AND assignment_id = ANY($1)`, [[lead.id, co.id]]);
    expect(steps).toHaveLength(2);
    expect(steps[0].detail).toEqual({ cause: 'mediation_agreement', handoffId: r.handoffId, mediationOrgCode: LABOUR_COMMITTEE });

    // A later return for the same grievance finds nothing open: no second closure, no new fact.
    await returned(grievanceId);
    const marker = await h.receive();
    await returned(marker.grievanceId);
    await settledAfter(marker.grievanceId);
    expect(await h.expectPublishedOnce(grievanceId)).toMatchObject({ [AssignmentClosed.subject]: 2 });
  });

  it('leaves open a case whose mediation failed or continues, and ignores other kinds and grievances it never saw', async () => {
    const { grievanceId } = await h.receive();
    await returned(grievanceId, { outcome: 'failure', followUp: 'continue_petition' });
    await returned(grievanceId, { outcome: 'agreement', followUp: 'continue_petition' });
    await returned(grievanceId, { kind: 'litigation_mediation', followUp: 'close_petition' });
    await returned(randomUUID());
    const marker = await h.receive();
    await returned(marker.grievanceId);
    await settledAfter(marker.grievanceId);
    expect(await statusesOf(grievanceId)).toEqual({ [HR]: 'created', [HOUSING]: 'created' });
    expect(await h.facts(AssignmentClosed.subject, grievanceId)).toEqual([]);
  });

  it('leaves finished assignments as they are: a case redirected to mediation has nothing open to close', async () => {
    const { grievanceId, assignments } = await h.receive({ categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false });
    const [lead] = assignments;
    await h.request(RoutingRedirectGrievance, { grievanceId, to: 'mediation', targetOrgCode: SHIQIAO_MEDIATION, reason: '相邻通行纠纷，双方同意人民调解', by: actor(SHIQIAO_TOWN) });
    await returned(grievanceId, { targetOrgCode: SHIQIAO_MEDIATION, sourceOrgCode: SHIQIAO_TOWN });
    const marker = await h.receive();
    await returned(marker.grievanceId);
    await settledAfter(marker.grievanceId);
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).status).toBe('redirected');
    expect(await h.facts(AssignmentClosed.subject, grievanceId)).toEqual([]);
  });
});
