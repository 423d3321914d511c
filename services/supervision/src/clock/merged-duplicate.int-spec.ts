import { randomUUID } from 'node:crypto';
import { AssignmentCreated, GrievanceMerged, GrievanceReceived, GrievanceTriaged } from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { assignment, DAY, merge as merged, received, scenario, supervisionUnderTest, triaged } from './testing/facts';

describe('a duplicate merged into its survivor leaves the backlog and the board (real PostgreSQL and NATS)', () => {
  const t = supervisionUnderTest({ database: 'supervision_merged_duplicate' });

  const handlingClock = (grievanceId: string) => t.rows.clockStarted(grievanceId, 'handling');

  it('takes the duplicate out of the open cases and stops its clocks, the survivor staying, when the merge comes last', async () => {
    const { category, org } = scenario('dup');
    const survivor = randomUUID();
    const duplicate = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    for (const id of [survivor, duplicate]) {
      await t.sut.publish(GrievanceReceived, received(id, receivedAt, { categoryCode: category }));
      await t.sut.publish(AssignmentCreated, assignment(id, new Date(receivedAt.getTime() + DAY), { orgCode: org }));
      await handlingClock(id);
    }
    await waitFor('both open', async () => ((await t.views.indicators(category, receivedAt)).backlog === 2 ? true : undefined));
    expect((await t.views.backlogIds(org)).sort()).toEqual([survivor, duplicate].sort());

    const mergedAt = new Date(Date.now() - DAY);
    const merge = await t.sut.publish(GrievanceMerged, merged(duplicate, survivor, mergedAt));
    await t.rows.applied(merge.id);

    expect(await t.rows.caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt, withdrawn_at: null });
    expect(await t.rows.caseOf(survivor)).toMatchObject({ open: true, merged_into_id: null });
    // Out of the open-case count and the backlog; its receipt happened and stays counted.
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await t.views.backlogIds(org)).toEqual([survivor]);
    // The duplicate's handling clock stopped at the merge, with the merge as its cause (its registration
    // had stopped at the assignment); none of its clocks counts on. The survivor's runs on.
    expect((await t.rows.clockOf(duplicate, 'handling'))?.history.at(-1)).toEqual({
      at: mergedAt.toISOString(), change: 'stopped', cause: `merged into ${survivor}: ${GrievanceMerged.subject} ${merge.id}`,
    });
    expect(await t.rows.counting(duplicate)).toEqual([]);
    expect(await t.rows.clockOf(survivor, 'handling')).toMatchObject({ state: 'running' });

    // The same merge again under another event id (an equivalent fact) counts nothing twice.
    const again = { id: randomUUID(), type: GrievanceMerged.subject, v: 1, occurredAt: new Date().toISOString(), data: merged(duplicate, survivor, mergedAt) };
    await t.probe.publish(t.ns.subject(GrievanceMerged.subject), again, again.id);
    await t.rows.applied(again.id);
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await t.rows.caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt, withdrawn_at: null });

    // Overdue by now: the board shows the survivor's clock, never the duplicate's.
    expect(await t.views.boardAfterSweep(org)).toEqual([survivor]);
  });

  it('counts the same when the merge comes before the duplicate’s receipt, triage and assignment', async () => {
    const { category, org } = scenario('dup');
    const survivor = randomUUID();
    const duplicate = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    const mergedAt = new Date(Date.now() - 66 * DAY);

    const merge = await t.sut.publish(GrievanceMerged, merged(duplicate, survivor, mergedAt));
    await t.rows.applied(merge.id);
    for (const id of [survivor, duplicate]) {
      const receipt = await t.sut.publish(GrievanceReceived, received(id, receivedAt, { categoryCode: category }));
      await t.rows.applied(receipt.id);
      const triage = await t.sut.publish(GrievanceTriaged, triaged(id, new Date(receivedAt.getTime() + 60_000), { categoryCode: category }));
      await t.rows.applied(triage.id);
    }
    // Assigned after the merge was recorded: the duplicate's clocks start stopped.
    const assigned = await t.sut.publish(AssignmentCreated, assignment(duplicate, new Date(Date.now() - 65 * DAY), { orgCode: org }));
    await t.sut.publish(AssignmentCreated, assignment(survivor, new Date(Date.now() - 65 * DAY), { orgCode: org }));
    const duplicateHandling = await handlingClock(duplicate);
    await handlingClock(survivor);

    expect(await t.rows.caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt, withdrawn_at: null });
    expect(await t.views.indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await t.views.backlogIds(org)).toEqual([survivor]);
    expect(duplicateHandling.state).toBe('stopped');
    // Never before its start, which came after the merge.
    expect(duplicateHandling.stopped_at).toEqual(duplicateHandling.started_at);
    expect(duplicateHandling.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${AssignmentCreated.subject} ${assigned.id}`],
      ['stopped', `merged into ${survivor}: ${GrievanceMerged.subject}, applied before ${AssignmentCreated.subject} ${assigned.id}`],
    ]);
    // The registration clock, started by the later receipt, stopped at the merge (the first decision).
    expect(await t.rows.clockOf(duplicate, 'registration')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), { at: mergedAt.toISOString(), change: 'stopped', cause: `merged into ${survivor}: ${GrievanceMerged.subject} ${merge.id}` }],
    });
    expect(await t.rows.counting(duplicate)).toEqual([]);

    expect(await t.views.boardAfterSweep(org)).toEqual([survivor]);
  });
});
