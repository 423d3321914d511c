import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  DeadlineSet,
  GrievanceRedirected,
  HandoffRequested,
  HandoffReturned,
  MediationGetHandoff,
  MediationHandoffsSent,
  type EventContract,
  type EventEnvelope,
  type GrievanceRedirectedV1,
  type HandoffView,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { mediationService } from './service';
import { HandoffDriver, mediatorOf, ORG, refused } from './testing/handoff-driver';

type Data = Record<string, unknown> & { handoffId: string };

const SHIQIAO_TOWN = 'town_330621103';
const COMMAND_CENTRE = 'command_330621';

describe('访调 from routing: a redirect to mediation becomes a handoff request (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  let drive: HandoffDriver;

  beforeAll(async () => {
    sut = await startServiceUnderTest(mediationService, {}, { seed: (url) => seedDemoDirectory(mediationDataSourceOptions(url), new JsonLogger('mediation-test', 'warn')) });
    ({ ns, probe, pg, rpc } = sut);
    drive = new HandoffDriver(rpc);
  });

  afterAll(() => sut?.close());

  const factsOf = async (contract: EventContract<object>, handoffId: string): Promise<EventEnvelope<Data>[]> =>
    (await probe.read(ns.stream('mediation'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<Data>>()).filter((e) => e.data.handoffId === handoffId);

  /** Routing's fact for a neighbour dispute in 石桥镇 redirected to its committee; `over` changes any field. */
  const redirect = (over: Partial<GrievanceRedirectedV1> = {}): EventEnvelope<GrievanceRedirectedV1> => {
    const at = new Date().toISOString();
    const data: GrievanceRedirectedV1 = {
      grievanceId: randomUUID(), trackingCode: '330621-26-5103R', regionCode: '330621103202001', to: 'mediation', targetOrgCode: ORG.shiqiao,
      targetOrgName: '石桥镇人民调解委员会', reason: '相邻通行纠纷，双方同意人民调解', sourceAssignmentId: randomUUID(), sourceOrgCode: SHIQIAO_TOWN,
      sourceOrgName: '石桥镇人民政府', by: { userId: 'operator-7', orgCode: SHIQIAO_TOWN }, at, ...over,
    };
    return { id: randomUUID(), type: GrievanceRedirected.subject, v: 1, occurredAt: at, data };
  };
  /** Publishes on the test namespace; `msgId` other than the event id: a redelivery JetStream does not dedupe. */
  const publish = (event: EventEnvelope<GrievanceRedirectedV1>, msgId = event.id) => probe.publish(ns.subject(GrievanceRedirected.subject), event, msgId);

  const handoffsOf = async (grievanceId: string): Promise<{ id: string; source_assignment_id: string }[]> =>
    (await pg.query('SELECT id, source_assignment_id FROM mediation.handoff WHERE grievance_id = $1', [grievanceId])).rows;
  const handoffOf = (grievanceId: string): Promise<HandoffView> =>
    waitFor(`the handoff of ${grievanceId}`, async () => {
      const [row] = await handoffsOf(grievanceId);
      return row ? rpc.request(MediationGetHandoff, { handoffId: row.id }) : undefined;
    });
  /**
   * Redirects are consumed in order: once a later one made its handoff, every earlier one was
   * applied. A batch sends its dead letters before the next batch starts, and the second marker is
   * published after the first one's batch committed: once it is applied, those are sent too.
   */
  const appliedUpTo = async (): Promise<void> => {
    for (let i = 0; i < 2; i++) {
      const marker = redirect();
      await publish(marker);
      await handoffOf(marker.data.grievanceId);
    }
  };
  const deadLetters = async (): Promise<{ grievanceId: string; reason: string }[]> =>
    (await probe.read(ns.stream('dlq'), ns.deadLetterSubject('mediation', GrievanceRedirected.subject))).map((m) => ({
      grievanceId: m.json<EventEnvelope<GrievanceRedirectedV1>>().data.grievanceId,
      reason: m.headers?.get('x-dlq-reason') ?? '',
    }));

  it('requests a 访调 to the named committee as a manual request would, publishes handoff.requested once, and ignores the fact when it comes again', async () => {
    const event = redirect();
    const r = event.data;
    await publish(event);
    await publish(event, randomUUID()); // the same event redelivered: the inbox keeps it out
    await publish({ ...event, id: randomUUID() }); // the same redirect under another event id: the redirected assignment keeps it out
    await appliedUpTo();

    const h = await handoffOf(r.grievanceId);
    expect(h).toMatchObject({
      kind: 'petition_mediation',
      status: 'requested',
      grievanceId: r.grievanceId,
      sourceReference: r.trackingCode,
      matter: r.reason,
      regionCode: r.regionCode,
      source: { orgCode: SHIQIAO_TOWN, name: '石桥镇人民政府', kind: 'petition_office' },
      target: { orgCode: ORG.shiqiao, name: '石桥镇人民调解委员会', kind: 'people_mediation_committee' },
      requestedAt: r.at,
      version: 1,
      commandsAllowed: ['accept', 'decline', 'withdraw_request'],
    });
    expect(h.parties.map((p) => p.role)).toEqual(['applicant', 'respondent']);
    expect(h.parties[0].name).toContain(r.trackingCode);
    expect(h.timeline).toEqual([{ at: r.at, command: 'request', from: null, to: 'requested', actor: { userId: 'operator-7', orgCode: SHIQIAO_TOWN } }]);
    expect(await handoffsOf(r.grievanceId)).toEqual([{ id: h.id, source_assignment_id: r.sourceAssignmentId }]);
    // Nothing refused either: the copies were recognised, not mistaken for a second 访调.
    expect((await deadLetters()).filter((d) => d.grievanceId === r.grievanceId)).toEqual([]);
    // The sending side finds it by petition case, like any 访调 it asked for.
    expect((await rpc.request(MediationHandoffsSent, { grievanceId: r.grievanceId })).items.map((i) => i.id)).toEqual([h.id]);

    const requested = await waitFor('the requested fact', async () => {
      const f = await factsOf(HandoffRequested, h.id);
      return f.length > 0 ? f : undefined;
    });
    expect(requested.map((f) => f.data)).toEqual([
      { handoffId: h.id, kind: 'petition_mediation', grievanceId: r.grievanceId, sourceReference: r.trackingCode, sourceOrgCode: SHIQIAO_TOWN, targetOrgCode: ORG.shiqiao, regionCode: r.regionCode, at: r.at },
    ]);
    const deadline = await waitFor('the acceptance deadline', async () => (await factsOf(DeadlineSet, h.id))[0]);
    expect(deadline.data).toMatchObject({ step: 'handoff_acceptance', grievanceId: r.grievanceId, responsibleOrgCode: ORG.shiqiao, startedAt: r.at });
  });

  it('sends the outcome back referencing the petition case, so routing, intake and supervision act on it', async () => {
    const event = redirect();
    await publish(event);
    const h = await handoffOf(event.data.grievanceId);
    const returned = await drive.returnToSource(await drive.mediateToAgreement(h), '双方达成通行协议');
    expect(returned).toMatchObject({ status: 'returned', followUp: 'close_petition', grievanceId: event.data.grievanceId });
    const [fact] = await waitFor('the returned fact', async () => {
      const f = await factsOf(HandoffReturned, h.id);
      return f.length > 0 ? f : undefined;
    });
    expect(fact.data).toMatchObject({
      kind: 'petition_mediation', grievanceId: event.data.grievanceId, sourceReference: event.data.trackingCode, sourceOrgCode: SHIQIAO_TOWN,
      targetOrgCode: ORG.shiqiao, regionCode: event.data.regionCode, outcome: 'agreement', followUp: 'close_petition',
    });
  });

  it('lets the committee record the real parties in place of the placeholders until a party answers on consent', async () => {
    const event = redirect();
    await publish(event);
    const h = await handoffOf(event.data.grievanceId);
    const org = h.target.orgCode;
    const accepted = await drive.act(h, org, { type: 'accept' });
    expect(accepted.commandsAllowed).toContain('record_parties');
    const appointed = await drive.act(accepted, org, { type: 'appoint_mediator', mediatorId: mediatorOf(org), chosenByParties: false, conflictOfInterestDeclared: true });
    const parties = [
      { id: 'p-zhao', name: '赵秀英', role: 'applicant' as const },
      { name: '孙志强', role: 'respondent' as const },
    ];
    // Only the receiving committee, only on the version it saw, and never naming its mediator a party.
    expect((await refused(drive.act(appointed, ORG.petition, { type: 'record_parties', parties }))).code).toBe('FORBIDDEN');
    expect((await refused(drive.act(appointed, org, { type: 'record_parties', parties }, { expectedVersion: accepted.version }))).code).toBe('CONFLICT');
    const conflict = await refused(drive.act(appointed, org, { type: 'record_parties', parties: [parties[0], { id: mediatorOf(org), name: '调解员', role: 'respondent' }] }));
    expect([conflict.code, conflict.message]).toEqual(['BAD_REQUEST', expect.stringMatching(/^conflict_of_interest: /)]);
    const invalid = await refused(drive.act(appointed, org, { type: 'record_parties', parties: [parties[0], { ...parties[1], role: 'third_party' }] }));
    expect([invalid.code, invalid.message]).toEqual(['BAD_REQUEST', expect.stringMatching(/^invalid_command: /)]);

    const recorded = await drive.act(appointed, org, { type: 'record_parties', parties }, { expectedVersion: appointed.version });
    expect(recorded).toMatchObject({ status: 'mediator_appointed', version: appointed.version + 1, parties: [parties[0], { id: 'party-2', name: '孙志强', role: 'respondent' }] });
    expect(recorded.timeline.at(-1)).toMatchObject({ command: 'record_parties', from: 'mediator_appointed', to: 'mediator_appointed', actor: { userId: `staff@${org}`, orgCode: org } });
    const [row] = (
      await pg.query(
        `SELECT t.command, t.actor_org_code, t.facts, h.parties FROM mediation.handoff_transition t JOIN mediation.handoff h ON h.id = t.handoff_id
         WHERE t.handoff_id = $1 ORDER BY t.seq DESC LIMIT 1`,
        [h.id],
      )
    ).rows;
    expect(row).toMatchObject({ command: 'record_parties', actor_org_code: org, parties: recorded.parties });
    expect(row.facts).toEqual([expect.objectContaining({ type: 'handoff.parties_recorded', parties: recorded.parties, previous: h.parties })]);

    // The first answer on consent fixes the parties; the agreement then names the recorded ones.
    const answered = await drive.act(recorded, org, { type: 'record_consent', partyId: 'p-zhao', consents: true });
    expect(answered.commandsAllowed).not.toContain('record_parties');
    const fixed = await refused(drive.act(answered, org, { type: 'record_parties', parties }));
    expect([fixed.code, fixed.message]).toEqual(['CONFLICT', expect.stringMatching(/^parties_fixed: 当事人已就是否同意调解作出表示.*\(the parties are fixed/)]);
    let v = await drive.act(answered, org, { type: 'record_consent', partyId: 'party-2', consents: true });
    v = await drive.act(v, org, { type: 'schedule_session', at: new Date().toISOString(), mode: 'online' });
    v = await drive.act(v, org, { type: 'record_session', sessionId: v.sessions[0].sessionId, participants: [...v.parties.map((p) => p.id), mediatorOf(org)], record: '双方陈述事实' });
    const concluded = await drive.conclude(v);
    expect(concluded.agreement?.parties.map((p) => p.name)).toEqual(['赵秀英', '孙志强']);
  });

  it('sends from the redirecting command centre when mediation does not know the unit that held the case', async () => {
    const event = redirect({ sourceOrgCode: 'vc_330621103201', sourceOrgName: '石桥村村民委员会', by: { userId: 'cc-operator', orgCode: COMMAND_CENTRE } });
    await publish(event);
    const h = await handoffOf(event.data.grievanceId);
    expect(h.source).toMatchObject({ orgCode: COMMAND_CENTRE, kind: 'petition_office' });
    expect(h.timeline[0].actor).toEqual({ userId: 'cc-operator', orgCode: COMMAND_CENTRE });
  });

  it('dead-letters a redirect it cannot take, with the refusal, and keeps consuming; other roads are not its business', async () => {
    const unknown = redirect({ targetOrgCode: 'med_nowhere', targetOrgName: '不存在的调委会' });
    const court = redirect({ targetOrgCode: ORG.court, targetOrgName: '青川县人民法院' });
    const unknownSender = redirect({ sourceOrgCode: 'vc_330621103201', sourceOrgName: '石桥村村民委员会', by: { userId: 'clerk', orgCode: 'vc_330621103201' } });
    const open = await drive.request({ kind: 'petition_mediation', targetOrgCode: ORG.shiqiao });
    const alreadyInMediation = redirect({ grievanceId: open.grievanceId as string });
    const toCourt = redirect({ to: 'court', targetOrgCode: ORG.court, targetOrgName: '青川县人民法院' });
    for (const e of [unknown, court, unknownSender, alreadyInMediation, toCourt]) await publish(e);
    await appliedUpTo();

    const dead = await waitFor('four dead letters', async () => {
      const d = (await deadLetters()).filter((x) => [unknown, court, unknownSender, alreadyInMediation].some((e) => e.data.grievanceId === x.grievanceId));
      return d.length >= 4 ? d : undefined;
    });
    const reasonOf = (e: EventEnvelope<GrievanceRedirectedV1>) => dead.filter((d) => d.grievanceId === e.data.grievanceId).map((d) => d.reason);
    expect(reasonOf(unknown)).toEqual([expect.stringMatching(/^rejected: .*unknown_organisation.*med_nowhere/)]);
    expect(reasonOf(court)).toEqual([expect.stringMatching(/^rejected: .*target\.kind/)]);
    expect(reasonOf(unknownSender)).toEqual([expect.stringMatching(/^rejected: .*unknown_organisation.*vc_330621103201/)]);
    expect(reasonOf(alreadyInMediation)).toEqual([expect.stringMatching(/^rejected: .*open_handoff_exists/)]);
    for (const e of [unknown, court, unknownSender, toCourt]) expect(await handoffsOf(e.data.grievanceId)).toEqual([]);
    expect((await handoffsOf(open.grievanceId as string)).map((x) => x.id)).toEqual([open.id]);
    // The open 访调 is untouched.
    expect(await rpc.request(MediationGetHandoff, { handoffId: open.id })).toMatchObject({ status: 'requested', version: 1, source: { orgCode: ORG.petition } });
  });
});
