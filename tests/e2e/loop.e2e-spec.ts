import request from 'supertest';
import { waitFor } from '@yikouban/testing';
import { GRIEVANCE_QUERY, graphql, signInAs } from './support/graphql';
import { SERVICES, SystemUnderTest } from './support/system';
import { demoPlaces } from './support/demo-places';

interface GrievanceAnswer {
  grievance: {
    trackingCode: string;
    status: string;
    headcount: number;
    leadUnit: { unitCode: string; unitName: string; role: string } | null;
    assignments: { unitCode: string; unitName: string; role: string }[];
    deadline: { step: string; policyCode: string; state: string; startedAt: string; dueAt: string } | null;
    deadlines: { step: string; policyCode: string; state: string; startedAt: string; dueAt: string }[];
  } | null;
}

describe('the loop: intake POST → routing → supervision → gateway GraphQL (five processes)', () => {
  let sut: SystemUnderTest;
  /** The command-centre operator's access token: the grievance query needs a signed-in staff role. */
  let operator: string;

  beforeAll(async () => {
    sut = await SystemUnderTest.create();
    await sut.startAll();
    operator = await signInAs(sut.url('gateway'), 'command_operator');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('every service is ready', async () => {
    for (const s of SERVICES) {
      const res = await fetch(`${sut.url(s)}/health/ready`);
      expect(res.status).toBe(200);
    }
  });

  it('a collective wage-arrears grievance is assigned to 人社 with 住建 co-handling and a 60-day deadline', async () => {
    const places = demoPlaces();
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({
        channel: 'walk_in',
        petitioner: { name: '高建国', phone: '13912345678', address: '东湖街道安置房社区3幢' },
        statement: { request: '要求结清拖欠的工资', facts: '在城东安置房项目务工半年，包工头未发工资', reasons: '依法应按月足额支付劳动报酬' },
        regionCode: places.village,
        categoryCode: 'wage_arrears',
        description: '我们十多名工人在城东安置房项目干活，包工头拖欠工资半年，今晚八点仍在信访超市等待答复。',
        headcount: 12,
      })
      .expect(201);

    const answer = await waitFor('the grievance assigned with a deadline', async () => {
      const { data } = await graphql<GrievanceAnswer>(sut.url('gateway'), GRIEVANCE_QUERY, { code: posted.body.trackingCode }, operator);
      const g = data?.grievance;
      return g && g.status === 'ASSIGNED' && g.deadlines.some((d) => d.step === 'handling') ? g : undefined;
    });
    expect(answer.trackingCode).toBe(posted.body.trackingCode);
    expect(answer.headcount).toBe(12);
    expect(answer.leadUnit?.unitCode).toBe(places.humanResources);
    expect(answer.assignments.filter((a) => a.role === 'CO').map((a) => a.unitCode)).toContain(places.housing);
    const handling = answer.deadlines.find((d) => d.step === 'handling')!;
    expect(handling).toMatchObject({ policyCode: 'handling_60d', state: 'RUNNING' });
    // 60 days, to 24:00 Beijing time of the last day (the start day is not counted).
    const days = (Date.parse(handling.dueAt) - Date.parse(handling.startedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(60);
    expect(days).toBeLessThanOrEqual(61);
    expect(new Date(handling.dueAt).getUTCHours()).toBe(16);
    // First-time: the county's 7-day feedback window runs too, and is the nearest deadline.
    expect(answer.deadline).toMatchObject({ step: 'feedback', policyCode: '330621_first_time_feedback_7d' });
  });

  it('answers null for an unknown tracking code and a coded error for a malformed one', async () => {
    const unknown = await graphql<GrievanceAnswer>(sut.url('gateway'), GRIEVANCE_QUERY, { code: '330621-26-ZZZZZ' }, operator);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.grievance).toBeNull();
    const malformed = await graphql<GrievanceAnswer>(sut.url('gateway'), GRIEVANCE_QUERY, { code: 'drop table;' }, operator);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers no one who has not signed in', async () => {
    const anonymous = await graphql<GrievanceAnswer>(sut.url('gateway'), GRIEVANCE_QUERY, { code: '330621-26-ZZZZZ' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
