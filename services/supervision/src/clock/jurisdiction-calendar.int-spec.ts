import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChineseDaysSource, dayOfInstant, dayToIso, WorkingCalendar, type CalendarOverride } from '@yikouban/calendar';
import {
  AssignmentCreated,
  SupervisionAddCalendarOverride,
  SupervisionDecideDeadlineExtension,
  SupervisionIssueNotice,
  SupervisionRequestDeadlineExtension,
  type AssignmentCreatedV1,
  type EventEnvelope,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';
import { policyOf } from './deadline-planner';
import { extendedDue } from './extension-rules';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });
const DAY = 86_400_000;
const COUNTY = '330621';
const TOWN = '330621102';
const national = new WorkingCalendar(new ChineseDaysSource());
const staff = (userId: string) => ({ kind: 'staff' as const, userId, orgCode: 'dept_human_resources' });

/** The first national working day at or after the instant's Beijing day plus n days. */
function workdayAfter(at: Date, n: number): string {
  for (let k = n; ; k += 1) {
    const day = dayToIso(dayOfInstant(new Date(at.getTime() + k * DAY)));
    if (national.isWorkday(day)) return day;
  }
}

describe('every working-day deadline counts on the clock’s jurisdiction’s calendar (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_jurisdiction', rpcName: 'supervision-jurisdiction-test' });
    ({ ns, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  const holiday = async (date: string): Promise<CalendarOverride> => {
    await rpc.request(SupervisionAddCalendarOverride, { jurisdiction: COUNTY, date, kind: 'holiday', note: '县里的休息日（测试）', by: staff('u-admin') });
    return { date, kind: 'holiday', reason: '县里的休息日（测试）' };
  };

  it('records the region on the clock, and an override holiday in 330621 moves an extension’s and a notice’s due date', async () => {
    const a: AssignmentCreatedV1 = {
      assignmentId: randomUUID(), grievanceId: randomUUID(), trackingCode: '330621-26-7001J', role: 'lead', orgCode: 'dept_human_resources', orgName: '县人力资源和社会保障局',
      regionCode: TOWN, ruleId: 'rule-wage', ruleVersion: 1, createdAt: new Date().toISOString(),
    };
    await probe.publish(ns.subject(AssignmentCreated.subject), envelope(AssignmentCreated.subject, a));
    const clock = await waitFor('the handling clock', async () =>
      (await pg.query(`SELECT id, region_code, policy_code, started_at, due_at FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [a.grievanceId])).rows[0] as
        { id: string; region_code: string; policy_code: string; started_at: Date; due_at: Date } | undefined);
    expect(clock.region_code).toBe(TOWN);
    const policy = policyOf(clock.policy_code, clock.started_at);
    expect(policy?.unit).toBe('natural_days');

    // The county's day off falls on the last day of a 10-day extension (a national working day), and on
    // the first working day after today (inside a notice's 2 working days).
    const now = new Date();
    const extensionEnd = workdayAfter(new Date(clock.due_at.getTime() - 1), 10);
    const days = Math.round((Date.parse(`${extensionEnd}T00:00:00+08:00`) - Date.parse(`${dayToIso(dayOfInstant(new Date(clock.due_at.getTime() - 1)))}T00:00:00+08:00`)) / DAY);
    const overrides = [await holiday(extensionEnd), await holiday(workdayAfter(now, 1))];
    const county = new WorkingCalendar(new ChineseDaysSource(), overrides);

    const asked = await rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: a.grievanceId, days, reason: '需要补充调查', by: staff('unit-1') });
    const approved = await rpc.request(SupervisionDecideDeadlineExtension, { requestId: asked.id, approve: true, by: staff('leader-1') });
    const onNational = extendedDue(clock.due_at, days, policy, national);
    const onCounty = extendedDue(clock.due_at, days, policy, county);
    expect(onCounty.getTime()).toBeGreaterThan(onNational.getTime());
    expect(approved.newDueAt).toBe(onCounty.toISOString());

    const notice = await rpc.request(SupervisionIssueNotice, {
      grievanceId: a.grievanceId, trackingCode: a.trackingCode, level: 'supervision_office', listed: true, demands: '请于期限内答复并整改', respondWithinWorkingDays: 2, fixWithinWorkingDays: 3, by: staff('supervisor-1'),
    });
    const issuedAt = new Date(notice.issuedAt);
    expect(county.addWorkingDays(issuedAt, 2).getTime()).toBeGreaterThan(national.addWorkingDays(issuedAt, 2).getTime());
    expect(notice.responseDueAt).toBe(county.addWorkingDays(issuedAt, 2).toISOString());
    expect(notice.fixDueAt).toBe(county.addWorkingDays(issuedAt, 3).toISOString());
  });
});
