import { randomUUID } from 'node:crypto';
import {
  DirectoryChanged,
  GrievanceRedirected,
  MediationGetHandoff,
  MediationListMediators,
  RoutingListOrganisations,
  type DirectoryChange,
  type DirectoryOrganisationView,
  type GrievanceRedirectedV1,
  type HandoffView,
  type ListOrganisations,
} from '@yikouban/contracts';
import { JsonLogger } from '@yikouban/observability';
import { startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, ORG, refused } from './testing/handoff-driver';

const COUNTY = '330621';
const SHIQIAO = '330621103';
const COMMAND_CENTRE = 'command_330621';
const ADMIN = { userId: 'admin-1', orgCode: 'dept_petition' };

type Row = { code: string; name: string; name_en: string; kind: string; region_code: string; specialities: string[]; active: boolean };

describe("mediation follows routing's directory (real PostgreSQL and NATS, routing played by a fake)", () => {
  let sut: ServiceUnderTest;
  let drive: HandoffDriver;
  /** Routing's directory as the fake answers it, by code. */
  const routing = new Map<string, DirectoryOrganisationView>();
  /** Every code routing was asked about, in order. */
  const asked: string[] = [];
  let silent = false;

  beforeAll(async () => {
    // A short wait for routing, so a silent routing costs the test half a second per delivery.
    sut = await startServiceUnderTest(mediationService, { MEDIATION_ROUTING_TIMEOUT_MS: '500' }, { seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    drive = new HandoffDriver(sut.rpc);
    sut.probe.nc.subscribe(sut.ns.subject(RoutingListOrganisations.subject), {
      callback: (err, msg) => {
        if (err) return;
        // Nest's framing: requests arrive as { pattern, data, id }; replies go back as { id, response, isDisposed }.
        const { id, data } = msg.json<{ id: string; data: ListOrganisations }>();
        asked.push(...(data.codes ?? []));
        if (silent) return;
        const response = [...routing.values()].filter((o) => (data.codes ?? []).includes(o.code) && (data.includeInactive || o.active));
        msg.respond(JSON.stringify({ id, response, isDisposed: true }));
      },
    });
    await sut.probe.nc.flush(); // the fake is subscribed on the server before mediation asks
  });

  afterAll(() => sut?.close());

  const org = (over: Partial<DirectoryOrganisationView> & Pick<DirectoryOrganisationView, 'code' | 'name' | 'kind'>): DirectoryOrganisationView => ({
    nameEn: `${over.code} (English)`, regionCode: COUNTY, departmentType: null, active: true, ...over,
  });
  /** Routing's fact for a change of the organisation (as routing publishes it after its transaction). */
  const changed = (change: DirectoryChange, organisationCode: string, regionCode = COUNTY) =>
    sut.publish(DirectoryChanged, { change, regionCode, organisationCode, by: ADMIN, at: new Date().toISOString() });
  const rowOf = async (code: string): Promise<Row | undefined> =>
    (await sut.pg.query('SELECT code, name, name_en, kind, region_code, specialities, active FROM mediation.organisation WHERE code = $1', [code])).rows[0];
  const rowWhere = (what: string, code: string, ok: (r: Row) => boolean): Promise<Row> =>
    waitFor(what, async () => {
      const r = await rowOf(code);
      return r && ok(r) ? r : undefined;
    });
  const deadLetters = async (): Promise<string[]> =>
    (await sut.probe.read(sut.ns.stream('dlq'), sut.ns.deadLetterSubject('mediation', DirectoryChanged.subject))).map((m) => m.headers?.get('x-dlq-reason') ?? '');

  /** A petition case held by `sourceOrgCode`, redirected by the command centre to 石桥镇's committee. */
  const redirectFrom = async (sourceOrgCode: string, sourceOrgName: string): Promise<HandoffView> => {
    const data: GrievanceRedirectedV1 = {
      grievanceId: randomUUID(), trackingCode: '330621-26-7001D', regionCode: SHIQIAO, to: 'mediation', targetOrgCode: ORG.shiqiao, targetOrgName: '石桥镇人民调解委员会',
      reason: '劳务费纠纷，双方同意人民调解', sourceAssignmentId: randomUUID(), sourceOrgCode, sourceOrgName, by: { userId: 'cc-operator', orgCode: COMMAND_CENTRE }, at: new Date().toISOString(),
    };
    await sut.publish(GrievanceRedirected, data);
    return waitFor(`the handoff of ${data.grievanceId}`, async () => {
      const [row] = (await sut.pg.query('SELECT id FROM mediation.handoff WHERE grievance_id = $1', [data.grievanceId])).rows as { id: string }[];
      return row ? sut.rpc.request(MediationGetHandoff, { handoffId: row.id }) : undefined;
    });
  };

  it('takes a department created in routing as a sender: its 访调 requests are accepted, renamed when routing renames it, refused once routing deactivates it', async () => {
    const code = 'dept_statistics';
    // Unknown before routing says so: the request is refused and a redirect falls back to the command centre.
    expect((await refused(drive.request({ kind: 'petition_mediation', sourceOrgCode: code }))).message).toMatch(/^unknown_organisation: .*dept_statistics/);
    expect((await redirectFrom(code, '县统计局')).source.orgCode).toBe(COMMAND_CENTRE);

    routing.set(code, org({ code, name: '县统计局', nameEn: 'County Statistics Bureau', kind: 'department' }));
    await changed('organisation_created', code);
    expect(await rowWhere('the new department', code, () => true)).toEqual({
      code, name: '县统计局', name_en: 'County Statistics Bureau', kind: 'petition_office', region_code: COUNTY, specialities: [], active: true,
    });

    const requested = await drive.request({ kind: 'petition_mediation', sourceOrgCode: code });
    expect(requested).toMatchObject({ status: 'requested', source: { orgCode: code, name: '县统计局', kind: 'petition_office' } });
    // A redirect of a case it holds now names it as the sender, not the command centre.
    expect((await redirectFrom(code, '县统计局')).source).toEqual({ orgCode: code, name: '县统计局', kind: 'petition_office' });

    routing.set(code, { ...routing.get(code)!, name: '县统计局（县普查中心）', nameEn: 'County Statistics Bureau (Census Centre)' });
    await changed('organisation_updated', code);
    await rowWhere('the renamed department', code, (r) => r.name === '县统计局（县普查中心）');
    expect((await drive.request({ kind: 'petition_mediation', sourceOrgCode: code })).source.name).toBe('县统计局（县普查中心）');
    // A handoff already made keeps the name it was made under.
    expect((await sut.rpc.request(MediationGetHandoff, { handoffId: requested.id })).source.name).toBe('县统计局');

    routing.set(code, { ...routing.get(code)!, active: false });
    await changed('organisation_deactivated', code);
    await rowWhere('the deactivated department', code, (r) => !r.active);
    expect((await refused(drive.request({ kind: 'petition_mediation', sourceOrgCode: code }))).message).toMatch(/^unknown_organisation: /);
    // Its open handoffs go on: the committee still accepts the one it was sent.
    expect(await drive.act(requested, requested.target.orgCode, { type: 'accept' })).toMatchObject({ status: 'accepted', source: { orgCode: code, name: '县统计局' } });
    expect(await deadLetters()).toEqual([]);
  });

  it("renames a committee mediation already knows and keeps what only mediation records: its specialities and mediators", async () => {
    const before = (await rowOf(ORG.shiqiao))!;
    const mediators = await sut.rpc.request(MediationListMediators, { orgCode: ORG.shiqiao });
    expect(mediators.length).toBeGreaterThan(0);
    routing.set(ORG.shiqiao, org({ code: ORG.shiqiao, name: '石桥镇人民调解委员会（石桥镇矛盾纠纷调处中心）', nameEn: "Shiqiao People's Mediation Committee", kind: 'mediation_committee', regionCode: SHIQIAO }));
    await changed('organisation_updated', ORG.shiqiao, SHIQIAO);
    const after = await rowWhere('the renamed committee', ORG.shiqiao, (r) => r.name !== before.name);
    expect(after).toEqual({ ...before, name: '石桥镇人民调解委员会（石桥镇矛盾纠纷调处中心）', name_en: "Shiqiao People's Mediation Committee" });
    expect(await sut.rpc.request(MediationListMediators, { orgCode: ORG.shiqiao })).toEqual(mediators);
    expect((await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.shiqiao })).target).toEqual({ orgCode: ORG.shiqiao, name: after.name, kind: 'people_mediation_committee' });
  });

  it('applies a change routing did not answer for once routing answers again, without dead-lettering it', async () => {
    const code = 'town_330621107';
    routing.set(code, org({ code, name: '青山镇人民政府', nameEn: 'Qingshan Town Government', kind: 'town_government', regionCode: '330621107' }));
    silent = true;
    const askedBefore = asked.filter((c) => c === code).length;
    await changed('organisation_created', code, '330621107');
    await waitFor('mediation asking routing', () => asked.filter((c) => c === code).length > askedBefore);
    expect(await rowOf(code)).toBeUndefined();
    silent = false;
    expect(await rowWhere('the town copied after routing answered', code, () => true)).toMatchObject({ name: '青山镇人民政府', kind: 'petition_office', region_code: '330621107', active: true });
    expect(asked.filter((c) => c === code).length).toBeGreaterThanOrEqual(askedBefore + 2);
    expect(await deadLetters()).toEqual([]);
    expect((await drive.request({ kind: 'petition_mediation', sourceOrgCode: code })).source.name).toBe('青山镇人民政府');
  });

  it('ignores region changes, codes routing does not know and organisations that take no part in handoffs', async () => {
    const joint = 'joint_office_330621';
    routing.set(joint, org({ code: joint, name: '县信访工作联席会议办公室', kind: 'joint_conference' }));
    const askedBefore = asked.length;
    await sut.publish(DirectoryChanged, { change: 'region_created', regionCode: '330621108', by: ADMIN, at: new Date().toISOString() });
    await changed('organisation_created', 'dept_nowhere');
    await changed('organisation_created', joint);
    // Facts of one subject apply in order: once a later one is copied, these were handled.
    const marker = 'dept_marker';
    routing.set(marker, org({ code: marker, name: '县退役军人事务局', kind: 'department' }));
    await changed('organisation_created', marker);
    await rowWhere('the marker department', marker, () => true);

    expect(asked.slice(askedBefore)).toEqual(['dept_nowhere', joint, marker]);
    expect(await rowOf('dept_nowhere')).toBeUndefined();
    expect(await rowOf(joint)).toBeUndefined();
    expect(await deadLetters()).toEqual([]);
  });
});
