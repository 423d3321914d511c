import { IntakeGetGrievance, RoutingListAssignmentsByGrievanceIds as RoutingListAssignments, SupervisionListClocksByGrievanceIds as SupervisionListClocks } from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import { resolverHarness } from '../auth/testing/resolver-harness';
import { JsonLogger } from '@yikouban/observability';
import { INTERNAL_MESSAGE, UNAVAILABLE_MESSAGE } from '../graphql/format-error';
import { GrievanceModule } from './grievance.module';
import { aClock, aGrievance, anAssignment } from './testing/grievance-fixtures';

const QUERY = `query ($code: String!) {
  grievance(trackingCode: $code) {
    trackingCode status channel regionCode categoryCode headcount receivedAt
    assignments { role unitCode unitName status }
    leadUnit { unitCode }
    deadline { step policyCode state startedAt dueAt }
  }
}`;

describe('grievance query (schema, validation pipe and error shaping, fake RPC)', () => {
  const logLines: string[] = [];
  const gql = resolverHarness([GrievanceModule], { auth: false, logger: new JsonLogger('gateway', 'info', (l) => logLines.push(l)) });
  const { rpc } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
    logLines.length = 0;
  });

  const ask = (code: string) => gql.execute<{ grievance: Record<string, unknown> | null }>(QUERY, { code }, { req: {} });

  it('answers the composed view with enum names and ISO date-times', async () => {
    const g = aGrievance({ status: 'in_progress', channel: 'mailbox_mayor' });
    const clock = aClock(g.id, { state: 'breached' });
    rpc.on(IntakeGetGrievance, () => g).on(RoutingListAssignments, () => [anAssignment(g.id)]).on(SupervisionListClocks, () => [clock]);
    const { data, errors } = await ask(g.trackingCode);
    expect(errors).toBeUndefined();
    expect(data?.grievance).toEqual({
      trackingCode: g.trackingCode,
      status: 'IN_PROGRESS',
      channel: 'MAILBOX_MAYOR',
      regionCode: g.regionCode,
      categoryCode: g.categoryCode,
      headcount: g.headcount,
      receivedAt: g.receivedAt,
      assignments: [{ role: 'LEAD', unitCode: 'housing_bureau', unitName: '县住房和城乡建设局', status: 'accepted' }],
      leadUnit: { unitCode: 'housing_bureau' },
      deadline: { step: clock.step, policyCode: clock.policyCode, state: 'BREACHED', startedAt: clock.startedAt, dueAt: clock.dueAt },
    });
  });

  it('answers null, without an error, for a code intake does not know', async () => {
    rpc.on(IntakeGetGrievance, () => {
      throw new RpcCallError('NOT_FOUND', 'no grievance with that tracking code');
    });
    expect(await ask('YKB-2024-999999')).toEqual({ data: { grievance: null } });
  });

  it('refuses a malformed code as BAD_USER_INPUT naming the field, before asking anyone', async () => {
    const { data, errors } = await ask('not a code!');
    expect(data?.grievance ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.fields).toEqual([{ field: 'trackingCode', problems: [expect.stringContaining('trackingCode is not a tracking code')] }]);
    expect(rpc.calls).toEqual([]);
  });

  it('accepts a code typed in lower case with spaces', async () => {
    const g = aGrievance();
    rpc.on(IntakeGetGrievance, () => g).on(RoutingListAssignments, () => []).on(SupervisionListClocks, () => []);
    const { data } = await ask(`  ${g.trackingCode.toLowerCase()} `);
    expect(data?.grievance?.trackingCode).toBe(g.trackingCode);
    expect(rpc.calls[0].payload).toEqual({ trackingCode: g.trackingCode });
  });

  it('reports SERVICE_UNAVAILABLE, with a generic message, when routing does not answer', async () => {
    const g = aGrievance();
    rpc.on(IntakeGetGrievance, () => g).on(SupervisionListClocks, () => []).on(RoutingListAssignments, () => {
      throw new RpcCallError('UNAVAILABLE', 'routing.assignment.list: Timeout has occurred');
    });
    const { data, errors } = await ask(g.trackingCode);
    expect(data?.grievance).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    expect(logLines.some((l) => l.includes('routing.assignment.list'))).toBe(true);
  });

  it('hides an unexpected failure behind INTERNAL_SERVER_ERROR without internals, and logs it', async () => {
    rpc.on(IntakeGetGrievance, () => {
      throw new TypeError('secret internal detail');
    });
    const { errors } = await ask('YKB-2024-000001');
    expect(errors).toEqual([expect.objectContaining({ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(errors)).not.toContain('secret internal detail');
    expect(logLines.some((l) => l.includes('secret internal detail'))).toBe(true);
  });
});
