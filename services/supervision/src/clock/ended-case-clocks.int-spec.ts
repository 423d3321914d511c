import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  AssignmentReplied,
  DeadlineSet,
  GrievanceMerged,
  GrievanceReceived,
  GrievanceWithdrawn,
  SupervisionBookReception,
  SupervisionRecordReception,
  SupervisionRequestReview,
  SupervisionScheduleReceptionDay,
} from '@yikouban/contracts';
import { ChineseDaysSource, dayOfInstant, dayToIso, WorkingCalendar } from '@yikouban/calendar';
import { waitFor } from '@yikouban/testing';
import { assignment, DAY, mediationDeadline, merge, received, replied, supervisionUnderTest, trackingCodeOf, withdrawal, type ClockRow } from './testing/facts';

const staff = { kind: 'staff' as const, userId: 'u-clerk', orgCode: 'county_petition_bureau' };
const national = new WorkingCalendar(new ChineseDaysSource());
/** The first working day at least n days ahead: reception days fall on working days only. */
const workdayIn = (n: number): string => {
  for (let k = n; ; k += 1) {
    const day = dayToIso(dayOfInstant(new Date(Date.now() + k * DAY)));
    if (national.isWorkday(day)) return day;
  }
};

/*
 * A merged or withdrawn grievance grows no clock that counts, whichever order its facts come in:
 * the mediation deadline (mediation.deadline.set), the answer to a 复查 request and a leader's
 * promise at a reception start stopped after the end (at their own start, never before it), and
 * stop at the end when it comes after them.
 */
