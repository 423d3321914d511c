import {
  RoutingCreateOrganisation,
  RoutingDeactivateOrganisation,
  RoutingGetAssignment,
  RoutingReassignAssignment,
  RoutingRequestHandover,
  RoutingReturnAssignment,
} from '@yikouban/contracts';
import { actor, COMMAND_CENTRE, HR, WorkbenchHarness } from './testing/workbench-harness';

const SOCIAL_INSURANCE = 'dept_social_insurance';
const ADMIN = actor(COMMAND_CENTRE, 'admin-user');

describe('a deactivated organisation is never given work (real PostgreSQL and NATS)', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const newOrganisation = (code: string, name: string) =>
    h.request(RoutingCreateOrganisation, { code, name, nameEn: 'Test bureau', kind: 'department', regionCode: '330621', by: ADMIN });

  it('refuses a reassignment or handover to an organisation deactivated here or by another replica, with organisation_inactive', async () => {
    const { assignments } = await h.receive();
    const [lead, co] = assignments;
    await h.request(RoutingReturnAssignment, { assignmentId: lead.id, by: actor(HR), reason: '系社保缴费争议，属社保中心职责' });

    // Deactivated through this replica: its snapshot is dropped and the organisation marked.
    await newOrganisation('dept_closed_bureau', '已撤并的测试局');
    await h.request(RoutingDeactivateOrganisation, { code: 'dept_closed_bureau', reason: '机构改革撤并', by: ADMIN });
    const toClosed = await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: 'dept_closed_bureau', reason: '改派' });
    expect(toClosed).toMatchObject({ code: 'CONFLICT', domain: 'organisation_inactive', message: expect.stringContaining('已撤并的测试局') });

    // Deactivated by another replica (straight in the table) while this one's snapshot still lists it as active.
    await newOrganisation('dept_merged_bureau', '另一副本停用的测试局');
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: HR, reason: '仍由人社办理' })).toMatchObject({ code: 'BAD_REQUEST' });
    await h.pg.query(`UPDATE routing.organisation SET active = false WHERE code = 'dept_merged_bureau'`);
    expect(await h.refusal(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: 'dept_merged_bureau', reason: '改派' })).toMatchObject({
      code: 'CONFLICT',
      domain: 'organisation_inactive',
    });
    expect((await h.request(RoutingGetAssignment, { assignmentId: lead.id })).status).toBe('awaiting_reassignment');

    // The wage case has a co-handling unit, which may hand its part over — but not to a closed bureau.
    expect(co).toBeDefined();
    expect(await h.refusal(RoutingRequestHandover, { assignmentId: co!.id, by: actor(co!.org_code), toOrgCode: 'dept_closed_bureau', reason: '主要诉求属该局' })).toMatchObject({
      code: 'CONFLICT',
      domain: 'organisation_inactive',
    });

    // An active organisation still takes the work.
    const fresh = await h.request(RoutingReassignAssignment, { assignmentId: lead.id, by: actor(COMMAND_CENTRE), toOrgCode: SOCIAL_INSURANCE, reason: '改派社保中心' });
    expect(fresh).toMatchObject({ orgCode: SOCIAL_INSURANCE, status: 'created' });
  });
});
