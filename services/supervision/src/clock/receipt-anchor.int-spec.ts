import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  ClockStarted,
  DeadlineBreached,
  DeadlineSet,
  DeadlineWarning,
  GrievanceReceived,
  type AssignmentCreatedV1,
  type ClockStartedV1,
  type DeadlineBreachedV1,
  type DeadlineWarningV1,
  type EventEnvelope,
  type GrievanceReceivedV1,
} from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { activeRules } from '../administration/active-rules';
import { computeDeadline } from '../deadline-policy';
import { supervisionService } from '../service';
import { ESCALATION_CHAIN } from './alarm-schedule';
import { ClockSweeper } from './clock-sweeper';
import { handlingStart, policyOf } from './deadline-planner';

const DAY = 86_400_000;
const REGION = '330621102';

interface ClockRow {
  id: string; subject_id: string; step: string; policy_code: string; state: string; started_at: Date; due_at: Date; next_alarm_at: Date | null; stopped_at: Date | null;
  warnings_sent: number; escalation_level: number; awaiting_receipt: boolean; history: { at: string; change: string; cause: string }[];
}

describe('a lead assignment’s clocks start from the receipt whatever order intake’s and routing’s facts arrive in (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;

  // A letter received 90 days ago and registered and assigned only 40 days ago: the 15 days of 第二十二条 were long over.
  const now = new Date();
  const receivedAt = new Date(now.getTime() - 90 * DAY);
  const assignedAt = new Date(now.getTime() - 40 * DAY);

  const clocksOf = async (grievanceId: string): Promise<ClockRow[]> =>
    (await pg.query('SELECT * FROM supervision.clock WHERE grievance_id = $1 ORDER BY step', [grievanceId])).rows;
  const clockOf = async (grievanceId: string, step: string): Promise<ClockRow | undefined> => (await clocksOf(grievanceId)).find((c) => c.step === step);
  const published = async <T>(subject: string): Promise<T[]> => (await probe.read(ns.stream('supervision'), ns.subject(subject))).map((m) => m.json<EventEnvelope<T>>().data);

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_receipt_anchor', rpcName: false });
    ({ ns, svc, probe, pg } = sut);
  });

  afterAll(() => sut?.close());

  const received = (grievanceId: string): GrievanceReceivedV1 => ({
    grievanceId, trackingCode: '330621-26-3303W', channel: 'letter', regionCode: REGION, categoryCode: 'wages', headcount: 1, collective: false, firstTime: true, receivedAt: receivedAt.toISOString(),
  });
  const assignment = (grievanceId: string): AssignmentCreatedV1 => ({
    assignmentId: randomUUID(), grievanceId, trackingCode: '330621-26-3303W', role: 'lead', orgCode: 'dept_human_resources', orgName: '县人力资源和社会保障局',
    regionCode: REGION, ruleId: 'rule-wage', ruleVersion: 1, createdAt: assignedAt.toISOString(),
  });
  const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });

  // Where the normal order puts the handling clock: no later than the end of the 15 days after receipt, 60 days from there.
  const start = handlingStart(assignedAt, receivedAt, REGION);
  const due = computeDeadline(policyOf('handling_60d')!, start, activeRules.calendarFor(REGION));
  const feedbackDue = computeDeadline(policyOf('330621_first_time_feedback_7d')!, start, activeRules.calendarFor(REGION));

  it('re-anchors the clocks when the receipt comes second — once, logged, the usual alarms catching up — and leaves other clocks alone', async () => {
    const sweeper = svc.app.get(ClockSweeper);
    const grievanceId = randomUUID();
    const a = assignment(grievanceId);
    await sut.publish(AssignmentCreated, a);
    const before = await waitFor('the handling clock', () => clockOf(grievanceId, 'handling'));
    // Without the receipt it runs from the assignment, and 初信初访 is not known yet.
    expect(before).toMatchObject({ started_at: assignedAt, policy_code: 'handling_60d', awaiting_receipt: true });
    expect((await clocksOf(grievanceId)).map((c) => c.step)).toEqual(['handling']);

    // A mediation clock of the same grievance, started by its handoff: anchored elsewhere.
    await sut.publish(DeadlineSet, {
      handoffId: randomUUID(), kind: 'petition_mediation', grievanceId, step: 'mediation', amount: 30, unit: 'natural_days', source: '人民调解法', responsibleOrgCode: 'med_labour',
      startedAt: assignedAt.toISOString(), dueAt: new Date(assignedAt.getTime() + 30 * DAY).toISOString(),
    });
    await waitFor('the mediation clock', () => clockOf(grievanceId, 'mediation_mediation'));

    // Half the assignment-based span is past: that warning goes out now and must not go out again.
    await sweeper.sweep(now);
    expect((await clockOf(grievanceId, 'handling'))?.warnings_sent).toBe(1);
    const mediation = await clockOf(grievanceId, 'mediation_mediation');

    const fact = await sut.publish(GrievanceReceived, received(grievanceId));
    const after = await waitFor('the re-anchored clock', async () => {
      const c = await clockOf(grievanceId, 'handling');
      return c?.history.some((h) => h.change === 'reanchored') ? c : undefined;
    });
    expect(start.getTime()).toBeLessThan(assignedAt.getTime());
    expect(after).toMatchObject({ id: before.id, started_at: start, due_at: due, policy_code: 'handling_60d', state: 'running', warnings_sent: 1, awaiting_receipt: false });
    expect(after.history.map((h) => h.change)).toEqual(['started', 'reanchored']);
    expect(after.history[1].cause).toBe(
      `${GrievanceReceived.subject} ${fact.id}: start ${assignedAt.toISOString()} → ${start.toISOString()}; due ${before.due_at.toISOString()} → ${due.toISOString()}`,
    );
    // The receipt makes it 初信初访: the feedback clock the assignment would have started runs from the same start.
    const feedback = await clockOf(grievanceId, 'feedback');
    expect(feedback).toMatchObject({ subject_id: before.subject_id, started_at: start, due_at: feedbackDue, policy_code: '330621_first_time_feedback_7d', awaiting_receipt: false });
    expect(feedback?.history).toEqual([expect.objectContaining({ change: 'started', cause: `${GrievanceReceived.subject} ${fact.id}` })]);
    expect(await clockOf(grievanceId, 'mediation_mediation')).toEqual(mediation);
    // Intake is told the moved due date (the citizen's tracking page shows it).
    await waitFor('clock.started with the new due date', async () =>
      (await published<ClockStartedV1>(ClockStarted.subject)).find((c) => c.clockId === before.id && c.dueAt === due.toISOString() && c.startedAt === start.toISOString()));

    // An equivalent receipt under another event id moves nothing again; a later grievance's receipt marks when it was applied.
    await probe.publish(ns.subject(GrievanceReceived.subject), envelope(GrievanceReceived.subject, received(grievanceId)));
    const marker = randomUUID();
    await sut.publish(AssignmentCreated, assignment(marker));
    await waitFor('the marker clock', () => clockOf(marker, 'handling'));
    await sut.publish(GrievanceReceived, received(marker));
    await waitFor('the marker re-anchored', async () => ((await clockOf(marker, 'handling'))?.awaiting_receipt === false ? true : undefined));
    expect((await clockOf(grievanceId, 'handling'))?.history.map((h) => h.change)).toEqual(['started', 'reanchored']);
    expect((await clocksOf(grievanceId)).map((c) => c.step)).toEqual(['feedback', 'handling', 'mediation_mediation', 'registration']);
    // Registration (第二十二条) was over before its receipt came: its clock starts stopped at the assignment.
    expect(await clockOf(grievanceId, 'registration')).toMatchObject({ state: 'stopped', started_at: receivedAt, stopped_at: assignedAt, next_alarm_at: null });

    // Its new due date is two weeks past: the next sweep sends the 0.8 warning, the breach and every escalation step by the usual path.
    await sweeper.sweep(new Date());
    expect(await clockOf(grievanceId, 'handling')).toMatchObject({ state: 'breached', warnings_sent: 2, escalation_level: ESCALATION_CHAIN.length });
    const warnings = await waitFor('both warnings', async () => {
      const mine = (await published<DeadlineWarningV1>(DeadlineWarning.subject)).filter((w) => w.clockId === before.id);
      return mine.length >= 2 ? mine : undefined;
    });
    expect(warnings.map((w) => w.share).sort()).toEqual([0.5, 0.8]);
    const breaches = await waitFor('the breach and escalations', async () => {
      const mine = (await published<DeadlineBreachedV1>(DeadlineBreached.subject)).filter((b) => b.clockId === before.id);
      return mine.length >= ESCALATION_CHAIN.length ? mine : undefined;
    });
    expect(breaches.map((b) => [b.escalationLevel, b.escalatedTo, b.dueAt])).toEqual(ESCALATION_CHAIN.map((step, i) => [i + 1, step.to, due.toISOString()]));
  });

  it('gives the same clocks when the receipt comes first', async () => {
    const grievanceId = randomUUID();
    await sut.publish(GrievanceReceived, received(grievanceId));
    await waitFor('the receipt', async () => ((await pg.query('SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 AND received_at IS NOT NULL', [grievanceId])).rowCount ? true : undefined));
    await sut.publish(AssignmentCreated, assignment(grievanceId));
    const clocks = await waitFor('the assignment’s clocks', async () => {
      const cs = await clocksOf(grievanceId);
      return cs.length === 3 ? cs : undefined;
    });
    const [feedback, handling, registration] = clocks;
    // The registration clock ran from the receipt and stopped at the assignment, as in the other order.
    expect(registration).toMatchObject({ step: 'registration', state: 'stopped', started_at: receivedAt, stopped_at: assignedAt });
    expect(handling).toMatchObject({ step: 'handling', started_at: start, due_at: due, policy_code: 'handling_60d', awaiting_receipt: false });
    expect(handling.history.map((h) => h.change)).toEqual(['started']);
    expect(feedback).toMatchObject({ step: 'feedback', started_at: start, due_at: feedbackDue, policy_code: '330621_first_time_feedback_7d', awaiting_receipt: false });
  });
});
