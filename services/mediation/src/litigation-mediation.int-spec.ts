import { Client } from 'pg';
import { DeadlineSet, HandoffConcluded, HandoffDeclined, HandoffReturned, MediationHandoffsSent, type EventContract, type EventEnvelope } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, ORG, refused } from './testing/handoff-driver';

type Data = Record<string, unknown> & { handoffId: string };
const DAY = 86_400_000;

describe('诉调: a court sends a case to mediation before or after filing, and gets it back (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  let drive: HandoffDriver;

  const factsOf = async (contract: EventContract<object>, handoffId: string): Promise<EventEnvelope<Data>[]> =>
    (await probe.read(ns.stream('mediation'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<Data>>()).filter((e) => e.data.handoffId === handoffId);
  const waitForFacts = (contract: EventContract<object>, handoffId: string, n = 1) =>
    waitFor(`${n} × ${contract.subject}`, async () => {
      const f = await factsOf(contract, handoffId);
      return f.length >= n ? f : undefined;
    });

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ ns, probe, pg, rpc } = sut);
    drive = new HandoffDriver(rpc);
  });

  afterAll(() => sut?.close());

  it('fails pre-filing mediation (positions too far apart) and returns to the court with the other roads', async () => {
    const sent = await drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.commercial, sourceReference: '(2026)浙0621民诉前调88号', matter: '装修工程款纠纷' });
    expect(sent).toMatchObject({ stage: 'pre_filing', procedure: null, target: { kind: 'professional_mediation_organisation' }, timeLimit: { amount: 30, unit: 'natural_days', source: expect.stringContaining('第二十四条') } });

    const failed = await drive.mediateToFailure(sent, 'positions_too_far_apart');
    expect(failed).toMatchObject({ status: 'concluded_failed', outcome: 'failure', failureEnd: 'positions_too_far_apart' });
    expect(failed.otherRoads).toEqual([
      { road: 'arbitration', zh: '依法申请仲裁', en: 'apply for arbitration' },
      { road: 'administrative', zh: '依法请求有关行政机关处理', en: 'ask the competent administrative organ' },
      { road: 'judicial', zh: '依法向人民法院提起诉讼', en: 'go to court' },
    ]);
    const back = await drive.returnToSource(failed, '调解不成，退回立案');
    expect(back).toMatchObject({ status: 'returned', followUp: 'file_case', returned: { note: '调解不成，退回立案', label: { zh: '依法登记立案' } } });

    // The court's view of what it sent.
    const page = await rpc.request(MediationHandoffsSent, { sourceOrgCode: ORG.court });
    expect(page.items.find((i) => i.id === sent.id)).toMatchObject({ status: 'returned', outcome: 'failure', failureEnd: 'positions_too_far_apart', followUp: 'file_case' });

    const [concluded] = await waitForFacts(HandoffConcluded, sent.id);
    expect(concluded.data).toMatchObject({ kind: 'litigation_mediation', outcome: 'failure', end: 'positions_too_far_apart', otherRoads: ['arbitration', 'administrative', 'judicial'], sourceOrgCode: ORG.court });
    const [returned] = await waitForFacts(HandoffReturned, sent.id);
    expect(returned.data).toMatchObject({ outcome: 'failure', followUp: 'file_case' });
    const deadlines = await waitForFacts(DeadlineSet, sent.id, 3);
    expect(deadlines.find((d) => d.data.step === 'mediation')?.data).toMatchObject({ amount: 30, unit: 'natural_days', dueAt: sent.mediationDueAt ?? failed.mediationDueAt, responsibleOrgCode: ORG.commercial });
    // Failure never opens a judicial-confirmation window.
    expect(deadlines.map((d) => d.data.step)).not.toContain('judicial_confirmation_application');
  });

  it('runs post-filing mediation on the 7-day simple-procedure clock, extended with every party\'s consent, and ends in a 调解书 not a confirmation', async () => {
    const sent = await drive.request({ kind: 'litigation_mediation', stage: 'post_filing', procedure: 'simple', targetOrgCode: ORG.lawyerRoom, sourceReference: '(2026)浙0621民初456号' });
    const ready = await drive.readyForSessions(sent);
    expect(ready.timeLimit.amount).toBe(7);
    const due = Date.parse(ready.mediationDueAt as string);
    expect(due - Date.parse(ready.acceptedAt as string)).toBeGreaterThan(7 * DAY);
    expect(due - Date.parse(ready.acceptedAt as string)).toBeLessThanOrEqual(8 * DAY);

    const oneParty = await refused(drive.act(ready, ORG.lawyerRoom, { type: 'extend_time_limit', days: 5, consentingPartyIds: ['p-li'] }));
    expect(oneParty).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('consent_required'), fields: [expect.objectContaining({ field: 'command.consentingPartyIds' })] });
    const extended = await drive.act(ready, ORG.lawyerRoom, { type: 'extend_time_limit', days: 5, consentingPartyIds: ['p-li', 'p-wang'] });
    expect(Date.parse(extended.mediationDueAt as string) - due).toBe(5 * DAY);

    const agreed = await drive.conclude(extended);
    const confirmation = await refused(drive.act(agreed, ORG.lawyerRoom, { type: 'request_judicial_confirmation', courtOrgCode: ORG.court, at: new Date().toISOString() }));
    expect(confirmation).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not_applicable') });
    const back = await drive.returnToSource(agreed);
    expect(back.followUp).toBe('mediation_document_or_withdrawal');

    const mediation = (await waitForFacts(DeadlineSet, sent.id, 4)).filter((d) => d.data.step === 'mediation');
    expect(mediation.map((d) => [d.data.amount, d.data.dueAt])).toEqual([
      [7, ready.mediationDueAt],
      [12, extended.mediationDueAt],
    ]);
    const [concluded] = await waitForFacts(HandoffConcluded, sent.id);
    expect(concluded.data.confirmationApplicationEndsAt).toBeUndefined();
  });

  it('lets the receiving organisation decline with a reason, and tells the court', async () => {
    const sent = await drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.traffic, sourceReference: '(2026)浙0621民诉前调90号' });
    const noReason = await refused(drive.act(sent, ORG.traffic, { type: 'decline', reason: '   ' }));
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_command'), fields: [expect.objectContaining({ field: 'command.reason' })] });
    const declined = await drive.act(sent, ORG.traffic, { type: 'decline', reason: '本委员会只调解道路交通事故纠纷' });
    expect(declined).toMatchObject({ status: 'declined', declined: { reason: '本委员会只调解道路交通事故纠纷' }, commandsAllowed: [] });
    const [fact] = await waitForFacts(HandoffDeclined, sent.id);
    expect(fact.data).toMatchObject({ reason: '本委员会只调解道路交通事故纠纷', sourceOrgCode: ORG.court, targetOrgCode: ORG.traffic });
  });

  it('refuses a route that does not fit: a procedure before filing, a stage for police, a court sending to a court', async () => {
    const preFilingProcedure = await refused(drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', procedure: 'simple' }));
    expect(preFilingProcedure).toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'procedure' })] });
    const policeStage = await refused(drive.request({ kind: 'police_mediation', stage: 'pre_filing' }));
    expect(policeStage).toMatchObject({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'stage' })] });
    const toCourt = await refused(drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', targetOrgCode: ORG.tribunal }));
    expect(toCourt).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_command'), fields: [expect.objectContaining({ field: 'targetOrgCode' })] });
    const notTheSender = await refused(drive.request({ kind: 'litigation_mediation', stage: 'pre_filing', by: { userId: 'someone', orgCode: ORG.petition } }));
    expect(notTheSender).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('actor_not_permitted') });
    expect((await pg.query(`SELECT count(*)::int AS n FROM mediation.handoff WHERE status = 'requested' AND kind = 'litigation_mediation'`)).rows[0].n).toBe(0);
  });
});
