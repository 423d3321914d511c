import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type {
  AssignmentCreatedV1,
  AssignmentRepliedV1,
  DeadlineSetV1,
  GrievanceMergedV1,
  GrievanceReceivedV1,
  GrievanceTriagedV1,
  GrievanceWithdrawnV1,
} from '@yikouban/contracts';
import { startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest, type ServiceUnderTestOptions } from '@yikouban/testing';
import { BoardReader } from '../../indicators/board-reader';
import { beijingDay } from '../../indicators/indicator-math';
import { IndicatorReader } from '../../indicators/indicator-reader';
import { CaseOwnershipService } from '../../oversight/case-ownership.service';
import { supervisionService } from '../../service';
import { ClockSweeper } from '../clock-sweeper';

/*
 * The facts the clock integration specs feed supervision, and the rows they read back: one place,
 * so every spec builds a receipt or an assignment the same way. Each builder fills a realistic
 * county grievance (a wage claim in 330621) and takes what a scenario needs to differ.
 */

export const DAY = 86_400_000;
export const REGION = '330621102';

/** One tracking code per grievance, the same on each of its facts (aftercare keys commands by it). */
export const trackingCodeOf = (grievanceId: string) => `330621-26-${grievanceId.slice(0, 8).toUpperCase()}`;

/** A category and a unit of its own, so a scenario reads only its own counters and lists. */
export const scenario = (prefix: string) => {
  const tag = randomBytes(4).toString('hex');
  return { category: `${prefix}_${tag}`, org: `dept_${prefix}_${tag}` };
};

export const received = (grievanceId: string, receivedAt: Date, over: Partial<GrievanceReceivedV1> = {}): GrievanceReceivedV1 => ({
  grievanceId, trackingCode: trackingCodeOf(grievanceId), channel: 'letter', regionCode: REGION, categoryCode: 'wages', headcount: 1, collective: false, firstTime: false,
  receivedAt: receivedAt.toISOString(), ...over,
});

/** The lead unit's assignment (交办). */
export const assignment = (grievanceId: string, createdAt: Date, over: Partial<AssignmentCreatedV1> = {}): AssignmentCreatedV1 => ({
  assignmentId: randomUUID(), grievanceId, trackingCode: trackingCodeOf(grievanceId), role: 'lead', orgCode: 'dept_human_resources', orgName: '县人力资源和社会保障局',
  regionCode: REGION, ruleId: 'rule-wage', ruleVersion: 1, createdAt: createdAt.toISOString(), ...over,
});

export const triaged = (grievanceId: string, decidedAt: Date, over: Partial<GrievanceTriagedV1> = {}): GrievanceTriagedV1 => ({
  grievanceId, categoryCode: 'wages', statutoryPath: 'petition', complexity: 'complex', colour: 'yellow', reason: '依职责交办', decidedBy: 'auto', decidedAt: decidedAt.toISOString(), ...over,
});

/** The lead unit's 处理意见书 on the assignment. */
export const replied = (a: AssignmentCreatedV1, at: Date): AssignmentRepliedV1 => ({
  assignmentId: a.assignmentId, grievanceId: a.grievanceId, trackingCode: a.trackingCode, role: 'lead', orgCode: a.orgCode, by: { userId: 'u-hr', orgCode: a.orgCode }, at: at.toISOString(),
  letter: { request: '追讨工资', facts: '经核实拖欠属实', reasons: '依法应当支付', opinion: '责令限期支付', legalBasis: ['《保障农民工工资支付条例》第十五条'], conclusion: 'support' } as never,
  contributions: [],
});

export const withdrawal = (grievanceId: string, withdrawnAt: Date): GrievanceWithdrawnV1 => ({
  grievanceId, trackingCode: trackingCodeOf(grievanceId), reason: '已自行协商解决', withdrawnAt: withdrawnAt.toISOString(),
});

export const merge = (grievanceId: string, mergedIntoId: string, mergedAt: Date): GrievanceMergedV1 => ({ grievanceId, mergedIntoId, mergedAt: mergedAt.toISOString() });

/** The mediation service's 30-day limit on a 访调 handoff of the grievance (人民调解法), from `startedAt`. */
export const mediationDeadline = (grievanceId: string, startedAt: Date): DeadlineSetV1 => ({
  handoffId: randomUUID(), kind: 'petition_mediation', grievanceId, step: 'mediation', amount: 30, unit: 'natural_days', source: '人民调解法', responsibleOrgCode: 'med_labour',
  startedAt: startedAt.toISOString(), dueAt: new Date(startedAt.getTime() + 30 * DAY).toISOString(),
});

