import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  HandoffAccepted,
  MediationActOnHandoff,
  MediationGetHandoff,
  MediationHandoffInbox,
  MediationListMediators,
  MediationListOrganisations,
  type EventEnvelope,
  type HandoffView,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest, type TestDatabase } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { DEMO_MEDIATION_ORGANISATIONS, DEMO_MEDIATORS } from './directory/demo-directory';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, mediatorOf, ORG, refused } from './testing/handoff-driver';

describe('mediation request/reply API: inboxes, concurrency, coded errors, directory (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let db: TestDatabase;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let rpc: RpcClient;
  let drive: HandoffDriver;

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { pg: false, seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ db, ns, probe, rpc } = sut);
    drive = new HandoffDriver(rpc);
  });

  afterAll(() => sut?.close());

  it('shows each receiving organisation only its own handoffs, newest first, page by page', async () => {
    const toShiqiao: HandoffView[] = [];
    for (let i = 0; i < 3; i++) toShiqiao.push(await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.shiqiao, matter: `石桥纠纷${i}` }));
    const toLabour = [await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.labour }), await drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.labour })];
    await drive.act(toShiqiao[0], ORG.shiqiao, { type: 'accept' });

    const first = await rpc.request(MediationHandoffInbox, { orgCode: ORG.shiqiao, limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([toShiqiao[2].id, toShiqiao[1].id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await rpc.request(MediationHandoffInbox, { orgCode: ORG.shiqiao, limit: 2, cursor: first.nextCursor as string });
    expect(second).toEqual({ items: [expect.objectContaining({ id: toShiqiao[0].id, status: 'accepted' })], nextCursor: null });
    const labour = await rpc.request(MediationHandoffInbox, { orgCode: ORG.labour });
    expect(labour.items.map((i) => i.id).sort()).toEqual(toLabour.map((h) => h.id).sort());
    expect(labour.items.every((i) => i.target.orgCode === ORG.labour)).toBe(true);
    const waiting = await rpc.request(MediationHandoffInbox, { orgCode: ORG.shiqiao, status: ['requested'] });
    expect(waiting.items.map((i) => i.id)).toEqual([toShiqiao[2].id, toShiqiao[1].id]);
    // Another organisation can neither read nor act on them.
    await expect(rpc.request(MediationGetHandoff, { handoffId: toShiqiao[1].id, viewerOrgCode: ORG.labour })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(drive.act(toShiqiao[1], ORG.labour, { type: 'accept' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('actor_not_permitted') });
    await expect(rpc.request(MediationHandoffInbox, { orgCode: ORG.shiqiao, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'cursor' })] });
  });

  it('applies a concurrent double accept once', async () => {
    const h = await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu });
    const results = await Promise.allSettled([drive.act(h, ORG.donghu, { type: 'accept' }), drive.act(h, ORG.donghu, { type: 'accept' })]);
    const ok = results.filter((r): r is PromiseFulfilledResult<HandoffView> => r.status === 'fulfilled');
    const no = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(no).toHaveLength(1);
    expect(no[0].reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('illegal_transition') });
    const view = await rpc.request(MediationGetHandoff, { handoffId: h.id, viewerOrgCode: ORG.donghu });
    expect(view).toMatchObject({ status: 'accepted', version: 2 });
    expect(view.timeline.map((t) => t.command)).toEqual(['request', 'accept']);
    // Exactly one accepted fact, even after the relay has had every chance to publish.
    const marker = await drive.act(await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu }), ORG.donghu, { type: 'accept' });
    const accepted = await waitFor('the marker accepted', async () => {
      const all = (await probe.read(ns.stream('mediation'), ns.subject(HandoffAccepted.subject))).map((m) => m.json<EventEnvelope<{ handoffId: string }>>());
      return all.some((e) => e.data.handoffId === marker.id) ? all : undefined;
    });
    expect(accepted.filter((e) => e.data.handoffId === h.id)).toHaveLength(1);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const h = await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu });
    const accepted = await drive.act(h, ORG.donghu, { type: 'accept' }, { expectedVersion: 1 });
    const stale = await refused(drive.act(accepted, ORG.donghu, { type: 'appoint_mediator', mediatorId: mediatorOf(ORG.donghu), chosenByParties: false, conflictOfInterestDeclared: true }, { expectedVersion: 1 }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('stale_version') });
  });

  it('answers bad commands with a code, the domain reason and the field, and changes nothing', async () => {
    const h = await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu });
    const accepted = await drive.act(h, ORG.donghu, { type: 'accept' });
    const cases: [string, Promise<unknown>, Partial<RpcCallError>, string][] = [
      ['unknown type', rpc.request(MediationActOnHandoff, { handoffId: h.id, by: { userId: 'u', orgCode: ORG.donghu }, command: { type: 'teleport' } as never }), { code: 'BAD_REQUEST' }, 'command.type'],
      ['consent before a mediator', drive.act(h, ORG.donghu, { type: 'record_consent', partyId: 'p-li', consents: true }), { code: 'CONFLICT' }, 'command.type'],
      ['a mediator of another organisation', drive.act(h, ORG.donghu, { type: 'appoint_mediator', mediatorId: mediatorOf(ORG.labour), chosenByParties: false, conflictOfInterestDeclared: true }), { code: 'BAD_REQUEST' }, 'command.mediatorId'],
      ['no conflict-of-interest declaration', drive.act(h, ORG.donghu, { type: 'appoint_mediator', mediatorId: mediatorOf(ORG.donghu), chosenByParties: false, conflictOfInterestDeclared: false }), { code: 'BAD_REQUEST' }, 'command.conflictOfInterestDeclared'],
      ['a declared conflict', drive.act(h, ORG.donghu, { type: 'appoint_mediator', mediatorId: mediatorOf(ORG.donghu), chosenByParties: false, conflictOfInterestDeclared: true, conflicts: '与被申请人系表兄弟' }), { code: 'BAD_REQUEST' }, 'command.conflicts'],
      ['time limit passed before it did', drive.act(h, ORG.donghu, { type: 'conclude_failure', end: 'time_limit_passed', reason: '期限届满' }), { code: 'CONFLICT' }, 'command.end'],
      ['an unknown handoff', drive.act(randomUUID(), ORG.donghu, { type: 'accept' }), { code: 'NOT_FOUND' }, ''],
    ];
    const domainCodes = ['', 'illegal_transition', 'unknown_mediator', 'conflict_of_interest_undeclared', 'conflict_of_interest', 'time_limit_not_passed', ''];
    for (const [i, [what, call, expected, field]] of cases.entries()) {
      const err = await refused(call);
      expect({ what, ...err }).toMatchObject({ what, ...expected });
      if (domainCodes[i]) expect(err.message.startsWith(`${domainCodes[i]}: `)).toBe(true);
      if (field) expect(err.fields?.map((f) => f.field)).toContain(field);
    }
    const after = await rpc.request(MediationGetHandoff, { handoffId: h.id });
    expect(after).toMatchObject({ status: 'accepted', version: accepted.version, mediator: null });
  });

  it('reports every missing Art 29 item and signature of an incomplete agreement by field', async () => {
    const ready = await drive.readyForSessions(await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu }));
    const err = await refused(
      drive.act(ready, ORG.donghu, {
        type: 'conclude_agreement',
        agreement: { factsAndDispute: '', responsibilities: '双方各负一半', terms: ['分摊维修费'], performance: { manner: '转账', deadline: '2026-12-31' }, signatures: [{ partyId: 'p-li', signedAt: new Date().toISOString(), method: 'e_signature' }] },
      }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_agreement') });
    expect(err.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'command.agreement.factsAndDispute', problems: [expect.stringContaining('missing_field')] }),
        expect.objectContaining({ field: 'command.agreement.signatures', problems: [expect.stringContaining('missing_signature')] }),
      ]),
    );
  });

  it('lists the directory: committees by region and speciality, mediators by organisation', async () => {
    const town = await rpc.request(MediationListOrganisations, { regionCode: '330621103', kind: 'people_mediation_committee' });
    expect(town.map((o) => o.code)).toEqual([ORG.shiqiao]);
    const medical = await rpc.request(MediationListOrganisations, { speciality: 'medical' });
    expect(medical).toEqual([expect.objectContaining({ code: 'med_medical', name: '县医疗纠纷人民调解委员会', regionCode: '330621' })]);
    const courts = await rpc.request(MediationListOrganisations, { kind: 'court' });
    expect(courts.map((o) => o.code).sort()).toEqual([ORG.court, ORG.tribunal].sort());
    const mediators = await rpc.request(MediationListMediators, { orgCode: ORG.labour });
    expect(mediators.map((m) => [m.id, m.name])).toEqual([[mediatorOf(ORG.labour), '周建华'], ['mdr_labour_2', '吴丽萍']]);
    await expect(rpc.request(MediationListOrganisations, { speciality: 'astrology' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'speciality' })] });
  });

  it('seeds the demo directory idempotently, with every mediator in an organisation of the directory', async () => {
    const count = async () => [(await rpc.request(MediationListOrganisations, {})).length, (await rpc.request(MediationListMediators, { includeInactive: true })).length];
    const before = await count();
    // A change made since the first seed (there is no directory administration yet: straight in the table) survives a re-seed.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query("UPDATE mediation.mediator SET name = '周建华（调任）' WHERE id = $1", [mediatorOf(ORG.labour)]);
    } finally {
      await pg.end();
    }
    await seedDemoDirectory(mediationDataSourceOptions(db.url), new JsonLogger('mediation-test', 'warn'));
    expect(await count()).toEqual(before);
    expect((await rpc.request(MediationListMediators, { orgCode: ORG.labour })).find((m) => m.id === mediatorOf(ORG.labour))?.name).toBe('周建华（调任）');
    expect(before).toEqual([DEMO_MEDIATION_ORGANISATIONS.length, DEMO_MEDIATORS.length]);
    const codes = new Set(DEMO_MEDIATION_ORGANISATIONS.map((o) => o.code));
    expect(DEMO_MEDIATORS.every((m) => codes.has(m.orgCode))).toBe(true);
  });
});
