import {
  AssignmentCreated,
  AssignmentReassigned,
  AssignmentReturned,
  JurisdictionDecided,
  JurisdictionDisputed,
  RoutingAcceptAssignment,
  RoutingAcceptHandover,
  RoutingAssignmentInbox,
  RoutingDecideJurisdiction,
  RoutingDeclineHandover,
  RoutingGetAssignment,
  RoutingListDisputes,
  RoutingPendingHandovers,
  RoutingReassignAssignment,
  RoutingReplyToGrievance,
  RoutingRequestHandover,
  RoutingReturnAssignment,
  type AssignmentReassignedV1,
  type AssignmentReturnedV1,
  type JurisdictionDecidedV1,
  type JurisdictionDisputedV1,
} from '@yikouban/contracts';
import { actor, COMMAND_CENTRE, HOUSING, HR, JOINT_OFFICE, LETTER, SHIQIAO_TOWN, WorkbenchHarness } from './testing/workbench-harness';

const SOCIAL_INSURANCE = 'dept_social_insurance';
const SHANGYANG_VC = 'vc_330621103202';
const LAND = 'dept_natural_resources';
const neighbourDispute = { categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false };

describe('returns (第二十三条), reassignment, disputes (第二十四条) and handovers (首接负责制)', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('takes a return within the window back to the command centre, which reassigns it to another unit', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead] = assignments;
    const before = await h.request(RoutingGetAssignment, { assignmentId: lead.id });
    expect(Date.parse(before.returnDeadlineAt)).toBeGreaterThan(Date.parse(before.createdAt) + 5 * 86_400_000);

    expect(await h.refusal(RoutingReturnAssignment, { assignmentId: lead.id, by: actor(HR), reason: '   ' })).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_command' });
    const returned = await h.request(RoutingReturnAssignment, { assignmentId: lead.id, by: actor(HR), reason: '系社保缴费争议，属社保中心职责' });
    expect(returned).toMatchObject({ status: 'awaiting_reassignment', returnReason: '系社保缴费争议，属社保中心职责' });
    const [fact] = await h.awaitFacts<AssignmentReturnedV1>(AssignmentReturned.subject, grievanceId, 1);
    expect(fact.data).toMatchObject({ assignmentId: lead.id, nextStatus: 'awaiting_reassignment', reason: '系社保缴费争议，属社保中心职责' });
    expect(fact.data.disputeId).toBeUndefined();

    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(HR), toOrgCode: SOCIAL_INSURANCE, reason: '自行转交' })).toMatchObject({ code: 'FORBIDDEN', domain: 'actor_not_permitted' });
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: HR, reason: '仍由人社办理' })).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_command' });
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: HOUSING, reason: '改由住建' })).toMatchObject({ code: 'CONFLICT', domain: 'already_assigned' });

    const fresh = await h.request(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: SOCIAL_INSURANCE, reason: '退回理由成立，改派社保中心' });
    expect(fresh).toMatchObject({ role: 'lead', orgCode: SOCIAL_INSURANCE, status: 'created', replacesAssignmentId: lead.id, ruleId: `reassigned:${COMMAND_CENTRE}` });
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).status).toBe('reassigned');
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: 'dept_finance', reason: '再派' })).toMatchObject({ code: 'CONFLICT', domain: 'illegal_transition' });

    const inbox = await h.request(RoutingAssignmentInbox, { orgCode: SOCIAL_INSURANCE });
    expect(inbox.items.map((i) => i.id)).toContain(fresh.id);
    const [moved] = await h.awaitFacts<AssignmentReassignedV1>(AssignmentReassigned.subject, grievanceId, 1);
    expect(moved.data).toMatchObject({ assignmentId: lead.id, cause: 'command_centre', toAssignmentId: fresh.id, toOrgCode: SOCIAL_INSURANCE, by: actor(COMMAND_CENTRE) });
    expect(await h.expectPublishedOnce(grievanceId)).toMatchObject({ [AssignmentCreated.subject]: 3, [AssignmentReturned.subject]: 1, [AssignmentReassigned.subject]: 1 });
  });

  it('refuses a return after the five working days, and once the unit has signed for it', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead, co] = assignments;
    await h.pg.query(`UPDATE routing.assignment SET return_deadline_at = now() - interval '1 minute' WHERE id = $1`, [lead.id]);
    const late = await h.refusal(RoutingReturnAssignment, { assignmentId: lead.id, by: actor(HR), reason: '不属于本单位' });
    expect(late).toMatchObject({ code: 'CONFLICT', domain: 'return_window_closed' });
    expect(late.message).toContain('5');
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).status).toBe('created');

    await h.request(RoutingAcceptAssignment, { assignmentId: co.id, by: actor(HOUSING) });
    expect(await h.refusal(RoutingReturnAssignment, { assignmentId: co.id, by: actor(HOUSING), reason: '不属于本单位' })).toMatchObject({ code: 'CONFLICT', domain: 'illegal_transition' });
    await h.expectPublishedOnce(grievanceId);
    expect(await h.facts(AssignmentReturned.subject, grievanceId)).toEqual([]);
  });

  it('sends a grievance two units each returned to the joint conference, whose decision binds', async () => {
    const { grievanceId, assignments } = await h.receive(neighbourDispute);
    const [town] = assignments;
    expect(town.org_code).toBe(SHIQIAO_TOWN);
    await h.request(RoutingReturnAssignment, { assignmentId: town.id, by: actor(SHIQIAO_TOWN), reason: '系土地权属争议，应由自然资源局处理' });
    const land = await h.request(RoutingReassignAssignment, { assignmentId: town.id, by: actor(COMMAND_CENTRE), toOrgCode: LAND, reason: '改派自然资源局' });
    const second = await h.request(RoutingReturnAssignment, { assignmentId: land.id, by: actor(LAND), reason: '相邻关系纠纷属属地镇街职责' });
    expect(second.status).toBe('disputed');
    expect(second.disputeId).not.toBeNull();

    const [disputed] = await h.awaitFacts<JurisdictionDisputedV1>(JurisdictionDisputed.subject, grievanceId, 1);
    expect(disputed.data).toMatchObject({ disputeId: second.disputeId, escalatedToOrgCode: JOINT_OFFICE, basis: 'joint_conference' });
    expect([...disputed.data.disputantOrgCodes].sort()).toEqual([LAND, SHIQIAO_TOWN].sort());
    const returnedFacts = await h.awaitFacts<AssignmentReturnedV1>(AssignmentReturned.subject, grievanceId, 2);
    expect(returnedFacts.find((f) => f.data.assignmentId === land.id)?.data).toMatchObject({ nextStatus: 'disputed', disputeId: second.disputeId });

    // The command centre may no longer pick a unit: the dispute is for the joint conference.
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: land.id, by: actor(COMMAND_CENTRE), toOrgCode: 'dept_civil_affairs', reason: '改派民政' })).toMatchObject({ code: 'CONFLICT', domain: 'jurisdiction_disputed' });
    const [open] = await h.request(RoutingListDisputes, { orgCode: JOINT_OFFICE, status: 'open' });
    expect(open).toMatchObject({ id: second.disputeId, grievanceId, status: 'open', escalatedToOrgName: '县信访工作联席会议办公室' });
    expect(open.disputants.map((d) => [d.orgCode, d.reason])).toEqual([
      [SHIQIAO_TOWN, '系土地权属争议，应由自然资源局处理'],
      [LAND, '相邻关系纠纷属属地镇街职责'],
    ]);

    const decide = { disputeId: second.disputeId as string, leadOrgCode: SHIQIAO_TOWN, coOrgCodes: [SHANGYANG_VC], reason: '联席会议决定：按属地管理由石桥镇主办，上垟村委会协办', by: actor(JOINT_OFFICE) };
    expect(await h.refusal(RoutingDecideJurisdiction, { ...decide, by: actor(COMMAND_CENTRE) })).toMatchObject({ code: 'FORBIDDEN', domain: 'actor_not_permitted' });
    const decided = await h.request(RoutingDecideJurisdiction, decide);
    expect(decided).toMatchObject({ status: 'decided', decision: { leadOrgCode: SHIQIAO_TOWN, coOrgCodes: [SHANGYANG_VC] } });
    expect(decided.decision?.assignmentIds).toHaveLength(2);
    expect(await h.refusal(RoutingDecideJurisdiction, decide)).toMatchObject({ code: 'CONFLICT', domain: 'dispute_decided' });

    const [newLead, newCo] = await Promise.all(decided.decision!.assignmentIds.map((id) => h.request(RoutingGetAssignment, { assignmentId: id })));
    expect(newLead).toMatchObject({ role: 'lead', orgCode: SHIQIAO_TOWN, status: 'created', bindingDecisionId: second.disputeId });
    expect(newCo).toMatchObject({ role: 'co', orgCode: SHANGYANG_VC, bindingDecisionId: second.disputeId });
    expect((await h.request(RoutingGetAssignment, { assignmentId: land.id })).status).toBe('reassigned');
    expect(await h.refusal(RoutingReturnAssignment, { assignmentId: newLead.id, by: actor(SHIQIAO_TOWN), reason: '仍不属于本镇' })).toMatchObject({ code: 'CONFLICT', domain: 'decision_binding' });
    expect((await h.request(RoutingAcceptAssignment, { assignmentId: newLead.id, by: actor(SHIQIAO_TOWN) })).status).toBe('accepted');

    const [fact] = await h.awaitFacts<JurisdictionDecidedV1>(JurisdictionDecided.subject, grievanceId, 1);
    expect(fact.data).toMatchObject({ disputeId: second.disputeId, leadOrgCode: SHIQIAO_TOWN, basis: 'joint_conference', by: actor(JOINT_OFFICE) });
    const moves = await h.awaitFacts<AssignmentReassignedV1>(AssignmentReassigned.subject, grievanceId, 2);
    expect(moves.find((m) => m.data.assignmentId === land.id)?.data).toMatchObject({ cause: 'jurisdiction_decision', toAssignmentId: newLead.id });
    expect(await h.expectPublishedOnce(grievanceId)).toMatchObject({
      [AssignmentCreated.subject]: assignments.length + 3,
      [AssignmentReturned.subject]: 2,
      [AssignmentReassigned.subject]: 2,
      [JurisdictionDisputed.subject]: 1,
      [JurisdictionDecided.subject]: 1,
    });
  });

  it('keeps the case with the first unit until the unit asked accepts the handover', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead] = assignments;
    await h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR) });
    const asked = await h.request(RoutingRequestHandover, { assignmentId: lead.id, by: actor(HR), toOrgCode: SOCIAL_INSURANCE, reason: '主要诉求为补缴社保' });
    expect(asked).toMatchObject({ status: 'requested', fromOrgCode: HR, toOrgCode: SOCIAL_INSURANCE });
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).pendingHandover).toMatchObject({ handoverId: asked.id, toOrgCode: SOCIAL_INSURANCE });
    expect((await h.request(RoutingPendingHandovers, { orgCode: SOCIAL_INSURANCE })).map((x) => x.id)).toContain(asked.id);
    expect(await h.refusal(RoutingReplyToGrievance, { assignmentId: lead.id, by: actor(HR), letter: LETTER })).toMatchObject({ code: 'CONFLICT', domain: 'handover_pending' });

    const declined = await h.request(RoutingDeclineHandover, { handoverId: asked.id, by: actor(SOCIAL_INSURANCE), reason: '欠薪为主，仍由人社主办' });
    expect(declined.status).toBe('declined');
    expect(await h.request(RoutingGetAssignment, { assignmentId: lead.id })).toMatchObject({ status: 'accepted', pendingHandover: null });

    const again = await h.request(RoutingRequestHandover, { assignmentId: lead.id, by: actor(HR), toOrgCode: SOCIAL_INSURANCE, reason: '经协商由社保中心接办' });
    expect(await h.refusal(RoutingAcceptHandover, { handoverId: again.id, by: actor(HOUSING) })).toMatchObject({ code: 'FORBIDDEN' });
    const taken = await h.request(RoutingAcceptHandover, { handoverId: again.id, by: actor(SOCIAL_INSURANCE) });
    expect(taken).toMatchObject({ role: 'lead', orgCode: SOCIAL_INSURANCE, status: 'accepted', replacesAssignmentId: lead.id });
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).status).toBe('handed_over');
    expect(await h.refusal(RoutingAcceptHandover, { handoverId: again.id, by: actor(SOCIAL_INSURANCE) })).toMatchObject({ code: 'CONFLICT', domain: 'handover_answered' });
    const [moved] = await h.awaitFacts<AssignmentReassignedV1>(AssignmentReassigned.subject, grievanceId, 1);
    expect(moved.data).toMatchObject({ cause: 'handover', toAssignmentId: taken.id });
    await h.expectPublishedOnce(grievanceId);
  });
});
