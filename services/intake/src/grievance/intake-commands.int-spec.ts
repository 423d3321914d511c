import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  GrievanceSkipLevelRedirected,
  GrievanceTriaged,
  IntakeGetGrievanceById,
  IntakeListGrievances,
  IntakeMergeGrievances,
  IntakeRegisterGrievance,
  IntakeRevealPetitioner,
  IntakeSuggestDuplicates,
  IntakeTrackGrievance,
  IntakeWithdrawGrievance,
  type EventEnvelope,
  type GrievanceSkipLevelRedirectedV1,
  type RegisterGrievance,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from '../service';

describe('intake commands over NATS (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: string;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService, { INTAKE_SKIP_LEVEL_POLICY: 'redirect' }, { database: 'intake_cmds', rpcName: 'intake-commands-test' });
    ({ probe, pg, rpc } = sut);
    ns = sut.ns.prefix;
  });

  afterAll(() => sut?.close());

  const clerk = { userId: 'u-clerk', role: 'reception_clerk', orgCode: 'dept_petition' };
  const unit = { userId: 'u-unit', role: 'unit_staff', orgCode: 'dept_human_resources' };
  const wages: RegisterGrievance = {
    channel: 'hotline_12345',
    petitioner: { name: '高建国', phone: '13800000000', idNumber: '110105199003071239', address: '青川县城关镇东门社区' },
    regionCode: '330621101201',
    categoryCode: 'wage_arrears',
    description: '在城关镇工地干了三个月，老板拖欠工资两万四千元至今未付。',
    channelDetails: { callId: 'C-1', recordingRef: 'rec/1.wav' },
  };
  const auditRows = (grievanceId: string) =>
    pg.query('SELECT actor_user_id, actor_role, actor_org_code, reason, outcome, at FROM intake.petitioner_access_audit WHERE grievance_id = $1 ORDER BY at', [grievanceId]).then((r) => r.rows);

  it('registers with the REST door’s validation, field by field, and writes nothing on bad input', async () => {
    const before = (await pg.query('SELECT count(*)::int AS n FROM intake.grievance')).rows[0].n;
    const bad = { ...wages, petitioner: { name: '高建国', phone: '12345' }, representatives: Array.from({ length: 6 }, () => ({ name: '代表' })) };
    const err = await rpc.request(IntakeRegisterGrievance, bad).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['petitioner.phone', 'representatives']);
    // Channel rules (Art 19) come from the same service as REST.
    await expect(rpc.request(IntakeRegisterGrievance, { ...wages, channel: 'walk_in', channelDetails: undefined })).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: expect.arrayContaining([expect.objectContaining({ field: 'statement' })]) });
    expect((await pg.query('SELECT count(*)::int AS n FROM intake.grievance')).rows[0].n).toBe(before);
  });

  it('registers, reads by id and lists with the petitioner masked', async () => {
    const reg = await rpc.request(IntakeRegisterGrievance, wages);
    expect(reg).toMatchObject({ status: 'received', firstTime: true, repeatOf: null, skipLevel: null });
    expect(reg.secret).toMatch(/^[2-9A-Z]{8}$/);
    const record = await rpc.request(IntakeGetGrievanceById, { grievanceId: reg.id });
    expect(record).toMatchObject({ id: reg.id, trackingCode: reg.trackingCode, anonymous: false, accusation: false, petitionerWithheld: false });
    expect(record.petitioner).toEqual({ name: '高*国', phone: '138****0000', idNumber: '110***********1239' });
    expect(JSON.stringify(record)).not.toMatch(/13800000000|110105199003071239|高建国/);
    const page = await rpc.request(IntakeListGrievances, { regionCode: '330621101', first: 10 });
    expect(page.edges.map((e) => e.node.id)).toContain(reg.id);
    expect(JSON.stringify(page)).not.toMatch(/13800000000|110105199003071239/);
    await expect(rpc.request(IntakeGetGrievanceById, { grievanceId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages with a stable keyset cursor and filters by region subtree, channel, collective and time', async () => {
    const region = '330621104201';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await rpc.request(IntakeRegisterGrievance, { channel: i % 2 ? 'web' : 'wechat', regionCode: `${region}00${i % 2 ? 1 : 2}`, description: `白沙镇第${i + 1}件反映：路灯损坏夜间出行不便。`, headcount: i === 4 ? 8 : 1 });
      ids.push(r.id);
    }
    const seen: string[] = [];
    let after: string | undefined;
    let total = -1;
    for (;;) {
      const page = await rpc.request(IntakeListGrievances, { regionCode: region, first: 2, ...(after ? { after } : {}) });
      if (total < 0) total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.id));
      if (page.edges.length === 2 && page.pageInfo.hasNextPage) {
        // A grievance arriving between pages is newer than the cursor: it neither shifts nor repeats the rest.
        if (seen.length === 2) await rpc.request(IntakeRegisterGrievance, { channel: 'web', regionCode: `${region}001`, description: '白沙镇翻页期间新来的反映：路灯不亮。' });
        after = page.pageInfo.endCursor ?? undefined;
        continue;
      }
      expect(page.pageInfo.hasNextPage).toBe(false);
      break;
    }
    expect(seen).toEqual([...ids].reverse());
    expect(total).toBe(5);
    const web = await rpc.request(IntakeListGrievances, { regionCode: region, channel: ['web'] });
    expect(web.totalCount).toBe(3);
    const collective = await rpc.request(IntakeListGrievances, { regionCode: region, collective: true });
    expect(collective.edges.map((e) => e.node.id)).toEqual([ids[4]]);
    const none = await rpc.request(IntakeListGrievances, { regionCode: region, scopeRegionCode: '330621105' });
    expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    const future = await rpc.request(IntakeListGrievances, { regionCode: region, receivedFrom: new Date(Date.now() + 60_000).toISOString() });
    expect(future.totalCount).toBe(0);
    await expect(rpc.request(IntakeListGrievances, { first: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'first' })] });
    await expect(rpc.request(IntakeListGrievances, { after: 'bogus' })).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'after' })] });
  });

  it('reveals the identity only with a reason, writing the audit row in the same transaction', async () => {
    const reg = await rpc.request(IntakeRegisterGrievance, { ...wages, description: '工地老板拖欠工资，需要回访核实。' });
    await expect(rpc.request(IntakeRevealPetitioner, { grievanceId: reg.id, caller: clerk } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'reason' })] });
    expect(await auditRows(reg.id)).toEqual([]);
    const revealed = await rpc.request(IntakeRevealPetitioner, { grievanceId: reg.id, caller: clerk, reason: '电话回访核实身份' });
    expect(revealed.petitioner).toEqual({ name: '高建国', phone: '13800000000', idNumber: '110105199003071239', address: '青川县城关镇东门社区' });
    const rows = await auditRows(reg.id);
    expect(rows).toEqual([{ actor_user_id: 'u-clerk', actor_role: 'reception_clerk', actor_org_code: 'dept_petition', reason: '电话回访核实身份', outcome: 'revealed', at: new Date(revealed.revealedAt) }]);
    const { rows: [audit] } = await pg.query('SELECT id FROM intake.petitioner_access_audit WHERE grievance_id = $1', [reg.id]);
    expect(audit.id).toBe(revealed.auditId);
    await expect(pg.query('DELETE FROM intake.petitioner_access_audit WHERE grievance_id = $1', [reg.id])).rejects.toThrow(/append-only/);
  });

  it('never shows the reporter of an accusation to a handling unit (Art 30), and records the attempt', async () => {
    const report = await rpc.request(IntakeRegisterGrievance, { ...wages, categoryCode: 'corruption_report', accusation: true, description: '举报村主任在征地补偿款发放中虚报冒领。' });
    await expect(rpc.request(IntakeRevealPetitioner, { grievanceId: report.id, caller: unit, reason: '核实举报内容' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await auditRows(report.id)).map((r) => [r.actor_role, r.outcome])).toEqual([['unit_staff', 'refused']]);
    const asUnit = await rpc.request(IntakeGetGrievanceById, { grievanceId: report.id, viewerRole: 'unit_staff' });
    expect(asUnit).toMatchObject({ accusation: true, petitioner: null, petitionerWithheld: true, representatives: [] });
    const asClerk = await rpc.request(IntakeGetGrievanceById, { grievanceId: report.id, viewerRole: 'reception_clerk' });
    expect(asClerk.petitioner).toEqual({ name: '高*国', phone: '138****0000', idNumber: '110***********1239' });
    const clerkRead = await rpc.request(IntakeRevealPetitioner, { grievanceId: report.id, caller: clerk, reason: '纪检监察机关转办需核实举报人' });
    expect(clerkRead.petitioner?.name).toBe('高建国');
  });

  it('protects the reporter once routing triages the matter to discipline inspection, even if nobody ticked accusation', async () => {
    const reg = await rpc.request(IntakeRegisterGrievance, { ...wages, categoryCode: 'official_misconduct', description: '反映镇干部在低保审批中优亲厚友，吃拿卡要。' });
    expect((await rpc.request(IntakeGetGrievanceById, { grievanceId: reg.id, viewerRole: 'unit_staff' })).petitioner).not.toBeNull();
    const triaged = { id: randomUUID(), type: GrievanceTriaged.subject, v: 1, occurredAt: new Date().toISOString(), data: {
      grievanceId: reg.id, categoryCode: 'official_misconduct', statutoryPath: 'petition', diversion: 'discipline_inspection', complexity: 'complex', colour: 'yellow',
      reason: '检举控告公职人员，转纪检监察机关', decidedBy: 'auto', decidedAt: new Date().toISOString() } };
    await probe.publish(new Namespace(ns).subject(GrievanceTriaged.subject), triaged, triaged.id);
    const asUnit = await waitFor('the accusation projected from triage', async () => {
      const r = await rpc.request(IntakeGetGrievanceById, { grievanceId: reg.id, viewerRole: 'unit_staff' });
      return r.accusation ? r : undefined;
    });
    expect(asUnit).toMatchObject({ petitioner: null, petitionerWithheld: true });
    await expect(rpc.request(IntakeRevealPetitioner, { grievanceId: reg.id, caller: unit, reason: '核实反映人' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('accepts an anonymous grievance: nothing to reveal, the read still audited', async () => {
    const anon = await rpc.request(IntakeRegisterGrievance, { channel: 'web', regionCode: '330621102', description: '匿名反映：夜间渣土车噪音扰民。' });
    const record = await rpc.request(IntakeGetGrievanceById, { grievanceId: anon.id });
    expect(record).toMatchObject({ anonymous: true, petitioner: null, petitionerWithheld: false });
    const revealed = await rpc.request(IntakeRevealPetitioner, { grievanceId: anon.id, caller: clerk, reason: '核实是否匿名' });
    expect(revealed).toMatchObject({ anonymous: true, petitioner: null, representatives: [] });
    expect(await auditRows(anon.id)).toHaveLength(1);
  });

  it('flags skip-level, redirects by policy with an event, and lets a petitioner who went to the town first through', async () => {
    const person = { name: '钱某某', phone: '13900001111' };
    const matter = { channel: 'walk_in' as const, regionCode: '330621103202', categoryCode: 'land_contract', statement: { request: '要求重新丈量', facts: '承包地被邻居占用', reasons: '影响耕种' } };
    const skipped = await rpc.request(IntakeRegisterGrievance, { ...matter, petitioner: { ...person, address: '上垟村' }, receivedAtLevel: 'county', description: '上垟村承包地被邻居占用两分，多次协商无果，要求重新丈量确权。' });
    expect(skipped.skipLevel).toEqual({ receivedAtLevel: 'county', competentLevel: 'town', competentRegionCode: '330621103', redirected: true });
    const env = await waitFor('the redirect on JetStream', async () => {
      const msgs = await probe.read(new Namespace(ns).stream('intake'), `${ns}.${GrievanceSkipLevelRedirected.subject}`);
      return msgs.find((m) => m.json<EventEnvelope<GrievanceSkipLevelRedirectedV1>>().data.grievanceId === skipped.id)?.json<EventEnvelope<GrievanceSkipLevelRedirectedV1>>();
    });
    expect(env.data).toMatchObject({ trackingCode: skipped.trackingCode, competentLevel: 'town', competentRegionCode: '330621103', receivedAtLevel: 'county' });
    const view = await rpc.request(IntakeTrackGrievance, { trackingCode: skipped.trackingCode, secret: skipped.secret });
    expect(view.timeline.map((t) => t.kind)).toEqual(['received', 'redirected_to_competent_level']);

    // Another person goes to the town first, then to the county with the same matter: 逐级, not skip-level.
    const other = { name: '孙某某', phone: '13900002222', address: '上垟村' };
    await rpc.request(IntakeRegisterGrievance, { ...matter, petitioner: other, receivedAtLevel: 'town', description: '上垟村承包地被邻居占用，要求镇里组织重新丈量。' });
    const upward = await rpc.request(IntakeRegisterGrievance, { ...matter, petitioner: other, receivedAtLevel: 'county', description: '上垟村承包地被邻居占用，镇里未组织重新丈量，要求县里督促。' });
    expect(upward).toMatchObject({ skipLevel: null, firstTime: false });
    const flagged = await rpc.request(IntakeListGrievances, { regionCode: '330621103', skipLevel: true });
    expect(flagged.edges.map((e) => e.node.id)).toEqual([skipped.id]);
  });

  it('serves the citizen view and withdrawal, and duplicate suggestions and merge, over NATS', async () => {
    const a = await rpc.request(IntakeRegisterGrievance, { channel: 'web', regionCode: '330621106201', categoryCode: 'street_lighting', location: { lat: 28.1, lng: 120.1 }, description: '云岭村村口路灯坏了一个多月，晚上漆黑一片。' });
    const b = await rpc.request(IntakeRegisterGrievance, { channel: 'wechat', regionCode: '330621106201', categoryCode: 'street_lighting', location: { lat: 28.1003, lng: 120.1002 }, description: '云岭村村口的路灯坏了一个多月了，晚上很黑。' });
    const suggestions = await rpc.request(IntakeSuggestDuplicates, { grievanceId: b.id });
    expect(suggestions[0]).toMatchObject({ id: a.id, reasons: ['nearby', 'similar_text'] });
    await expect(rpc.request(IntakeMergeGrievances, { keepId: a.id, mergeId: a.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rpc.request(IntakeMergeGrievances, { keepId: a.id, mergeId: b.id })).toEqual({ id: b.id, mergedInto: a.id });
    expect((await rpc.request(IntakeGetGrievanceById, { grievanceId: b.id })).mergedInto).toBe(a.id);
    await expect(rpc.request(IntakeMergeGrievances, { keepId: b.id, mergeId: a.id })).rejects.toMatchObject({ code: 'CONFLICT', fields: [expect.objectContaining({ field: 'keepId' })] });

    await expect(rpc.request(IntakeTrackGrievance, { trackingCode: a.trackingCode, secret: 'WRONGSECRET' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const withdrawn = await rpc.request(IntakeWithdrawGrievance, { trackingCode: a.trackingCode, secret: a.secret, reason: '路灯已修好' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(Object.keys(withdrawn).sort()).toEqual(['channel', 'dueAt', 'leadUnitName', 'receivedAt', 'status', 'timeline', 'trackingCode']);
  });
});
