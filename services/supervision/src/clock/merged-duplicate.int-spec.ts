import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  GrievanceMerged,
  GrievanceReceived,
  GrievanceTriaged,
  type AssignmentCreatedV1,
  type GrievanceReceivedV1,
  type GrievanceTriagedV1,
} from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { BoardReader } from '../indicators/board-reader';
import { beijingDay } from '../indicators/indicator-math';
import { IndicatorReader } from '../indicators/indicator-reader';
import { CaseOwnershipService } from '../oversight/case-ownership.service';
import { supervisionService } from '../service';
import { ClockSweeper } from './clock-sweeper';

const DAY = 86_400_000;
const REGION = '330621102';

interface ClockRow { id: string; subject_id: string; step: string; state: string; started_at: Date; stopped_at: Date | null; history: { at: string; change: string; cause: string }[] }

describe('a duplicate merged into its survivor leaves the backlog and the board (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_merged_duplicate', rpcName: false });
    ({ ns, svc, probe, pg } = sut);
  });

  afterAll(() => sut?.close());

  /** Each scenario counts under a category and a unit of its own. */
  const scenario = () => {
    const tag = randomBytes(4).toString('hex');
    return { category: `dup_${tag}`, org: `dept_dup_${tag}` };
  };
  const received = (grievanceId: string, category: string, receivedAt: Date): GrievanceReceivedV1 => ({
    grievanceId, trackingCode: `330621-26-${randomBytes(3).toString('hex').toUpperCase()}`, channel: 'letter', regionCode: REGION, categoryCode: category, headcount: 1, collective: false, firstTime: false,
    receivedAt: receivedAt.toISOString(),
  });
  const assignment = (grievanceId: string, org: string, createdAt: Date): AssignmentCreatedV1 => ({
    assignmentId: randomUUID(), grievanceId, trackingCode: '330621-26-DUP01', role: 'lead', orgCode: org, orgName: '县住房和城乡建设局', regionCode: REGION, ruleId: 'rule-dup', ruleVersion: 1,
    createdAt: createdAt.toISOString(),
  });
  const triaged = (grievanceId: string, category: string, decidedAt: Date): GrievanceTriagedV1 => ({
    grievanceId, categoryCode: category, statutoryPath: 'petition', complexity: 'complex', colour: 'yellow', reason: '依职责交办', decidedBy: 'auto', decidedAt: decidedAt.toISOString(),
  });

  const clocksOf = async (grievanceId: string): Promise<ClockRow[]> =>
    (await pg.query('SELECT id, subject_id, step, state, started_at, stopped_at, history FROM supervision.clock WHERE grievance_id = $1 ORDER BY step', [grievanceId])).rows;
  const handlingClock = (grievanceId: string) =>
    waitFor('the handling clock', async () => (await clocksOf(grievanceId)).find((c) => c.step === 'handling'));
  const caseOf = async (grievanceId: string) =>
    (await pg.query('SELECT open, merged_into_id, merged_at FROM supervision.supervised_case WHERE grievance_id = $1', [grievanceId])).rows[0] as
      | { open: boolean; merged_into_id: string | null; merged_at: Date | null }
      | undefined;
  const mergeApplied = (grievanceId: string) => waitFor('the merge applied', async () => ((await caseOf(grievanceId))?.merged_into_id ? true : undefined));
  const applied = (eventId: string) =>
    waitFor(`event ${eventId} applied`, async () => ((await pg.query('SELECT 1 FROM supervision.inbox WHERE event_id = $1', [eventId])).rowCount ? true : undefined));
  /** The open-case count (积存) and the receipts of a category, as the indicator board reads them. */
  const indicators = async (category: string, from: Date) => {
    const [row] = await svc.app.get(IndicatorReader).read({ from: beijingDay(from), to: beijingDay(new Date()), categoryCode: category });
    return { backlog: row.backlog, received: row.counts.received };
  };
  const backlogIds = async (org: string) => (await svc.app.get(CaseOwnershipService).backlog({ orgCode: org })).items.map((i) => i.grievanceId);
  const boardIds = async (org: string) => (await svc.app.get(BoardReader).overdue({ orgCode: org })).items.map((i) => i.grievanceId);

  it('takes the duplicate out of the open cases and stops its clocks, the survivor staying, when the merge comes last', async () => {
    const { category, org } = scenario();
    const survivor = randomUUID();
    const duplicate = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    for (const id of [survivor, duplicate]) {
      await sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await sut.publish(AssignmentCreated, assignment(id, org, new Date(receivedAt.getTime() + DAY)));
      await handlingClock(id);
    }
    await waitFor('both open', async () => ((await indicators(category, receivedAt)).backlog === 2 ? true : undefined));
    expect((await backlogIds(org)).sort()).toEqual([survivor, duplicate].sort());

    const mergedAt = new Date(Date.now() - DAY);
    const merge = await sut.publish(GrievanceMerged, { grievanceId: duplicate, mergedIntoId: survivor, mergedAt: mergedAt.toISOString() });
    await mergeApplied(duplicate);

    expect(await caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt });
    expect(await caseOf(survivor)).toMatchObject({ open: true, merged_into_id: null });
    // Out of the open-case count and the backlog; its receipt happened and stays counted.
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2 });
    expect(await backlogIds(org)).toEqual([survivor]);
    // The duplicate's handling clock stopped at the merge, with the merge as its cause (its registration
    // had stopped at the assignment); none of its clocks counts on. The survivor's runs on.
    expect((await clocksOf(duplicate)).find((c) => c.step === 'handling')?.history.at(-1)).toEqual({
      at: mergedAt.toISOString(), change: 'stopped', cause: `merged into ${survivor}: ${GrievanceMerged.subject} ${merge.id}`,
    });
    expect((await clocksOf(duplicate)).filter((c) => c.state !== 'stopped')).toEqual([]);
    expect((await clocksOf(survivor)).find((c) => c.step === 'handling')).toMatchObject({ state: 'running' });

    // The same merge again under another event id (an equivalent fact) counts nothing twice.
    const again = { id: randomUUID(), type: GrievanceMerged.subject, v: 1, occurredAt: new Date().toISOString(), data: { grievanceId: duplicate, mergedIntoId: survivor, mergedAt: mergedAt.toISOString() } };
    await probe.publish(ns.subject(GrievanceMerged.subject), again, again.id);
    await applied(again.id);
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2 });
    expect(await caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt });

    // Overdue by now: the board shows the survivor's clock, never the duplicate's.
    await svc.app.get(ClockSweeper).sweep(new Date());
    expect(await boardIds(org)).toEqual([survivor]);
  });

  it('counts the same when the merge comes before the duplicate’s receipt, triage and assignment', async () => {
    const { category, org } = scenario();
    const survivor = randomUUID();
    const duplicate = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    const mergedAt = new Date(Date.now() - 66 * DAY);

    const merge = await sut.publish(GrievanceMerged, { grievanceId: duplicate, mergedIntoId: survivor, mergedAt: mergedAt.toISOString() });
    await mergeApplied(duplicate);
    for (const id of [survivor, duplicate]) {
      const receipt = await sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await applied(receipt.id);
      const triage = await sut.publish(GrievanceTriaged, triaged(id, category, new Date(receivedAt.getTime() + 60_000)));
      await applied(triage.id);
    }
    // Assigned after the merge was recorded: the duplicate's clocks start stopped.
    const assigned = await sut.publish(AssignmentCreated, assignment(duplicate, org, new Date(Date.now() - 65 * DAY)));
    await sut.publish(AssignmentCreated, assignment(survivor, org, new Date(Date.now() - 65 * DAY)));
    const duplicateHandling = await handlingClock(duplicate);
    await handlingClock(survivor);

    expect(await caseOf(duplicate)).toEqual({ open: false, merged_into_id: survivor, merged_at: mergedAt });
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2 });
    expect(await backlogIds(org)).toEqual([survivor]);
    expect(duplicateHandling.state).toBe('stopped');
    // Never before its start, which came after the merge.
    expect(duplicateHandling.stopped_at).toEqual(duplicateHandling.started_at);
    expect(duplicateHandling.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${AssignmentCreated.subject} ${assigned.id}`],
      ['stopped', `merged into ${survivor}: ${GrievanceMerged.subject}, applied before ${AssignmentCreated.subject} ${assigned.id}`],
    ]);
    // The registration clock, started by the later receipt, stopped at the merge (the first decision).
    expect((await clocksOf(duplicate)).find((c) => c.step === 'registration')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), { at: mergedAt.toISOString(), change: 'stopped', cause: `merged into ${survivor}: ${GrievanceMerged.subject} ${merge.id}` }],
    });
    expect((await clocksOf(duplicate)).filter((c) => c.state !== 'stopped')).toEqual([]);

    await svc.app.get(ClockSweeper).sweep(new Date());
    expect(await boardIds(org)).toEqual([survivor]);
  });
});
