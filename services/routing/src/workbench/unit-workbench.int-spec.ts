import {
  AssignmentAccepted,
  AssignmentCreated,
  AssignmentProgressed,
  AssignmentReplied,
  RoutingAcceptAssignment,
  RoutingAssignmentInbox,
  RoutingContributeToReply,
  RoutingDispatchOnSite,
  RoutingGetAssignment,
  RoutingRecordProgress,
  RoutingReplyToGrievance,
  RoutingSetCaseLeader,
  type AssignmentItem,
  type AssignmentProgressedV1,
  type AssignmentRepliedV1,
} from '@yikouban/contracts';
import { actor, HOUSING, HR, LETTER, WorkbenchHarness } from './testing/workbench-harness';

describe('the unit workbench over NATS: accept, progress, contribute, reply; the inbox', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('takes a collective wage-arrears case from acceptance to the lead unit’s reply with the co-unit’s contribution', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead, co] = assignments;
    expect([lead.org_code, co.org_code]).toEqual([HR, HOUSING]);

    const accepted = await h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR) });
    expect(accepted).toMatchObject({ status: 'accepted', role: 'lead', orgCode: HR });
    expect(accepted.acceptedAt).not.toBeNull();
    await h.request(RoutingAcceptAssignment, { assignmentId: co.id, by: actor(HOUSING) });

    await h.request(RoutingSetCaseLeader, { assignmentId: lead.id, by: actor(HR), leaderName: '王建国', leaderTitle: '县人社局局长' });
    const progressed = await h.request(RoutingRecordProgress, { assignmentId: lead.id, by: actor(HR), note: '已约谈总包单位负责人，核对工资清单' });
    expect(progressed.status).toBe('in_progress');
    const dispatched = await h.request(RoutingDispatchOnSite, { assignmentId: lead.id, by: actor(HR), team: '劳动监察大队二中队', expectedArrivalAt: '2026-03-02T03:00:00.000Z' });
    expect(dispatched.timeline.at(-1)).toMatchObject({ kind: 'dispatched', detail: { team: '劳动监察大队二中队', expectedArrivalAt: '2026-03-02T03:00:00.000Z' } });

    // Only co-units contribute, only the lead replies.
    expect(await h.refusal(RoutingContributeToReply, { assignmentId: lead.id, by: actor(HR), text: '自己给自己' })).toMatchObject({ code: 'CONFLICT', domain: 'co_only' });
    expect(await h.refusal(RoutingReplyToGrievance, { assignmentId: co.id, by: actor(HOUSING), letter: LETTER })).toMatchObject({ code: 'CONFLICT', domain: 'lead_only' });

    const contributed = await h.request(RoutingContributeToReply, { assignmentId: co.id, by: actor(HOUSING), text: '住建局已责令总包单位使用工资保证金先行清偿' });
    expect(contributed.contributions.map((c) => c.text)).toEqual(['住建局已责令总包单位使用工资保证金先行清偿']);
    const leadBefore = await h.request(RoutingGetAssignment, { assignmentId: lead.id });
    expect(leadBefore.contributions.map((c) => c.orgCode)).toEqual([HOUSING]);

    const replied = await h.request(RoutingReplyToGrievance, { assignmentId: lead.id, by: actor(HR), letter: LETTER });
    expect(replied.status).toBe('replied');
    expect(replied.caseLeader).toEqual({ name: '王建国', title: '县人社局局长' });
    expect(replied.reply?.letter).toEqual(LETTER);
    expect(replied.reply?.contributions.map((c) => [c.orgCode, c.text])).toEqual([[HOUSING, '住建局已责令总包单位使用工资保证金先行清偿']]);
    expect(replied.timeline.map((t) => t.kind)).toEqual(['accepted', 'case_leader', 'progress_note', 'dispatched', 'replied']);

    // The co-unit's part ends with the reply; a late contribution is refused.
    expect((await h.request(RoutingGetAssignment, { assignmentId: co.id })).status).toBe('closed');
    expect(await h.refusal(RoutingContributeToReply, { assignmentId: co.id, by: actor(HOUSING), text: '迟到的意见' })).toMatchObject({ code: 'CONFLICT', domain: 'illegal_transition' });
    expect(await h.refusal(RoutingReplyToGrievance, { assignmentId: lead.id, by: actor(HR), letter: LETTER })).toMatchObject({ code: 'CONFLICT', domain: 'illegal_transition' });

    const [fact] = await h.awaitFacts<AssignmentRepliedV1>(AssignmentReplied.subject, grievanceId, 1);
    expect(fact.data).toMatchObject({ assignmentId: lead.id, role: 'lead', orgCode: HR, letter: { conclusion: 'support' }, contributions: [{ fromAssignmentId: co.id, orgCode: HOUSING }] });
    const progress = await h.awaitFacts<AssignmentProgressedV1>(AssignmentProgressed.subject, grievanceId, 4);
    expect(progress.map((p) => p.data.kind).sort()).toEqual(['case_leader', 'contribution', 'dispatch', 'note']);
    expect(await h.expectPublishedOnce(grievanceId)).toEqual({
      [AssignmentAccepted.subject]: 2,
      [AssignmentCreated.subject]: 2,
      [AssignmentProgressed.subject]: 4,
      [AssignmentReplied.subject]: 1,
      'routing.grievance.triaged': 1,
    });
  });

  it('refuses a unit acting on another unit’s assignment, and a reply letter without legal basis', async () => {
    const { assignments } = await h.receive();
    const [lead] = assignments;
    expect(await h.refusal(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HOUSING) })).toMatchObject({ code: 'FORBIDDEN', domain: 'actor_not_permitted' });
    await h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR) });
    const bad = await h.refusal(RoutingReplyToGrievance, { assignmentId: lead.id, by: actor(HR), letter: { ...LETTER, legalBasis: [] } });
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('legalBasis');
  });

  it('applies a double accept once, however close together the two arrive', async () => {
    const { grievanceId, assignments } = await h.receive();
    const [lead] = assignments;
    const results = await Promise.allSettled([
      h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR, 'clerk-a') }),
      h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR, 'clerk-b') }),
      h.request(RoutingAcceptAssignment, { assignmentId: lead.id, by: actor(HR, 'clerk-c') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^illegal_transition/) });
    const view = await h.request(RoutingGetAssignment, { assignmentId: lead.id });
    expect(view.timeline.filter((t) => t.kind === 'accepted')).toHaveLength(1);
    await h.awaitFacts(AssignmentAccepted.subject, grievanceId, 1);
    expect((await h.expectPublishedOnce(grievanceId))[AssignmentAccepted.subject]).toBe(1);
  });

  it('shows a unit only its own assignments, newest first, page by page without gaps or repeats', async () => {
    for (let i = 0; i < 4; i++) await h.receive();
    const { rows } = await h.pg.query<{ id: string }>(`SELECT id FROM routing.assignment WHERE org_code = $1 ORDER BY created_at DESC, id DESC`, [HR]);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const seen: AssignmentItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const p = await h.request(RoutingAssignmentInbox, { orgCode: HR, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...p.items);
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(seen.map((i) => i.id)).toEqual(rows.map((r) => r.id));
    expect(new Set(seen.map((i) => i.orgCode))).toEqual(new Set([HR]));

    const housing = await h.request(RoutingAssignmentInbox, { orgCode: HOUSING, limit: 100 });
    expect(housing.items.length).toBeGreaterThan(0);
    expect(housing.items.every((i) => i.orgCode === HOUSING && i.role === 'co')).toBe(true);
    expect(housing.items.some((i) => seen.some((s) => s.id === i.id))).toBe(false);

    const replied = await h.request(RoutingAssignmentInbox, { orgCode: HR, status: ['replied'] });
    expect(replied.items.length).toBeGreaterThan(0);
    expect(replied.items.every((i) => i.status === 'replied')).toBe(true);

    expect(await h.refusal(RoutingAssignmentInbox, { orgCode: HR, limit: 101 })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await h.refusal(RoutingAssignmentInbox, { orgCode: HR, cursor: 'not-a-cursor' })).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_cursor' });
  });

  it('lets the unit, its fellow units on the case and the command centre look at an assignment, nobody else', async () => {
    const { assignments } = await h.receive();
    const [lead] = assignments;
    for (const viewer of [HR, HOUSING, 'command_330621']) expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id, viewerOrgCode: viewer })).id).toBe(lead.id);
    expect(await h.refusal(RoutingGetAssignment, { assignmentId: lead.id, viewerOrgCode: 'dept_education' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.refusal(RoutingGetAssignment, { assignmentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
