import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AgreementConfirmed,
  DeadlineSet,
  GrievanceWithdrawn,
  HandoffAccepted,
  HandoffConcluded,
  HandoffRequested,
  HandoffReturned,
  MediationGetHandoff,
  MediationHandoffInbox,
  MediationHandoffsSent,
  type EventContract,
  type EventEnvelope,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, mediatorOf, ORG, refused } from './testing/handoff-driver';

type Data = Record<string, unknown> & { handoffId: string };

describe('访调: petition work hands a dispute to a people\'s mediation committee (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  let drive: HandoffDriver;

  const factsOf = async (contract: EventContract<object>, handoffId: string): Promise<EventEnvelope<Data>[]> =>
    (await probe.read(ns.stream('mediation'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<Data>>()).filter((e) => e.data.handoffId === handoffId);

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ ns, probe, pg, rpc } = sut);
    drive = new HandoffDriver(rpc);
  });

  afterAll(() => sut?.close());

  it('reaches an agreement the same day, is judicially confirmed and closes the petition', async () => {
    const grievanceId = randomUUID();
    const requested = await drive.request({ kind: 'petition_mediation', grievanceId, targetOrgCode: ORG.chengguan });
    expect(requested).toMatchObject({ status: 'requested', kind: 'petition_mediation', grievanceId, regionCode: '330621101', source: { orgCode: ORG.petition, kind: 'petition_office' }, target: { name: '城关镇人民调解委员会' } });
    expect(requested.commandsAllowed).toEqual(['accept', 'decline', 'withdraw_request']);

    const agreed = await drive.mediateToAgreement(requested);
    expect(agreed.status).toBe('concluded_agreement');
    expect(agreed.mediator).toMatchObject({ mediatorId: mediatorOf(ORG.chengguan), name: '王桂兰', conflictOfInterestDeclared: true });
    expect(agreed.sessions[0]).toMatchObject({ mode: 'online', held: { participants: expect.arrayContaining(['p-li', 'p-wang']) } });
    expect(agreed.agreement).toMatchObject({
      parties: [{ partyId: 'p-li', name: '李桂芳' }, { partyId: 'p-wang', name: '王建国' }],
      responsibilities: '王建国堵塞排水沟负主要责任',
      mediator: { id: mediatorOf(ORG.chengguan), name: '王桂兰' },
      organisation: { orgCode: ORG.chengguan, name: '城关镇人民调解委员会' },
      signatures: [expect.objectContaining({ method: 'e_signature' }), expect.objectContaining({ method: 'e_signature' })],
    });
    const sameDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(sameDay(agreed.concludedAt as string)).toBe(sameDay(agreed.requestedAt));

    const applied = await drive.act(agreed, ORG.chengguan, { type: 'request_judicial_confirmation', courtOrgCode: ORG.court, at: new Date().toISOString() });
    // The court finds the application in its own inbox of confirmations (it mediates nothing itself).
    const courtBox = await rpc.request(MediationHandoffInbox, { orgCode: ORG.court, role: 'confirming_court' });
    expect(courtBox.items.map((i) => [i.id, i.judicialConfirmation?.decision])).toEqual([[agreed.id, null]]);
    expect((await rpc.request(MediationHandoffInbox, { orgCode: ORG.court })).items).toEqual([]);
    // Only the court applied to decides; the committee cannot confirm its own agreement.
    const notTheCourt = await refused(drive.act(applied, ORG.chengguan, { type: 'record_judicial_confirmation', decision: 'confirmed', at: new Date().toISOString() }));
    expect(notTheCourt).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('actor_not_permitted') });
    const confirmed = await drive.act(applied, ORG.court, { type: 'record_judicial_confirmation', decision: 'confirmed', at: new Date().toISOString() });
    expect(confirmed.judicialConfirmation).toEqual({ courtOrgCode: ORG.court, decision: 'confirmed' });
    // The court now sees the file it confirmed.
    await expect(rpc.request(MediationGetHandoff, { handoffId: agreed.id, viewerOrgCode: ORG.court })).resolves.toMatchObject({ id: agreed.id });

    const returned = await drive.returnToSource(confirmed, '协议已司法确认');
    expect(returned).toMatchObject({ status: 'returned', followUp: 'close_petition', returned: { label: { zh: '信访事项化解办结' } } });

    // The sending side's view by petition case.
    const sent = await rpc.request(MediationHandoffsSent, { grievanceId });
    expect(sent.items).toEqual([expect.objectContaining({ id: agreed.id, status: 'returned', outcome: 'agreement', followUp: 'close_petition', judicialConfirmation: { courtOrgCode: ORG.court, decision: 'confirmed' } })]);

    // The register keeps the Art 29 record and the confirmation as rows; no identity numbers anywhere.
    const { rows: [a] } = await pg.query('SELECT * FROM mediation.agreement WHERE handoff_id = $1', [agreed.id]);
    expect(a).toMatchObject({ facts_and_dispute: expect.stringContaining('排水沟'), performance_manner: '现场施工并当面支付赔偿款', mediator_name: '王桂兰', org_code: ORG.chengguan });
    const { rows: [jc] } = await pg.query('SELECT * FROM mediation.judicial_confirmation WHERE handoff_id = $1', [agreed.id]);
    expect(jc).toMatchObject({ court_org_code: ORG.court, decision: 'confirmed' });
    const { rows: steps } = await pg.query('SELECT command, to_status FROM mediation.handoff_transition WHERE handoff_id = $1 ORDER BY seq', [agreed.id]);
    expect(steps.map((s) => s.command)).toEqual([
      'request', 'accept', 'appoint_mediator', 'record_consent', 'record_consent', 'schedule_session', 'record_session',
      'conclude_agreement', 'request_judicial_confirmation', 'record_judicial_confirmation', 'return_to_source',
    ]);

    // Every public fact once on JetStream, in order, and the time limits for supervision's clocks.
    for (const contract of [HandoffRequested, HandoffAccepted, HandoffConcluded, AgreementConfirmed, HandoffReturned]) {
      const facts = await waitFor(contract.subject, async () => ((await factsOf(contract, agreed.id)).length > 0 ? factsOf(contract, agreed.id) : undefined));
      expect(facts).toHaveLength(1);
      expect(facts[0].data).toMatchObject({ kind: 'petition_mediation', grievanceId, sourceOrgCode: ORG.petition, targetOrgCode: ORG.chengguan, regionCode: '330621101' });
    }
    expect((await factsOf(HandoffConcluded, agreed.id))[0].data).toMatchObject({ outcome: 'agreement', agreementId: agreed.agreement?.id });
    const deadlines = await waitFor('four deadlines', async () => {
      const d = await factsOf(DeadlineSet, agreed.id);
      return d.length >= 4 ? d : undefined;
    });
    expect(deadlines.map((d) => [d.data.step, d.data.amount, d.data.unit])).toEqual([
      ['handoff_acceptance', 3, 'working_days'],
      ['mediator_appointment', 3, 'working_days'],
      ['mediation', 30, 'natural_days'],
      ['judicial_confirmation_application', 30, 'natural_days'],
    ]);
    expect(deadlines[2].data.dueAt).toBe(agreed.mediationDueAt);
  });

  it('keeps one open 访调 per petition case and answers a retried request with the same handoff', async () => {
    const grievanceId = randomUUID();
    const handoffId = randomUUID();
    const first = await drive.request({ kind: 'petition_mediation', grievanceId, handoffId });
    const again = await drive.request({ kind: 'petition_mediation', grievanceId, handoffId });
    expect(again).toMatchObject({ id: first.id, version: 1 });
    const second = await refused(drive.request({ kind: 'petition_mediation', grievanceId, targetOrgCode: ORG.lawyerRoom }));
    expect(second).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('open_handoff_exists'), fields: [expect.objectContaining({ field: 'grievanceId' })] });
    await waitFor('the requested fact', async () => (await factsOf(HandoffRequested, first.id)).length === 1);
    expect((await pg.query('SELECT count(*)::int AS n FROM mediation.handoff WHERE grievance_id = $1', [grievanceId])).rows[0].n).toBe(1);
  });

  it('ends the 访调 as withdrawn when the petitioner withdraws the petition case', async () => {
    const inMediation = await drive.readyForSessions(await drive.request({ kind: 'petition_mediation' }));
    const unanswered = await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.donghu });
    const withdraw = async (grievanceId: string) => {
      const event = { id: randomUUID(), type: GrievanceWithdrawn.subject, v: 1, occurredAt: new Date().toISOString(), data: { grievanceId, trackingCode: '330621-26-0042K', reason: '双方已自行和解', withdrawnAt: new Date().toISOString() } };
      await probe.publish(ns.subject(GrievanceWithdrawn.subject), event, event.id);
      await probe.publish(ns.subject(GrievanceWithdrawn.subject), event, randomUUID()); // redelivered: no second effect
    };
    await withdraw(inMediation.grievanceId as string);
    await withdraw(unanswered.grievanceId as string);
    for (const h of [inMediation, unanswered]) {
      const view = await waitFor(`${h.id} concluded`, async () => {
        const v = await rpc.request(MediationGetHandoff, { handoffId: h.id });
        return v.status === 'concluded_failed' ? v : undefined;
      });
      expect(view.conclusion).toMatchObject({ outcome: 'failure', end: 'withdrawn', reason: expect.stringContaining('双方已自行和解') });
      expect(view.otherRoads.map((r) => r.road)).toEqual(['arbitration', 'administrative', 'judicial']);
      expect(view.timeline.at(-1)).toMatchObject({ actor: { orgCode: ORG.petition } });
    }
    const facts = await waitFor('concluded facts', async () => {
      const f = [...(await factsOf(HandoffConcluded, inMediation.id)), ...(await factsOf(HandoffConcluded, unanswered.id))];
      return f.length >= 2 ? f : undefined;
    });
    expect(facts.map((f) => f.data.end)).toEqual(['withdrawn', 'withdrawn']);
    // The receiving organisation can no longer act on it.
    const late = await refused(drive.act(inMediation, ORG.chengguan, { type: 'schedule_session', at: new Date().toISOString(), mode: 'online' }));
    expect(late).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('illegal_transition') });
  });
});
