import { Client } from 'pg';
import { HandoffConcluded, HandoffReturned, MediationHandoffInbox, MediationHandoffsSent, type EventContract, type EventEnvelope } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, mediatorOf, ORG, refused } from './testing/handoff-driver';

type Data = Record<string, unknown> & { handoffId: string };

describe('检调 and 警调: procuratorate and police send disputes to mediation and get them back (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  let drive: HandoffDriver;

  const waitForFact = (contract: EventContract<object>, handoffId: string) =>
    waitFor(contract.subject, async () => {
      const f = (await probe.read(ns.stream('mediation'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<Data>>()).filter((e) => e.data.handoffId === handoffId);
      return f.length > 0 ? f : undefined;
    });

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ ns, probe, pg, rpc } = sut);
    drive = new HandoffDriver(rpc);
  });

  afterAll(() => sut?.close());

  it('检调: a minor criminal matter with reconciliation is settled by the lawyer mediation room and the case closes', async () => {
    const sent = await drive.request({
      kind: 'procuratorate_mediation',
      targetOrgCode: ORG.lawyerRoom,
      sourceReference: '青检刑和解〔2026〕7号',
      matter: '轻伤害案件刑事和解：赔偿医疗费、误工费',
      parties: [
        { id: 'victim', name: '赵小军', role: 'applicant' },
        { id: 'suspect', name: '钱大勇', role: 'respondent' },
        { id: 'guardian', name: '钱父', role: 'third_party' },
      ],
    });
    expect(sent).toMatchObject({ kind: 'procuratorate_mediation', source: { kind: 'procuratorate' }, target: { kind: 'lawyer_mediation_room' }, timeLimit: { amount: 30 } });
    const agreed = await drive.mediateToAgreement(sent);
    expect(agreed.agreement?.parties.map((p) => p.partyId)).toEqual(['victim', 'suspect', 'guardian']);
    // The agreement may be confirmed by a court (out-of-court agreement); the procuratorate follows up on performance.
    const performing = await drive.act(agreed, ORG.procuratorate, { type: 'record_performance', status: 'performed', note: '赔偿款八千元已当场付清' });
    expect(performing.performance).toEqual([expect.objectContaining({ status: 'performed' })]);
    const back = await drive.returnToSource(performing);
    expect(back).toMatchObject({ status: 'returned', followUp: 'close_case', returned: { label: { zh: '案件依法办结' } } });
    const [returned] = await waitForFact(HandoffReturned, sent.id);
    expect(returned.data).toMatchObject({ kind: 'procuratorate_mediation', outcome: 'agreement', followUp: 'close_case', sourceOrgCode: ORG.procuratorate });
    expect((await pg.query('SELECT performance_status FROM mediation.agreement WHERE handoff_id = $1', [sent.id])).rows[0].performance_status).toBe('performed');
  });

  it('警调: a party refuses mediation, so it ends (人民调解法 Art 17) and the police station resumes the case', async () => {
    const sent = await drive.request({ kind: 'police_mediation', sourceOrgCode: ORG.policeChengguan, targetOrgCode: ORG.chengguan, sourceReference: '青公城关（2026）警情0815', matter: '邻里噪音引发口角推搡' });
    const org = ORG.chengguan;
    let v = await drive.act(sent, org, { type: 'accept' });
    v = await drive.act(v, org, { type: 'appoint_mediator', mediatorId: mediatorOf(org), chosenByParties: true, conflictOfInterestDeclared: true });
    v = await drive.act(v, org, { type: 'record_consent', partyId: 'p-li', consents: true });
    expect(v.status).toBe('awaiting_consent');
    const tooEarly = await refused(drive.act(v, org, { type: 'schedule_session', at: new Date().toISOString(), mode: 'on_site', location: '城关派出所调解室' }));
    expect(tooEarly).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('consent_required') });
    v = await drive.act(v, org, { type: 'record_consent', partyId: 'p-wang', consents: false });
    expect(v).toMatchObject({ status: 'concluded_failed', failureEnd: 'refused', conclusion: { reason: expect.stringContaining('第十七条') } });
    const back = await drive.returnToSource(v);
    expect(back.followUp).toBe('resume_case_handling');
    const [concluded] = await waitForFact(HandoffConcluded, sent.id);
    expect(concluded.data).toMatchObject({ kind: 'police_mediation', outcome: 'failure', end: 'refused' });
    // The police station follows its handoffs; the committee's inbox shows where this one ended.
    const mine = await rpc.request(MediationHandoffsSent, { sourceOrgCode: ORG.policeChengguan });
    expect(mine.items.map((i) => [i.id, i.status, i.followUp])).toEqual([[sent.id, 'returned', 'resume_case_handling']]);
    const inbox = await rpc.request(MediationHandoffInbox, { orgCode: ORG.chengguan, status: ['returned'] });
    expect(inbox.items.map((i) => i.id)).toContain(sent.id);
  });

  it('警调: an agreement settles it and the police station closes the case', async () => {
    const sent = await drive.request({ kind: 'police_mediation', sourceOrgCode: ORG.policeChengguan, targetOrgCode: ORG.chengguan, sourceReference: '青公城关（2026）警情0901', matter: '电动车剐蹭赔偿' });
    const back = await drive.returnToSource(await drive.mediateToAgreement(sent));
    expect(back).toMatchObject({ status: 'returned', outcome: 'agreement', followUp: 'close_case' });
    const [concluded] = await waitForFact(HandoffConcluded, sent.id);
    expect(concluded.data).toMatchObject({ kind: 'police_mediation', outcome: 'agreement', confirmationApplicationEndsAt: expect.any(String) });
  });

  it('sends 警调 only to people\'s mediation committees (人民调解法 Art 18)', async () => {
    const err = await refused(drive.request({ kind: 'police_mediation', targetOrgCode: ORG.lawyerRoom }));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_command'), fields: [expect.objectContaining({ field: 'targetOrgCode' })] });
  });
});
