import { randomUUID } from 'node:crypto';
import { AssignmentCreated, ClockStarted, DeadlineBreached, DeadlineSet, DeadlineWarning, GrievanceReceived, type ClockStartedV1, type DeadlineBreachedV1, type DeadlineWarningV1, type EventEnvelope } from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { activeRules } from '../administration/active-rules';
import { computeDeadline } from '../deadline-policy';
import { ESCALATION_CHAIN } from './alarm-schedule';
import { ClockSweeper } from './clock-sweeper';
import { handlingStart, policyOf } from './deadline-planner';
import { assignment as assignmentFact, DAY, mediationDeadline, received as receivedFact, REGION, supervisionUnderTest } from './testing/facts';

describe('a lead assignment’s clocks start from the receipt whatever order intake’s and routing’s facts arrive in (real PostgreSQL and NATS)', () => {
  const t = supervisionUnderTest({ database: 'supervision_receipt_anchor' });

  // A letter received 90 days ago and registered and assigned only 40 days ago: the 15 days of 第二十二条 were long over.
  const now = new Date();
  const receivedAt = new Date(now.getTime() - 90 * DAY);
  const assignedAt = new Date(now.getTime() - 40 * DAY);

  const published = async <T>(subject: string): Promise<T[]> => (await t.probe.read(t.ns.stream('supervision'), t.ns.subject(subject))).map((m) => m.json<EventEnvelope<T>>().data);

  // A first-time letter (初信初访), always received and assigned at the instants above.
  const received = (grievanceId: string) => receivedFact(grievanceId, receivedAt, { firstTime: true });
  const assignment = (grievanceId: string) => assignmentFact(grievanceId, assignedAt);
  const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });

  // Where the normal order puts the handling clock: no later than the end of the 15 days after receipt, 60 days from there.
  const start = handlingStart(assignedAt, receivedAt, REGION);
  const due = computeDeadline(policyOf('handling_60d')!, start, activeRules.calendarFor(REGION));
  const feedbackDue = computeDeadline(policyOf('330621_first_time_feedback_7d')!, start, activeRules.calendarFor(REGION));

  it('re-anchors the clocks when the receipt comes second — once, logged, the usual alarms catching up — and leaves other clocks alone', async () => {
    const sweeper = t.svc.app.get(ClockSweeper);
    const grievanceId = randomUUID();
    const a = assignment(grievanceId);
    await t.sut.publish(AssignmentCreated, a);
    const before = await waitFor('the handling clock', () => t.rows.clockOf(grievanceId, 'handling'));
    // Without the receipt it runs from the assignment, and 初信初访 is not known yet.
    expect(before).toMatchObject({ started_at: assignedAt, policy_code: 'handling_60d', awaiting_receipt: true });
    expect((await t.rows.clocksOf(grievanceId)).map((c) => c.step)).toEqual(['handling']);

    // A mediation clock of the same grievance, started by its handoff: anchored elsewhere.
    await t.sut.publish(DeadlineSet, mediationDeadline(grievanceId, assignedAt));
    await waitFor('the mediation clock', () => t.rows.clockOf(grievanceId, 'mediation_mediation'));

    // Half the assignment-based span is past: that warning goes out now and must not go out again.
    await sweeper.sweep(now);
    expect((await t.rows.clockOf(grievanceId, 'handling'))?.warnings_sent).toBe(1);
    const mediation = await t.rows.clockOf(grievanceId, 'mediation_mediation');

    const fact = await t.sut.publish(GrievanceReceived, received(grievanceId));
    const after = await waitFor('the re-anchored clock', async () => {
      const c = await t.rows.clockOf(grievanceId, 'handling');
      return c?.history.some((h) => h.change === 'reanchored') ? c : undefined;
    });
    expect(start.getTime()).toBeLessThan(assignedAt.getTime());
    expect(after).toMatchObject({ id: before.id, started_at: start, due_at: due, policy_code: 'handling_60d', state: 'running', warnings_sent: 1, awaiting_receipt: false });
    expect(after.history.map((h) => h.change)).toEqual(['started', 'reanchored']);
    expect(after.history[1].cause).toBe(
      `${GrievanceReceived.subject} ${fact.id}: start ${assignedAt.toISOString()} → ${start.toISOString()}; due ${before.due_at.toISOString()} → ${due.toISOString()}`,
    );
    // The receipt makes it 初信初访: the feedback clock the assignment would have started runs from the same start.
    const feedback = await t.rows.clockOf(grievanceId, 'feedback');
    expect(feedback).toMatchObject({ subject_id: before.subject_id, started_at: start, due_at: feedbackDue, policy_code: '330621_first_time_feedback_7d', awaiting_receipt: false });
    expect(feedback?.history).toEqual([expect.objectContaining({ change: 'started', cause: `${GrievanceReceived.subject} ${fact.id}` })]);
    expect(await t.rows.clockOf(grievanceId, 'mediation_mediation')).toEqual(mediation);
    // Intake is told the moved due date (the citizen's tracking page shows it).
    await waitFor('clock.started with the new due date', async () =>
      (await published<ClockStartedV1>(ClockStarted.subject)).find((c) => c.clockId === before.id && c.dueAt === due.toISOString() && c.startedAt === start.toISOString()));

    // An equivalent receipt under another event id moves nothing again; a later grievance's receipt marks when it was applied.
    await t.probe.publish(t.ns.subject(GrievanceReceived.subject), envelope(GrievanceReceived.subject, received(grievanceId)));
    const marker = randomUUID();
    await t.sut.publish(AssignmentCreated, assignment(marker));
    await waitFor('the marker clock', () => t.rows.clockOf(marker, 'handling'));
    await t.sut.publish(GrievanceReceived, received(marker));
    await waitFor('the marker re-anchored', async () => ((await t.rows.clockOf(marker, 'handling'))?.awaiting_receipt === false ? true : undefined));
    expect((await t.rows.clockOf(grievanceId, 'handling'))?.history.map((h) => h.change)).toEqual(['started', 'reanchored']);
    expect((await t.rows.clocksOf(grievanceId)).map((c) => c.step)).toEqual(['feedback', 'handling', 'mediation_mediation', 'registration']);
    // Registration (第二十二条) was over before its receipt came: its clock starts stopped at the assignment.
    expect(await t.rows.clockOf(grievanceId, 'registration')).toMatchObject({ state: 'stopped', started_at: receivedAt, stopped_at: assignedAt, next_alarm_at: null });

    // Its new due date is two weeks past: the next sweep sends the 0.8 warning, the breach and every escalation step by the usual path.
    await sweeper.sweep(new Date());
    expect(await t.rows.clockOf(grievanceId, 'handling')).toMatchObject({ state: 'breached', warnings_sent: 2, escalation_level: ESCALATION_CHAIN.length });
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
    await t.sut.publish(GrievanceReceived, received(grievanceId));
    await waitFor('the receipt', async () => ((await t.pg.query('SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 AND received_at IS NOT NULL', [grievanceId])).rowCount ? true : undefined));
    await t.sut.publish(AssignmentCreated, assignment(grievanceId));
    const clocks = await waitFor('the assignment’s clocks', async () => {
      const cs = await t.rows.clocksOf(grievanceId);
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
