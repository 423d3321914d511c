import { randomUUID } from 'node:crypto';
import { AssignmentCreated, AssignmentReplied, GrievanceReceived, GrievanceTriaged, GrievanceWithdrawn } from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { assignment as assignmentFact, DAY, received as receivedFact, replied, scenario, supervisionUnderTest, triaged as triagedFact, withdrawal } from './testing/facts';

const REGION = '330621101';

describe('a withdrawn grievance leaves the backlog and the board, whichever order its facts come in (real PostgreSQL and NATS)', () => {
  const t = supervisionUnderTest({ database: 'supervision_withdrawn_case' });

  // In a town of its own, each scenario under a category and a unit of its own.
  const received = (grievanceId: string, category: string, receivedAt: Date, firstTime = false) => receivedFact(grievanceId, receivedAt, { regionCode: REGION, categoryCode: category, firstTime });
  const assignment = (grievanceId: string, org: string, createdAt: Date) => assignmentFact(grievanceId, createdAt, { orgCode: org, regionCode: REGION });
  const triaged = (grievanceId: string, category: string, decidedAt: Date) => triagedFact(grievanceId, decidedAt, { categoryCode: category });
  const handlingClock = (grievanceId: string) => t.rows.clockStarted(grievanceId, 'handling');
  const caseOf = async (grievanceId: string) => {
    const c = await t.rows.caseOf(grievanceId);
    return c && { open: c.open, withdrawn_at: c.withdrawn_at };
  };

  it('takes the grievance out of the open cases and stops its clocks when the withdrawal comes last; an equivalent withdrawal changes nothing', async () => {
    const { category, org } = scenario('wd');
    const kept = randomUUID();
    const withdrawn = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    for (const id of [kept, withdrawn]) {
      await t.sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await t.sut.publish(AssignmentCreated, assignment(id, org, new Date(receivedAt.getTime() + DAY)));
      await handlingClock(id);
    }
    await waitFor('both open', async () => ((await t.views.indicators(category, receivedAt)).backlog === 2 ? true : undefined));
    expect((await t.views.backlogIds(org)).sort()).toEqual([kept, withdrawn].sort());

    const withdrawnAt = new Date(Date.now() - DAY);
    const first = await t.sut.publish(GrievanceWithdrawn, withdrawal(withdrawn, withdrawnAt));
    await t.rows.applied(first.id);

    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await caseOf(kept)).toEqual({ open: true, withdrawn_at: null });
    // Out of the open-case count and the backlog; its receipt and assignment happened and stay counted.
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await t.views.backlogIds(org)).toEqual([kept]);
    expect((await t.rows.clockOf(withdrawn, 'handling'))?.history.at(-1)).toEqual({ at: withdrawnAt.toISOString(), change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject} ${first.id}` });
    expect(await t.rows.counting(withdrawn)).toEqual([]);
    expect(await t.rows.counting(kept)).toEqual(['handling']);

    // The same withdrawal again under another event id (an equivalent fact) changes nothing.
    const before = await t.rows.clocksOf(withdrawn);
    const again = { id: randomUUID(), type: GrievanceWithdrawn.subject, v: 1, occurredAt: new Date().toISOString(), data: withdrawal(withdrawn, withdrawnAt) };
    await t.probe.publish(t.ns.subject(GrievanceWithdrawn.subject), again, again.id);
    await t.rows.applied(again.id);
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await t.rows.clocksOf(withdrawn)).toEqual(before);

    // Overdue by now: the board shows the kept grievance's clock, never the withdrawn one's.
    expect(await t.views.boardAfterSweep(org)).toEqual([kept]);
  });

  it('counts the same when the withdrawal comes before the receipt, triage, assignment and reply', async () => {
    const { category, org } = scenario('wd');
    const kept = randomUUID();
    const withdrawn = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    const withdrawnAt = new Date(Date.now() - 66 * DAY);

    const withdrawalEvent = await t.sut.publish(GrievanceWithdrawn, withdrawal(withdrawn, withdrawnAt));
    await t.rows.applied(withdrawalEvent.id);
    for (const id of [kept, withdrawn]) {
      const receipt = await t.sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await t.rows.applied(receipt.id);
      const triage = await t.sut.publish(GrievanceTriaged, triaged(id, category, new Date(receivedAt.getTime() + 60_000)));
      await t.rows.applied(triage.id);
    }
    // The receipt did not reopen it.
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    // Its registration clock started already stopped, at the withdrawal (the first decision).
    expect(await t.rows.clockOf(withdrawn, 'registration')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), { at: withdrawnAt.toISOString(), change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject} ${withdrawalEvent.id}` }],
    });

    // Assigned after the withdrawal was recorded: its clocks start stopped, never before their start.
    const lead = assignment(withdrawn, org, new Date(Date.now() - 65 * DAY));
    const assigned = await t.sut.publish(AssignmentCreated, lead);
    await t.sut.publish(AssignmentCreated, assignment(kept, org, new Date(Date.now() - 65 * DAY)));
    const handling = await handlingClock(withdrawn);
    await handlingClock(kept);
    expect(handling).toMatchObject({ state: 'stopped', stopped_at: handling.started_at });
    expect(handling.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${AssignmentCreated.subject} ${assigned.id}`],
      ['stopped', `withdrawn: ${GrievanceWithdrawn.subject}, applied before ${AssignmentCreated.subject} ${assigned.id}`],
    ]);
    expect(await t.rows.counting(withdrawn)).toEqual([]);
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await t.views.backlogIds(org)).toEqual([kept]);

    // A reply the unit sent before it learnt of the withdrawal: the return visit it schedules does not count either.
    const reply = await t.sut.publish(AssignmentReplied, replied(lead, new Date(Date.now() - 30 * DAY)));
    await t.rows.applied(reply.id);
    expect(await t.rows.clockOf(withdrawn, 'return_visit')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), expect.objectContaining({ change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject}, applied before ${AssignmentReplied.subject} ${reply.id}` })],
    });
    expect(await t.rows.counting(withdrawn)).toEqual([]);
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });

    expect(await t.views.boardAfterSweep(org)).toEqual([kept]);
  });

  it('leaves the stopped clocks of an assignment applied after the withdrawal where they are when the receipt comes last', async () => {
    const { category, org } = scenario('wd');
    const grievanceId = randomUUID();
    const receivedAt = new Date(Date.now() - 40 * DAY);
    const withdrawnAt = new Date(Date.now() - 38 * DAY);

    const withdrawalEvent = await t.sut.publish(GrievanceWithdrawn, withdrawal(grievanceId, withdrawnAt));
    await t.rows.applied(withdrawalEvent.id);
    await t.sut.publish(AssignmentCreated, assignment(grievanceId, org, new Date(Date.now() - 39 * DAY)));
    const handling = await handlingClock(grievanceId);
    // Started on the assignment, awaiting the receipt, and stopped at the withdrawal.
    expect(handling).toMatchObject({ state: 'stopped', awaiting_receipt: true, stopped_at: withdrawnAt });

    // A first-time grievance: had the clocks been running, the receipt would move them and start the feedback clock.
    const receipt = await t.sut.publish(GrievanceReceived, received(grievanceId, category, receivedAt, true));
    await t.rows.applied(receipt.id);
    expect(await t.rows.clockOf(grievanceId, 'handling')).toEqual({ ...handling, awaiting_receipt: false });
    expect((await t.rows.clocksOf(grievanceId)).map((c) => c.step)).toEqual(['handling', 'registration']);
    expect(await t.rows.counting(grievanceId)).toEqual([]);
    expect(await caseOf(grievanceId)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    // Its assignment counted before the receipt named the category (under none), as for any grievance.
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 0, received: 1, assigned: 0 });
    expect(await t.views.backlogIds(org)).toEqual([]);

    expect(await t.views.boardAfterSweep(org)).toEqual([]);
  });
});
