import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  AssignmentReplied,
  GrievanceReceived,
  GrievanceTriaged,
  GrievanceWithdrawn,
  type AssignmentCreatedV1,
  type AssignmentRepliedV1,
  type GrievanceReceivedV1,
  type GrievanceTriagedV1,
  type GrievanceWithdrawnV1,
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
const REGION = '330621101';
const TRACKING = '330621-26-2311W';

interface ClockRow {
  id: string; subject_id: string; step: string; state: string; started_at: Date; stopped_at: Date | null; awaiting_receipt: boolean;
  history: { at: string; change: string; cause: string }[];
}

describe('a withdrawn grievance leaves the backlog and the board, whichever order its facts come in (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_withdrawn_case', rpcName: false });
    ({ ns, svc, probe, pg } = sut);
  });

  afterAll(() => sut?.close());

  /** Each scenario counts under a category and a unit of its own. */
  const scenario = () => {
    const tag = randomBytes(4).toString('hex');
    return { category: `wd_${tag}`, org: `dept_wd_${tag}` };
  };
  const received = (grievanceId: string, category: string, receivedAt: Date, firstTime = false): GrievanceReceivedV1 => ({
    grievanceId, trackingCode: TRACKING, channel: 'letter', regionCode: REGION, categoryCode: category, headcount: 1, collective: false, firstTime,
    receivedAt: receivedAt.toISOString(),
  });
  const assignment = (grievanceId: string, org: string, createdAt: Date): AssignmentCreatedV1 => ({
    assignmentId: randomUUID(), grievanceId, trackingCode: TRACKING, role: 'lead', orgCode: org, orgName: '县人力资源和社会保障局', regionCode: REGION, ruleId: 'rule-wd', ruleVersion: 1,
    createdAt: createdAt.toISOString(),
  });
  const triaged = (grievanceId: string, category: string, decidedAt: Date): GrievanceTriagedV1 => ({
    grievanceId, categoryCode: category, statutoryPath: 'petition', complexity: 'complex', colour: 'yellow', reason: '依职责交办', decidedBy: 'auto', decidedAt: decidedAt.toISOString(),
  });
  const withdrawal = (grievanceId: string, withdrawnAt: Date): GrievanceWithdrawnV1 => ({ grievanceId, trackingCode: TRACKING, reason: '已自行协商解决', withdrawnAt: withdrawnAt.toISOString() });
  const replied = (a: AssignmentCreatedV1, at: Date): AssignmentRepliedV1 => ({
    assignmentId: a.assignmentId, grievanceId: a.grievanceId, trackingCode: TRACKING, role: 'lead', orgCode: a.orgCode, by: { userId: 'u-hr', orgCode: a.orgCode }, at: at.toISOString(),
    letter: { request: '追讨工资', facts: '经核实拖欠属实', reasons: '依法应当支付', opinion: '责令限期支付', legalBasis: ['《保障农民工工资支付条例》第十五条'], conclusion: 'support' } as never,
    contributions: [],
  });

  const clocksOf = async (grievanceId: string): Promise<ClockRow[]> =>
    (await pg.query('SELECT id, subject_id, step, state, started_at, stopped_at, awaiting_receipt, history FROM supervision.clock WHERE grievance_id = $1 ORDER BY step', [grievanceId])).rows;
  const clockOf = async (grievanceId: string, step: string) => (await clocksOf(grievanceId)).find((c) => c.step === step);
  const handlingClock = (grievanceId: string) => waitFor('the handling clock', () => clockOf(grievanceId, 'handling'));
  const counting = async (grievanceId: string) => (await clocksOf(grievanceId)).filter((c) => c.state !== 'stopped').map((c) => c.step);
  const caseOf = async (grievanceId: string) =>
    (await pg.query('SELECT open, withdrawn_at FROM supervision.supervised_case WHERE grievance_id = $1', [grievanceId])).rows[0] as { open: boolean; withdrawn_at: Date | null } | undefined;
  const applied = (eventId: string) =>
    waitFor(`event ${eventId} applied`, async () => ((await pg.query('SELECT 1 FROM supervision.inbox WHERE event_id = $1', [eventId])).rowCount ? true : undefined));
  /** The open-case count (积存) and the day's counters of a category, as the indicator board reads them. */
  const indicators = async (category: string, from: Date) => {
    const [row] = await svc.app.get(IndicatorReader).read({ from: beijingDay(from), to: beijingDay(new Date()), categoryCode: category });
    return { backlog: row.backlog, received: row.counts.received, assigned: row.counts.assigned };
  };
  const backlogIds = async (org: string) => (await svc.app.get(CaseOwnershipService).backlog({ orgCode: org })).items.map((i) => i.grievanceId);
  const boardIds = async (org: string) => (await svc.app.get(BoardReader).overdue({ orgCode: org })).items.map((i) => i.grievanceId);

  it('takes the grievance out of the open cases and stops its clocks when the withdrawal comes last; an equivalent withdrawal changes nothing', async () => {
    const { category, org } = scenario();
    const kept = randomUUID();
    const withdrawn = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    for (const id of [kept, withdrawn]) {
      await sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await sut.publish(AssignmentCreated, assignment(id, org, new Date(receivedAt.getTime() + DAY)));
      await handlingClock(id);
    }
    await waitFor('both open', async () => ((await indicators(category, receivedAt)).backlog === 2 ? true : undefined));
    expect((await backlogIds(org)).sort()).toEqual([kept, withdrawn].sort());

    const withdrawnAt = new Date(Date.now() - DAY);
    const first = await sut.publish(GrievanceWithdrawn, withdrawal(withdrawn, withdrawnAt));
    await applied(first.id);

    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await caseOf(kept)).toEqual({ open: true, withdrawn_at: null });
    // Out of the open-case count and the backlog; its receipt and assignment happened and stay counted.
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await backlogIds(org)).toEqual([kept]);
    expect((await clockOf(withdrawn, 'handling'))?.history.at(-1)).toEqual({ at: withdrawnAt.toISOString(), change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject} ${first.id}` });
    expect(await counting(withdrawn)).toEqual([]);
    expect(await counting(kept)).toEqual(['handling']);

    // The same withdrawal again under another event id (an equivalent fact) changes nothing.
    const before = await clocksOf(withdrawn);
    const again = { id: randomUUID(), type: GrievanceWithdrawn.subject, v: 1, occurredAt: new Date().toISOString(), data: withdrawal(withdrawn, withdrawnAt) };
    await probe.publish(ns.subject(GrievanceWithdrawn.subject), again, again.id);
    await applied(again.id);
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await clocksOf(withdrawn)).toEqual(before);

    // Overdue by now: the board shows the kept grievance's clock, never the withdrawn one's.
    await svc.app.get(ClockSweeper).sweep(new Date());
    expect(await boardIds(org)).toEqual([kept]);
  });

  it('counts the same when the withdrawal comes before the receipt, triage, assignment and reply', async () => {
    const { category, org } = scenario();
    const kept = randomUUID();
    const withdrawn = randomUUID();
    const receivedAt = new Date(Date.now() - 70 * DAY);
    const withdrawnAt = new Date(Date.now() - 66 * DAY);

    const withdrawalEvent = await sut.publish(GrievanceWithdrawn, withdrawal(withdrawn, withdrawnAt));
    await applied(withdrawalEvent.id);
    for (const id of [kept, withdrawn]) {
      const receipt = await sut.publish(GrievanceReceived, received(id, category, receivedAt));
      await applied(receipt.id);
      const triage = await sut.publish(GrievanceTriaged, triaged(id, category, new Date(receivedAt.getTime() + 60_000)));
      await applied(triage.id);
    }
    // The receipt did not reopen it.
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    // Its registration clock started already stopped, at the withdrawal (the first decision).
    expect(await clockOf(withdrawn, 'registration')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), { at: withdrawnAt.toISOString(), change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject} ${withdrawalEvent.id}` }],
    });

    // Assigned after the withdrawal was recorded: its clocks start stopped, never before their start.
    const lead = assignment(withdrawn, org, new Date(Date.now() - 65 * DAY));
    const assigned = await sut.publish(AssignmentCreated, lead);
    await sut.publish(AssignmentCreated, assignment(kept, org, new Date(Date.now() - 65 * DAY)));
    const handling = await handlingClock(withdrawn);
    await handlingClock(kept);
    expect(handling).toMatchObject({ state: 'stopped', stopped_at: handling.started_at });
    expect(handling.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${AssignmentCreated.subject} ${assigned.id}`],
      ['stopped', `withdrawn: ${GrievanceWithdrawn.subject}, applied before ${AssignmentCreated.subject} ${assigned.id}`],
    ]);
    expect(await counting(withdrawn)).toEqual([]);
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 1, received: 2, assigned: 2 });
    expect(await backlogIds(org)).toEqual([kept]);

    // A reply the unit sent before it learnt of the withdrawal: the return visit it schedules does not count either.
    const reply = await sut.publish(AssignmentReplied, replied(lead, new Date(Date.now() - 30 * DAY)));
    await applied(reply.id);
    expect(await clockOf(withdrawn, 'return_visit')).toMatchObject({
      state: 'stopped',
      history: [expect.objectContaining({ change: 'started' }), expect.objectContaining({ change: 'stopped', cause: `withdrawn: ${GrievanceWithdrawn.subject}, applied before ${AssignmentReplied.subject} ${reply.id}` })],
    });
    expect(await counting(withdrawn)).toEqual([]);
    expect(await caseOf(withdrawn)).toEqual({ open: false, withdrawn_at: withdrawnAt });

    await svc.app.get(ClockSweeper).sweep(new Date());
    expect(await boardIds(org)).toEqual([kept]);
  });

  it('leaves the stopped clocks of an assignment applied after the withdrawal where they are when the receipt comes last', async () => {
    const { category, org } = scenario();
    const grievanceId = randomUUID();
    const receivedAt = new Date(Date.now() - 40 * DAY);
    const withdrawnAt = new Date(Date.now() - 38 * DAY);

    const withdrawalEvent = await sut.publish(GrievanceWithdrawn, withdrawal(grievanceId, withdrawnAt));
    await applied(withdrawalEvent.id);
    await sut.publish(AssignmentCreated, assignment(grievanceId, org, new Date(Date.now() - 39 * DAY)));
    const handling = await handlingClock(grievanceId);
    // Started on the assignment, awaiting the receipt, and stopped at the withdrawal.
    expect(handling).toMatchObject({ state: 'stopped', awaiting_receipt: true, stopped_at: withdrawnAt });

    // A first-time grievance: had the clocks been running, the receipt would move them and start the feedback clock.
    const receipt = await sut.publish(GrievanceReceived, received(grievanceId, category, receivedAt, true));
    await applied(receipt.id);
    expect(await clockOf(grievanceId, 'handling')).toEqual({ ...handling, awaiting_receipt: false });
    expect((await clocksOf(grievanceId)).map((c) => c.step)).toEqual(['handling', 'registration']);
    expect(await counting(grievanceId)).toEqual([]);
    expect(await caseOf(grievanceId)).toEqual({ open: false, withdrawn_at: withdrawnAt });
    // Its assignment counted before the receipt named the category (under none), as for any grievance.
    expect(await indicators(category, receivedAt)).toEqual({ backlog: 0, received: 1, assigned: 0 });
    expect(await backlogIds(org)).toEqual([]);

    await svc.app.get(ClockSweeper).sweep(new Date());
    expect(await boardIds(org)).toEqual([]);
  });
});
