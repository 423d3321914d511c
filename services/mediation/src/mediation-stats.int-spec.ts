import { MediationGetStats, type HandoffView, type MediationStatsRow } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { startServiceUnderTest, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, ORG, refused } from './testing/handoff-driver';

const DAY = 86_400_000;
const days = (h: HandoffView) => (Date.parse(h.concludedAt as string) - Date.parse(h.requestedAt)) / DAY;
const mean = (hs: HandoffView[]) => hs.reduce((n, h) => n + days(h), 0) / hs.length;

describe('mediation statistics: count, success rate and mean duration per kind, organisation, region and period', () => {
  let sut: ServiceUnderTest;
  let rpc: RpcClient;
  let drive: HandoffDriver;
  const started = new Date(Date.now() - 1000).toISOString();
  const concluded: Record<string, HandoffView[]> = {};

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { pg: false, seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ rpc } = sut);
    drive = new HandoffDriver(rpc);

    const petition = () => drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.chengguan });
    concluded.petitionAgreed = [await drive.mediateToAgreement(await petition()), await drive.returnToSource(await drive.mediateToAgreement(await petition()))];
    concluded.petitionFailed = [await drive.mediateToFailure(await petition())];
    concluded.litigationFailed = [await drive.mediateToFailure(await drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.commercial }))];
    concluded.policeAgreed = [await drive.mediateToAgreement(await drive.request({ kind: 'police_mediation', sourceOrgCode: 'ps_330621103', targetOrgCode: ORG.shiqiao }))];
    concluded.procuratorateAgreed = [await drive.mediateToAgreement(await drive.request({ kind: 'procuratorate_mediation', targetOrgCode: ORG.lawyerRoom }))];
    // Not mediated, so not counted: recalled before anyone answered, declined, still open.
    await drive.act(await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.chengguan }), ORG.petition, { type: 'withdraw_request', reason: '信访人撤回' });
    await drive.act(await drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.traffic }), ORG.traffic, { type: 'decline', reason: '不属于交通事故纠纷' });
    await drive.readyForSessions(await petition());
  });

  afterAll(() => sut?.close());

  const period = () => ({ from: started, to: new Date(Date.now() + 60_000).toISOString() });
  const expectRow = (row: MediationStatsRow | undefined, hs: HandoffView[], agreements: number) => {
    expect(row).toMatchObject({ concluded: hs.length, agreements });
    expect(row?.successRate).toBeCloseTo(agreements / hs.length, 12);
    expect(row?.meanDurationDays).toBeCloseTo(mean(hs), 9);
  };

  it('counts what the scenarios concluded, in total and per kind, organisation and region', async () => {
    const s = await rpc.request(MediationGetStats, period());
    const all = Object.values(concluded).flat();
    expectRow(s.total, all, 4);
    expect(s.total.successRate).toBeCloseTo(4 / 6, 12);
    const byKind = Object.fromEntries(s.byKind.map((r) => [r.key, r]));
    expect(Object.keys(byKind).sort()).toEqual(['litigation_mediation', 'petition_mediation', 'police_mediation', 'procuratorate_mediation']);
    expectRow(byKind.petition_mediation, [...concluded.petitionAgreed, ...concluded.petitionFailed], 2);
    expectRow(byKind.litigation_mediation, concluded.litigationFailed, 0);
    expectRow(byKind.police_mediation, concluded.policeAgreed, 1);
    expectRow(byKind.procuratorate_mediation, concluded.procuratorateAgreed, 1);
    const byOrg = Object.fromEntries(s.byOrganisation.map((r) => [r.key, r]));
    expectRow(byOrg[ORG.chengguan], [...concluded.petitionAgreed, ...concluded.petitionFailed], 2);
    expect(byOrg[ORG.chengguan].name).toBe('城关镇人民调解委员会');
    expectRow(byOrg[ORG.commercial], concluded.litigationFailed, 0);
    expect(Object.keys(byOrg)).not.toContain(ORG.traffic);
    const byRegion = Object.fromEntries(s.byRegion.map((r) => [r.key, r]));
    expectRow(byRegion['330621101'], [...concluded.petitionAgreed, ...concluded.petitionFailed], 2);
    expectRow(byRegion['330621103'], concluded.policeAgreed, 1);
    expectRow(byRegion['330621'], [...concluded.litigationFailed, ...concluded.procuratorateAgreed], 1);
  });

  it('filters by kind, organisation and region (a region includes the regions under it)', async () => {
    const petition = await rpc.request(MediationGetStats, { ...period(), kind: 'petition_mediation' });
    expectRow(petition.total, [...concluded.petitionAgreed, ...concluded.petitionFailed], 2);
    expect(petition.byOrganisation.map((r) => r.key)).toEqual([ORG.chengguan]);
    const commercial = await rpc.request(MediationGetStats, { ...period(), orgCode: ORG.commercial });
    expect(commercial.total).toMatchObject({ concluded: 1, agreements: 0, successRate: 0 });
    const county = await rpc.request(MediationGetStats, { ...period(), regionCode: '330621' });
    expect(county.total.concluded).toBe(6);
    const town = await rpc.request(MediationGetStats, { ...period(), regionCode: '330621103' });
    expectRow(town.total, concluded.policeAgreed, 1);
  });

  it('counts nothing outside the period and refuses an empty period', async () => {
    const before = await rpc.request(MediationGetStats, { from: '2020-01-01T00:00:00Z', to: started });
    expect(before).toMatchObject({ total: { key: 'all', concluded: 0, agreements: 0, successRate: 0, meanDurationDays: null }, byKind: [], byOrganisation: [], byRegion: [] });
    const backwards = await refused(rpc.request(MediationGetStats, { from: started, to: '2020-01-01T00:00:00Z' }));
    expect(backwards).toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'from' })] });
  });
});
