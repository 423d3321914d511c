import {
  MediationActOnHandoff,
  MediationHandoffInbox,
  MediationRequestHandoff,
  type ActOnHandoff,
  type HandoffInbox,
  type RequestHandoff,
} from '@yikouban/contracts';
import { gql, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';
import { aHandoffView, aPage } from './testing/handoff-fixtures';

describe('mediation through the gateway (in process, real NATS and sign-in, fake mediation service)', () => {
  const mine = aHandoffView();
  const others = aHandoffView({ target: { orgCode: 'med_330621101', name: '城关镇人民调解委员会', kind: 'people_mediation_committee' } });
  const received: { subject: string; data: unknown }[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_mediation',
      onRequest: (subject, data) => received.push({ subject, data }),
      responders: (respond) => {
        // Like the mediation service: an inbox per organisation, and a command by anyone but the receiver refused.
        respond(MediationHandoffInbox, (q: HandoffInbox) => ({ response: aPage([mine, others].filter((h) => h.target.orgCode === q.orgCode)) }));
        respond(MediationActOnHandoff, (c: ActOnHandoff) => {
          const h = [mine, others].find((x) => x.id === c.handoffId);
          if (!h) return { err: { code: 'NOT_FOUND', message: `no handoff ${c.handoffId}` } };
          if (h.target.orgCode !== c.by.orgCode) return { err: { code: 'FORBIDDEN', message: `actor_not_permitted: 组织 ${c.by.orgCode} 不能对该移交执行 ${c.command.type} (not permitted)` } };
          return { response: { ...h, status: 'accepted', version: h.version + 1 } };
        });
        respond(MediationRequestHandoff, (r: RequestHandoff) => ({ response: aHandoffView({ kind: r.kind, stage: r.stage ?? null, source: { orgCode: r.sourceOrgCode, name: '青川县人民法院', kind: 'court' } }) }));
      },
    });
    gateway = fakes.gateway;
    tokens = await fakes.signInAll(['mediator', 'court', 'unit']);
  });

  afterAll(() => fakes?.close());

  it("shows the signed-in committee its own inbox only (scoped by the account's organisation)", async () => {
    const a = await gql<{ handoffInbox: { edges: { node: { id: string } }[] } }>(gateway.url, '{ handoffInbox { edges { node { id } } } }', {}, tokens.mediator);
    expect(a.errors).toBeUndefined();
    expect(a.data?.handoffInbox.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect(received.filter((r) => r.subject === MediationHandoffInbox.subject).map((r) => r.data)).toEqual([{ orgCode: 'med_labour', role: 'receiver' }]);
  });

  it("accepts its own handoff, and gets FORBIDDEN acting on another organisation's", async () => {
    const accept = (id: string) => gql<{ acceptHandoff: { status: string; version: number } }>(gateway.url, `mutation { acceptHandoff(input: { handoffId: "${id}" }) { status version } }`, {}, tokens.mediator);
    expect((await accept(mine.id)).data).toEqual({ acceptHandoff: { status: 'ACCEPTED', version: 2 } });
    const refused = await accept(others.id);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('actor_not_permitted') });
  });

  it('lets the court request a pre-filing 委派 and refuses a unit one, before asking the service', async () => {
    const input = {
      kind: 'LITIGATION_MEDIATION',
      stage: 'PRE_FILING',
      targetOrgCode: 'med_commercial_330621',
      sourceReference: '(2026)浙0621民诉前调7号',
      matter: '货款纠纷',
      parties: [
        { name: '甲公司', role: 'APPLICANT' },
        { name: '乙公司', role: 'RESPONDENT' },
      ],
    };
    const q = 'mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { kind stage source { orgCode } } }';
    const before = received.length;
    const unit = await gql(gateway.url, q, { input }, tokens.unit);
    expect(unit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(received.length).toBe(before);
    const court = await gql(gateway.url, q, { input }, tokens.court);
    expect(court.data).toEqual({ requestHandoff: { kind: 'LITIGATION_MEDIATION', stage: 'PRE_FILING', source: { orgCode: 'court_330621' } } });
    expect(received.at(-1)?.data).toMatchObject({ sourceOrgCode: 'court_330621', by: { orgCode: 'court_330621' } });
  });

  it('answers no one who has not signed in', async () => {
    const a = await gql(gateway.url, '{ handoffInbox { edges { cursor } } }');
    expect(a.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