/** A clock as stored (supervision.clock). */
export interface ClockRow {
  id: string; subject_id: string; step: string; policy_code: string; state: string; started_at: Date; due_at: Date; stopped_at: Date | null; next_alarm_at: Date | null;
  warnings_sent: number; escalation_level: number; awaiting_receipt: boolean; history: { at: string; change: string; cause: string }[];
}

/** The case as supervision marks it. */
export interface CaseRow { open: boolean; merged_into_id: string | null; merged_at: Date | null; withdrawn_at: Date | null }

/** Readers of supervision's own rows, over the spec's connection. */
export function supervisionRows(pg: Client) {
  const clocksOf = async (grievanceId: string): Promise<ClockRow[]> =>
    (await pg.query('SELECT * FROM supervision.clock WHERE grievance_id = $1 ORDER BY step, started_at', [grievanceId])).rows;
  const clockOf = async (grievanceId: string, step: string): Promise<ClockRow | undefined> => (await clocksOf(grievanceId)).find((c) => c.step === step);
  return {
    clocksOf,
    clockOf,
    /** Waits for the grievance's clock of the step. */
    clockStarted: (grievanceId: string, step: string) => waitFor(`the ${step} clock`, () => clockOf(grievanceId, step)),
    /** The steps of the grievance whose clocks still count. */
    counting: async (grievanceId: string) => (await clocksOf(grievanceId)).filter((c) => c.state !== 'stopped').map((c) => c.step),
    caseOf: async (grievanceId: string): Promise<CaseRow | undefined> =>
      (await pg.query('SELECT open, merged_into_id, merged_at, withdrawn_at FROM supervision.supervised_case WHERE grievance_id = $1', [grievanceId])).rows[0],
    /** Waits until the event's effect is committed (its id in the inbox). */
    applied: (eventId: string) =>
      waitFor(`event ${eventId} applied`, async () => ((await pg.query('SELECT 1 FROM supervision.inbox WHERE event_id = $1', [eventId])).rowCount ? true : undefined)),
  };
}

/** What the indicator board, the backlog and the overdue board show of a scenario. */
export function supervisionViews(svc: RunningService) {
  return {
    /** The open-case count (积存) and the day's counters of a category. */
    indicators: async (category: string, from: Date) => {
      const [row] = await svc.app.get(IndicatorReader).read({ from: beijingDay(from), to: beijingDay(new Date()), categoryCode: category });
      return { backlog: row.backlog, received: row.counts.received, assigned: row.counts.assigned };
    },
    backlogIds: async (org: string) => (await svc.app.get(CaseOwnershipService).backlog({ orgCode: org })).items.map((i) => i.grievanceId),
    boardIds: async (org: string) => (await svc.app.get(BoardReader).overdue({ orgCode: org })).items.map((i) => i.grievanceId),
    /** The overdue board of a unit after a sweep now: what has come due has fired. */
    boardAfterSweep: async (org: string) => {
      await svc.app.get(ClockSweeper).sweep(new Date());
      return (await svc.app.get(BoardReader).overdue({ orgCode: org })).items.map((i) => i.grievanceId);
    },
  };
}

/** A spec's supervision: the service under test, and the readers over it. */
export interface SupervisionUnderTest extends Pick<ServiceUnderTest, 'ns' | 'svc' | 'probe' | 'pg'> {
  sut: ServiceUnderTest;
  rows: ReturnType<typeof supervisionRows>;
  views: ReturnType<typeof supervisionViews>;
}

/**
 * Starts supervision for the spec (before all its tests, in a database of its own, the sweeper left
 * to the tests) and stops it after them. The fields are there once the spec's tests run.
 */
export function supervisionUnderTest(options: ServiceUnderTestOptions & { env?: Record<string, string> }): SupervisionUnderTest {
  const t = {} as SupervisionUnderTest;
  beforeAll(async () => {
    const { env, ...rest } = options;
    const sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0', ...env }, { rpcName: false, ...rest });
    Object.assign(t, { sut, ns: sut.ns, svc: sut.svc, probe: sut.probe, pg: sut.pg, rows: supervisionRows(sut.pg), views: supervisionViews(sut.svc) });
  });
  afterAll(() => t.sut?.close());
  return t;
}