describe('clocks of a merged or withdrawn grievance, in either order (real PostgreSQL and NATS)', () => {
  const t = supervisionUnderTest({ database: 'supervision_ended_case_clocks', rpcName: 'supervision-ended-case-test' });

  /** A grievance received and assigned 20 days ago: its handling clock runs. */
  const handled = async () => {
    const grievanceId = randomUUID();
    const lead = assignment(grievanceId, new Date(Date.now() - 19 * DAY));
    await t.sut.publish(GrievanceReceived, received(grievanceId, new Date(Date.now() - 20 * DAY)));
    await t.sut.publish(AssignmentCreated, lead);
    await t.rows.clockStarted(grievanceId, 'handling');
    return { grievanceId, lead };
  };
  const mergedAway = async (grievanceId: string, at: Date) => {
    const survivor = randomUUID();
    const fact = await t.sut.publish(GrievanceMerged, merge(grievanceId, survivor, at));
    await t.rows.applied(fact.id);
    return { fact, endCause: `merged into ${survivor}: ${GrievanceMerged.subject}` };
  };
  const withdrawn = async (grievanceId: string, at: Date) => {
    const fact = await t.sut.publish(GrievanceWithdrawn, withdrawal(grievanceId, at));
    await t.rows.applied(fact.id);
    return { fact, endCause: `withdrawn: ${GrievanceWithdrawn.subject}` };
  };
  /** The clock started after the end: stopped at its own start, the end applied before it as the cause. */
  const startedStopped = (clock: ClockRow | undefined, endCause: string) => {
    expect(clock).toMatchObject({ state: 'stopped', next_alarm_at: null });
    expect(clock?.stopped_at).toEqual(clock?.started_at);
    const started = clock?.history[0].cause;
    expect(clock?.history.map((h) => [h.change, h.cause])).toEqual([['started', started], ['stopped', `${endCause}, applied before ${started}`]]);
  };
  /** The clock that ran until the end came: stopped at the end, with it as the cause. */
  const stoppedAtEnd = async (grievanceId: string, step: string, end: { fact: { id: string }; endCause: string }, at: Date) => {
    const clock = await t.rows.clockOf(grievanceId, step);
    expect(clock).toMatchObject({ state: 'stopped', stopped_at: at, next_alarm_at: null });
    expect(clock?.history.at(-1)).toEqual({ at: at.toISOString(), change: 'stopped', cause: `${end.endCause} ${end.fact.id}` });
  };

  describe('the mediation deadline', () => {
    it('starts stopped when intake’s withdrawal was applied first', async () => {
      const { grievanceId } = await handled();
      const end = await withdrawn(grievanceId, new Date(Date.now() - 10 * DAY));
      const set = await t.sut.publish(DeadlineSet, mediationDeadline(grievanceId, new Date(Date.now() - 5 * DAY)));
      await t.rows.applied(set.id);
      const clock = await t.rows.clockOf(grievanceId, 'mediation_mediation');
      startedStopped(clock, end.endCause);
      expect(clock?.history[0].cause).toBe(`${DeadlineSet.subject} ${set.id}`);
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });

    it('stops at the merge when the merge comes after it', async () => {
      const { grievanceId } = await handled();
      const set = await t.sut.publish(DeadlineSet, mediationDeadline(grievanceId, new Date(Date.now() - 5 * DAY)));
      await t.rows.applied(set.id);
      expect(await t.rows.counting(grievanceId)).toEqual(['handling', 'mediation_mediation']);
      const mergedAt = new Date(Date.now() - DAY);
      const end = await mergedAway(grievanceId, mergedAt);
      await stoppedAtEnd(grievanceId, 'mediation_mediation', end, mergedAt);
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });
  });

  describe('the answer to a 复查 request', () => {
    /** The lead unit's reply five days ago opens the 复查 window. */
    const reply = async (lead: ReturnType<typeof assignment>) => t.rows.applied((await t.sut.publish(AssignmentReplied, replied(lead, new Date(Date.now() - 5 * DAY)))).id);
    const requestReview = (grievanceId: string, requestedAt: Date) =>
      t.sut.rpc.request(SupervisionRequestReview, { trackingCode: trackingCodeOf(grievanceId), reason: '对处理意见有异议', requestedAt: requestedAt.toISOString(), by: staff });

    it('starts stopped when intake’s merge was applied first', async () => {
      const { grievanceId, lead } = await handled();
      const end = await mergedAway(grievanceId, new Date(Date.now() - 10 * DAY));
      await reply(lead);
      const requestedAt = new Date(Date.now() - 2 * DAY);
      expect(await requestReview(grievanceId, requestedAt)).toMatchObject({ status: 'review_requested' });
      const clock = await t.rows.clockOf(grievanceId, 'review_answer');
      startedStopped(clock, end.endCause);
      expect(clock).toMatchObject({ started_at: requestedAt });
      expect(clock?.history[0].cause).toBe('review requested by staff u-clerk (county_petition_bureau)');
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });

    it('stops at the withdrawal when the withdrawal comes after the request', async () => {
      const { grievanceId, lead } = await handled();
      await reply(lead);
      await requestReview(grievanceId, new Date(Date.now() - 2 * DAY));
      expect(await t.rows.counting(grievanceId)).toEqual(['review_answer']);
      const withdrawnAt = new Date(Date.now() - DAY);
      const end = await withdrawn(grievanceId, withdrawnAt);
      await stoppedAtEnd(grievanceId, 'review_answer', end, withdrawnAt);
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });
  });

  describe('a promise made at a leader reception', () => {
    /** A grievance booked for a leader's reception day. */
    const booked = async () => {
      const grievanceId = randomUUID();
      await t.rows.applied((await t.sut.publish(GrievanceReceived, received(grievanceId, new Date(Date.now() - 3 * DAY)))).id);
      const leader = randomUUID().slice(0, 8);
      const day = await t.sut.rpc.request(SupervisionScheduleReceptionDay, {
        leaderId: `leader-${leader}`, leaderName: '副县长张某', orgCode: 'county_government', day: workdayIn(3), slot: 'morning', place: '县人民来访接待中心领导接待室',
        legalAdviserId: `lawyer-${leader}`, legalAdviserName: '律师李某', capacity: 2, by: staff,
      });
      const appointment = await t.sut.rpc.request(SupervisionBookReception, { receptionDayId: day.id, grievanceId, by: staff });
      return { grievanceId, appointmentId: appointment.id };
    };
    const promise = async (appointmentId: string, receivedAt: Date) => {
      const recorded = await t.sut.rpc.request(SupervisionRecordReception, {
        appointmentId, whoReceived: '信访人王某', headcount: 1, summary: '反映拖欠工资', outcome: 'promise_made', promise: '七日内督促用人单位支付',
        promisedBy: new Date(receivedAt.getTime() + 7 * DAY).toISOString(), receivedAt: receivedAt.toISOString(), by: staff,
      });
      return recorded.record!.clockId!;
    };

    it('starts stopped when intake’s merge was applied first', async () => {
      const { grievanceId, appointmentId } = await booked();
      const end = await mergedAway(grievanceId, new Date(Date.now() - 2 * DAY));
      const receivedAt = new Date(Date.now() - 3_600_000);
      const clockId = await promise(appointmentId, receivedAt);
      const clock = await t.rows.clockOf(grievanceId, 'reception_promise');
      expect(clock).toMatchObject({ id: clockId, started_at: receivedAt });
      startedStopped(clock, end.endCause);
      expect(clock?.history[0].cause).toMatch(/^promised at leader reception by leader-/);
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });

    it('stops at the withdrawal when the withdrawal comes after the promise', async () => {
      const { grievanceId, appointmentId } = await booked();
      await promise(appointmentId, new Date(Date.now() - 3_600_000));
      expect((await t.rows.counting(grievanceId)).filter((s) => s === 'reception_promise')).toEqual(['reception_promise']);
      const withdrawnAt = new Date(Date.now() - 60_000);
      const end = await withdrawn(grievanceId, withdrawnAt);
      await stoppedAtEnd(grievanceId, 'reception_promise', end, withdrawnAt);
      expect(await t.rows.counting(grievanceId)).toEqual([]);
    });
  });

  it('leaves no return visit counting when a merge holds the case while the reply comes: the reply waits for the case row lock', async () => {
    const { grievanceId, lead } = await handled();
    // Another transaction holds the case row, as a merge does from its mark until its commit.
    const holder = new Client({ connectionString: t.sut.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 FOR UPDATE', [grievanceId]);
      const reply = await t.sut.publish(AssignmentReplied, replied(lead, new Date(Date.now() - DAY)));
      // The reply decides nothing before it has the case: it waits on the row, return visit not started.
      await waitFor('the reply waiting for the case row', async () =>
        (await t.pg.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%supervised_case%'`)).rowCount ? true : undefined);
      expect(await t.rows.clockOf(grievanceId, 'return_visit')).toBeUndefined();
      const merged = await t.sut.publish(GrievanceMerged, merge(grievanceId, randomUUID(), new Date(Date.now() - DAY)));
      await holder.query('COMMIT');
      await t.rows.applied(reply.id);
      await t.rows.applied(merged.id);
    } finally {
      await holder.end();
    }
    // Whichever of the two had the case first, the return visit's clock does not count.
    expect(await t.rows.clockOf(grievanceId, 'return_visit')).toMatchObject({ state: 'stopped' });
    expect(await t.rows.counting(grievanceId)).toEqual([]);
  });
});
