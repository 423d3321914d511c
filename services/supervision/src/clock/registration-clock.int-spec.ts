import { randomUUID } from 'node:crypto';
import { AssignmentCreated, ClockStarted, DeadlineBreached, DeadlineWarning, GrievanceMerged, GrievanceReceived, GrievanceTriaged, GrievanceWithdrawn, type ClockStartedV1, type DeadlineBreachedV1, type DeadlineWarningV1, type Diversion, type EventEnvelope } from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { activeRules } from '../administration/active-rules';
import { BoardReader } from '../indicators/board-reader';
import { beijingDay } from '../indicators/indicator-math';
import { ESCALATION_CHAIN, REGISTRATION_ESCALATION_CHAIN } from './alarm-schedule';
import { ClockSweeper } from './clock-sweeper';
import { assignment, DAY, merge, received, REGION, supervisionUnderTest, triaged as triagedFact, withdrawal } from './testing/facts';

describe('the registration clock: 登记并转送、交办 within 15 days of receipt (第二十二条; real PostgreSQL and NATS)', () => {
  const t = supervisionUnderTest({ database: 'supervision_registration_clock' });

  const registrationOf = (grievanceId: string) => t.rows.clockOf(grievanceId, 'registration');
  const stoppedRegistration = (grievanceId: string) =>
    waitFor('the registration clock stopped', async () => {
      const c = await registrationOf(grievanceId);
      return c?.state === 'stopped' ? c : undefined;
    });
  const decided = (grievanceId: string) =>
    waitFor('the decision kept on the case', async () =>
      (await t.pg.query('SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 AND registration_decided_at IS NOT NULL', [grievanceId])).rowCount ? true : undefined);
  const published = async <T>(subject: string): Promise<T[]> => (await t.probe.read(t.ns.stream('supervision'), t.ns.subject(subject))).map((m) => m.json<EventEnvelope<T>>().data);

  const triaged = (grievanceId: string, diversion: Diversion, decidedAt: Date) => triagedFact(grievanceId, decidedAt, { diversion, reason: '分流' });
  const dueFrom = (receivedAt: Date) => activeRules.calendarFor(REGION).addNaturalDaysStatutory(receivedAt, 15);

  it('runs from the receipt for 15 days, unannounced, and stops when routing assigns a lead unit', async () => {
    const grievanceId = randomUUID();
    const receivedAt = new Date(Date.now() - 3 * DAY);
    const fact = await t.sut.publish(GrievanceReceived, received(grievanceId, receivedAt));
    const running = await waitFor('the registration clock', () => registrationOf(grievanceId));
    expect(running).toMatchObject({
      subject_id: grievanceId, policy_code: 'registration_transfer_15d', state: 'running', started_at: receivedAt, due_at: dueFrom(receivedAt), stopped_at: null, warnings_sent: 0,
    });
    expect(running.history).toEqual([{ at: receivedAt.toISOString(), change: 'started', cause: `${GrievanceReceived.subject} ${fact.id}` }]);
    // Its first warning comes at half its time, by the sweeper's usual path.
    expect(running.next_alarm_at).toEqual(new Date(receivedAt.getTime() + (running.due_at.getTime() - receivedAt.getTime()) * 0.5));

    const assignedAt = new Date(Date.now() - DAY);
    const assigned = await t.sut.publish(AssignmentCreated, assignment(grievanceId, assignedAt));
    const stopped = await stoppedRegistration(grievanceId);
    expect(stopped).toMatchObject({ id: running.id, stopped_at: assignedAt, next_alarm_at: null });
    expect(stopped.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${GrievanceReceived.subject} ${fact.id}`],
      ['stopped', `assigned: ${AssignmentCreated.subject} ${assigned.id}`],
    ]);

    // The handling clock is announced; the registration clock never is (intake's timeline shows the handling deadline only).
    await waitFor('the handling clock announced', async () => (await published<ClockStartedV1>(ClockStarted.subject)).find((c) => c.grievanceId === grievanceId && c.step === 'handling'));
    expect((await published<ClockStartedV1>(ClockStarted.subject)).filter((c) => c.grievanceId === grievanceId).map((c) => c.step)).toEqual(['handling']);
  });

  it.each<[Diversion]>([['emergency_110'], ['political_legal'], ['discipline_inspection'], ['progress_report']])('stops when triage diverts the grievance (%s)', async (diversion) => {
    const grievanceId = randomUUID();
    const receivedAt = new Date(Date.now() - 2 * DAY);
    await t.sut.publish(GrievanceReceived, received(grievanceId, receivedAt));
    await waitFor('the registration clock', () => registrationOf(grievanceId));
    const decidedAt = new Date(Date.now() - DAY);
    const fact = await t.sut.publish(GrievanceTriaged, triaged(grievanceId, diversion, decidedAt));
    const stopped = await stoppedRegistration(grievanceId);
    expect(stopped).toMatchObject({ stopped_at: decidedAt });
    expect(stopped.history.at(-1)).toEqual({ at: decidedAt.toISOString(), change: 'stopped', cause: `${diversion}: ${GrievanceTriaged.subject} ${fact.id}` });
  });

  it('keeps running through a triage that diverts nothing, and stops when intake merges the grievance as a duplicate', async () => {
    const grievanceId = randomUUID();
    await t.sut.publish(GrievanceReceived, received(grievanceId, new Date(Date.now() - 2 * DAY)));
    await waitFor('the registration clock', () => registrationOf(grievanceId));
    const { diversion: _none, ...plain } = triaged(grievanceId, 'progress_report', new Date());
    await t.sut.publish(GrievanceTriaged, plain);
    await waitFor('triage applied', async () => ((await t.pg.query(`SELECT 1 FROM supervision.grievance_profile WHERE grievance_id = $1 AND complexity = 'complex'`, [grievanceId])).rowCount ? true : undefined));
    expect(await registrationOf(grievanceId)).toMatchObject({ state: 'running' });

    const primary = randomUUID();
    const mergedAt = new Date();
    const fact = await t.sut.publish(GrievanceMerged, merge(grievanceId, primary, mergedAt));
    const stopped = await stoppedRegistration(grievanceId);
    expect(stopped.history.at(-1)).toEqual({ at: mergedAt.toISOString(), change: 'stopped', cause: `merged into ${primary}: ${GrievanceMerged.subject} ${fact.id}` });
  });

  it('is never left running when routing’s decision or a withdrawal is applied before intake’s receipt', async () => {
    // The assignment first: the receipt starts the clock already stopped, at the assignment.
    const assignedFirst = randomUUID();
    const receivedAt = new Date(Date.now() - 5 * DAY);
    const assignedAt = new Date(Date.now() - 4 * DAY);
    const assigned = await t.sut.publish(AssignmentCreated, assignment(assignedFirst, assignedAt));
    await waitFor('the handling clock', async () => ((await t.pg.query(`SELECT 1 FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [assignedFirst])).rowCount ? true : undefined));
    expect(await registrationOf(assignedFirst)).toBeUndefined();
    const fact = await t.sut.publish(GrievanceReceived, received(assignedFirst, receivedAt));
    const stopped = await stoppedRegistration(assignedFirst);
    expect(stopped).toMatchObject({ started_at: receivedAt, due_at: dueFrom(receivedAt), stopped_at: assignedAt, next_alarm_at: null, warnings_sent: 0 });
    expect(stopped.history.map((h) => [h.change, h.cause])).toEqual([
      ['started', `${GrievanceReceived.subject} ${fact.id}`],
      ['stopped', `assigned: ${AssignmentCreated.subject} ${assigned.id}`],
    ]);
    // An equivalent receipt under another event id starts nothing again.
    await t.probe.publish(t.ns.subject(GrievanceReceived.subject), { id: randomUUID(), type: GrievanceReceived.subject, v: 1, occurredAt: new Date().toISOString(), data: received(assignedFirst, receivedAt) });

    // A withdrawal first, its instant stamped before the receipt's: stopped at the receipt, never before its start.
    const withdrawnFirst = randomUUID();
    const withdrawn = await t.sut.publish(GrievanceWithdrawn, withdrawal(withdrawnFirst, new Date(receivedAt.getTime() - 60_000)));
    await decided(withdrawnFirst);
    await t.sut.publish(GrievanceReceived, received(withdrawnFirst, receivedAt));
    const stoppedAtReceipt = await stoppedRegistration(withdrawnFirst);
    expect(stoppedAtReceipt).toMatchObject({ started_at: receivedAt, stopped_at: receivedAt });
    expect(stoppedAtReceipt.history.at(-1)?.cause).toBe(`withdrawn: ${GrievanceWithdrawn.subject} ${withdrawn.id}`);

    // The sweeper finds nothing to fire for either, however late it runs.
    await t.svc.app.get(ClockSweeper).sweep(new Date(Date.now() + 365 * DAY));
    expect(await registrationOf(assignedFirst)).toMatchObject({ state: 'stopped', warnings_sent: 0, escalation_level: 0, history: stopped.history });
    expect(await registrationOf(withdrawnFirst)).toMatchObject({ state: 'stopped', warnings_sent: 0, escalation_level: 0 });
  });

  it('breaches at a sweep when nobody assigns the grievance within 15 days, and stops escalating once routing does', async () => {
    const grievanceId = randomUUID();
    const receivedAt = new Date(Date.now() - 20 * DAY);
    await t.sut.publish(GrievanceReceived, received(grievanceId, receivedAt));
    const running = await waitFor('the registration clock', () => registrationOf(grievanceId));
    const due = dueFrom(receivedAt);
    expect(due.getTime()).toBeLessThan(Date.now());

    // An hour past due: breached, and with the office that registered it (no unit holds it yet: 第二十二条).
    await t.svc.app.get(ClockSweeper).sweep(new Date(due.getTime() + 3_600_000));
    const onBoard = async () => (await t.svc.app.get(BoardReader).caseDeadlines(grievanceId)).find((d) => d.step === 'registration');
    expect(await onBoard()).toMatchObject({ state: 'breached', escalationLevel: 1, escalatedTo: 'petition_bureau' });

    const now = new Date(due.getTime() + 2 * DAY);
    await t.svc.app.get(ClockSweeper).sweep(now);
    const breached = await registrationOf(grievanceId);
    // Two days past due: both warnings, the breach, and the escalation steps up to 48 hours after it.
    const climbed = REGISTRATION_ESCALATION_CHAIN.filter((s) => s.afterHours <= 48).length;
    expect(breached).toMatchObject({ state: 'breached', warnings_sent: 2, escalation_level: climbed });
    expect(breached?.history.map((h) => h.change)).toEqual(['started', 'breached']);
    const warnings = await waitFor('both warnings', async () => {
      const mine = (await published<DeadlineWarningV1>(DeadlineWarning.subject)).filter((w) => w.clockId === running.id);
      return mine.length >= 2 ? mine : undefined;
    });
    expect(warnings.map((w) => [w.step, w.policyCode, w.share])).toEqual([['registration', 'registration_transfer_15d', 0.5], ['registration', 'registration_transfer_15d', 0.8]]);
    const breaches = await waitFor('the breach and its escalations', async () => {
      const mine = (await published<DeadlineBreachedV1>(DeadlineBreached.subject)).filter((b) => b.clockId === running.id);
      return mine.length >= climbed ? mine : undefined;
    });
    expect(breaches.map((b) => [b.step, b.escalationLevel, b.escalatedTo, b.dueAt])).toEqual(REGISTRATION_ESCALATION_CHAIN.slice(0, climbed).map((s, i) => ['registration', i + 1, s.to, due.toISOString()]));
    // Then up the chain every other step climbs, never to a handling unit (none holds the grievance yet).
    expect(breaches.map((b) => b.escalatedTo)).toEqual(['petition_bureau', 'command_centre']);
    expect(breaches.map((b) => b.escalatedTo)).not.toContain(ESCALATION_CHAIN[0].to);
    expect(await onBoard()).toMatchObject({ escalationLevel: climbed, escalatedTo: 'command_centre' });

    // Assigned at last: the clock stops and the chain climbs no further.
    await t.sut.publish(AssignmentCreated, assignment(grievanceId, now));
    const stopped = await stoppedRegistration(grievanceId);
    expect(stopped.history.map((h) => h.change)).toEqual(['started', 'breached', 'stopped']);
    await t.svc.app.get(ClockSweeper).sweep(new Date(now.getTime() + 30 * DAY));
    expect(await registrationOf(grievanceId)).toMatchObject({ state: 'stopped', escalation_level: climbed });

    // Counted once as 超期 on its due day, under no unit: the unit assigned late did not miss it.
    const breachedOn = async (org: string | null) =>
      (await t.pg.query(`SELECT COALESCE(sum(breached), 0)::int AS n FROM supervision.indicator_tally WHERE day = $1 AND category_code = 'wages' AND ($2::text IS NULL OR org_code = $2)`, [beijingDay(due), org])).rows[0].n as number;
    await waitFor('the breach counted', async () => ((await breachedOn(null)) === 1 ? true : undefined));
    expect(await breachedOn('')).toBe(1);
    expect(await breachedOn('dept_human_resources')).toBe(0);
  });
});
