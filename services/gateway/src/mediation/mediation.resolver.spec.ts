import {
  MediationActOnHandoff,
  MediationGetHandoff,
  MediationGetStats,
  MediationHandoffInbox,
  MediationHandoffsSent,
  MediationListMediators,
  MediationRequestHandoff,
  RoutingListAssignments,
  type ActOnHandoff,
  type AssignmentSummary,
  type RequestHandoff,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import type { Role } from '../auth/roles';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { MediationModule } from './mediation.module';
import { aHandoffView, aPage } from './testing/handoff-fixtures';

const ORG: Partial<Record<Role, string>> = {
  mediation_committee: 'med_labour',
  court: 'court_330621',
  police: 'ps_330621101',
  unit_staff: 'dept_human_resources',
  command_operator: 'command_330621',
  supervisor: 'joint_office_330621',
};

describe('mediation in GraphQL (guard, validation, scoping and error shaping; fake RPC)', () => {
  const gql = resolverHarness([MediationModule], { principal: (role) => ({ orgCode: ORG[role] }) });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const INBOX = `query ($first: Int, $after: String, $status: [HandoffStatus!]) {
    handoffInbox(first: $first, after: $after, status: $status) { edges { cursor node { id kind status source { orgCode kind } target { name } } } pageInfo { hasNextPage endCursor } } }`;

  describe('inbox and the sending side', () => {
    it("shows the committee only its own handoffs, as a connection with the service's cursors", async () => {
      const views = [aHandoffView(), aHandoffView({ status: 'accepted' })];
      rpc.on(MediationHandoffInbox, () => aPage(views, true));
      const a = await as<{ handoffInbox: { edges: { cursor: string; node: { id: string; kind: string; status: string } }[]; pageInfo: Record<string, unknown> } }>('mediation_committee', INBOX, {
        first: 2,
        after: 'prev',
        status: ['REQUESTED', 'ACCEPTED'],
      });
      expect(a.errors).toBeUndefined();
      expect(payloadOf(MediationHandoffInbox.subject)).toEqual({ orgCode: 'med_labour', role: 'receiver', limit: 2, cursor: 'prev', status: ['requested', 'accepted'] });
      expect(a.data?.handoffInbox.edges.map((e) => [e.cursor, e.node.id, e.node.kind, e.node.status])).toEqual([
        ['cursor-1', views[0].id, 'PETITION_MEDIATION', 'REQUESTED'],
        ['cursor-2', views[1].id, 'PETITION_MEDIATION', 'ACCEPTED'],
      ]);
      expect(a.data?.handoffInbox.pageInfo).toEqual({ hasNextPage: true, endCursor: 'cursor-2' });
    });

    it("opens a court's inbox on the confirmations applied to it", async () => {
      rpc.on(MediationHandoffInbox, () => aPage([]));
      const a = await as('court', INBOX);
      expect(a.data?.handoffInbox).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      expect(payloadOf(MediationHandoffInbox.subject)).toEqual({ orgCode: 'court_330621', role: 'confirming_court' });
    });

    it('refuses an inbox to roles that receive nothing', async () => {
      expect(codeOf(await as('unit_staff', INBOX))).toBe('FORBIDDEN');
      expect(codeOf(await as('supervisor', INBOX))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });

    it("lists what the caller's organisation sent, optionally for one petition case", async () => {
      const v = aHandoffView({ status: 'returned', outcome: 'agreement', followUp: 'close_petition' });
      rpc.on(MediationHandoffsSent, () => aPage([v]));
      const a = await as<{ sentHandoffs: { edges: { node: { status: string; followUp: string; outcome: string } }[] } }>(
        'unit_staff',
        `query ($g: ID) { sentHandoffs(grievanceId: $g) { edges { node { status outcome followUp } } } }`,
        { g: v.grievanceId },
      );
      expect(a.data?.sentHandoffs.edges).toEqual([{ node: { status: 'RETURNED', outcome: 'AGREEMENT', followUp: 'CLOSE_PETITION' } }]);
      expect(payloadOf(MediationHandoffsSent.subject)).toEqual({ sourceOrgCode: 'dept_human_resources', grievanceId: v.grievanceId });
    });

    it('opens a file for its parties with their organisation, for oversight without', async () => {
      const v = aHandoffView();
      rpc.on(MediationGetHandoff, () => v);
      const q = `query ($id: ID!) { handoff(id: $id) { id requestedAt parties { id role } timeLimit { amount } timeline { at from to } commandsAllowed } }`;
      expect((await as('court', q, { id: v.id })).data?.handoff).toMatchObject({
        id: v.id,
        requestedAt: v.requestedAt,
        parties: [{ id: 'p-gao', role: 'APPLICANT' }, { id: 'p-co', role: 'RESPONDENT' }],
        timeline: [{ at: v.requestedAt, from: null, to: 'REQUESTED' }],
      });
      expect(payloadOf(MediationGetHandoff.subject)).toEqual({ handoffId: v.id, viewerOrgCode: 'court_330621' });
      rpc.calls.length = 0;
      await as('supervisor', q, { id: v.id });
      expect(payloadOf(MediationGetHandoff.subject)).toEqual({ handoffId: v.id });
    });

    it("answers FORBIDDEN when the service says the file is another organisation's", async () => {
      rpc.on(MediationGetHandoff, () => {
        throw new RpcCallError('FORBIDDEN', '组织 ps_330621101 无权查看该移交 (organisation may not see this handoff)');
      });
      const a = await as('police', `query { handoff(id: "${aHandoffView().id}") { id } }`);
      expect(codeOf(a)).toBe('FORBIDDEN');
      expect(a.errors?.[0].message).toContain('无权查看');
    });
  });

  describe('requesting a handoff', () => {
    const REQUEST = `mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { id kind stage status source { orgCode } } }`;
    const parties = [
      { id: 'p-a', name: '甲公司', role: 'APPLICANT' },
      { id: 'p-b', name: '乙', role: 'RESPONDENT' },
    ];
    const litigation = { kind: 'LITIGATION_MEDIATION', stage: 'PRE_FILING', targetOrgCode: 'med_commercial_330621', sourceReference: '(2026)浙0621民诉前调1号', matter: '买卖合同货款纠纷', parties };

    it('sends a court’s 委派 as the court, by the signed-in user', async () => {
      rpc.on(MediationRequestHandoff, (r) => aHandoffView({ kind: r.kind, stage: r.stage ?? null, source: { orgCode: r.sourceOrgCode, name: '青川县人民法院', kind: 'court' } }));
      const a = await as<{ requestHandoff: Record<string, unknown> }>('court', REQUEST, { input: litigation });
      expect(a.errors).toBeUndefined();
      expect(a.data?.requestHandoff).toMatchObject({ kind: 'LITIGATION_MEDIATION', stage: 'PRE_FILING', status: 'REQUESTED', source: { orgCode: 'court_330621' } });
      expect(payloadOf<RequestHandoff>(MediationRequestHandoff.subject)).toEqual({
        kind: 'litigation_mediation',
        stage: 'pre_filing',
        targetOrgCode: 'med_commercial_330621',
        sourceReference: '(2026)浙0621民诉前调1号',
        matter: '买卖合同货款纠纷',
        parties: [
          { id: 'p-a', name: '甲公司', role: 'applicant' },
          { id: 'p-b', name: '乙', role: 'respondent' },
        ],
        sourceOrgCode: 'court_330621',
        by: { userId: 'u-court', orgCode: 'court_330621' },
      });
    });

    it('refuses a kind the role may not send, before asking anyone', async () => {
      const a = await as('police', REQUEST, { input: litigation });
      expect(codeOf(a)).toBe('FORBIDDEN');
      expect(a.errors?.[0].message).toContain('kind_not_permitted');
      expect(codeOf(await as('mediation_committee', REQUEST, { input: litigation }))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });

    it('lets a unit hand over to mediation only a petition case it holds', async () => {
      const grievanceId = aHandoffView().grievanceId as string;
      const petition = { kind: 'PETITION_MEDIATION', grievanceId, targetOrgCode: 'med_labour', sourceReference: '330621-26-0042K', matter: '拖欠工资', parties };
      const holding = (orgCode: string, status: string): AssignmentSummary => ({ id: 'a1', grievanceId, role: 'lead', orgCode, orgName: 'x', status, ruleId: 'r', ruleVersion: 1, createdAt: new Date().toISOString() });
      rpc.on(RoutingListAssignments, () => [holding('dept_housing', 'accepted'), holding('dept_human_resources', 'replied')]);
      const refused = await as('unit_staff', REQUEST, { input: petition });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toContain('not_holding');
      expect(rpc.calls.map((c) => c.subject)).toEqual([RoutingListAssignments.subject]);

      rpc.on(RoutingListAssignments, () => [holding('dept_human_resources', 'in_progress')]);
      rpc.on(MediationRequestHandoff, () => aHandoffView({ grievanceId }));
      expect((await as('unit_staff', REQUEST, { input: petition })).errors).toBeUndefined();
      expect(payloadOf<RequestHandoff>(MediationRequestHandoff.subject)).toMatchObject({ kind: 'petition_mediation', grievanceId, sourceOrgCode: 'dept_human_resources' });
      // The command centre oversees every case: no holding check.
      rpc.calls.length = 0;
      expect((await as('command_operator', REQUEST, { input: petition })).errors).toBeUndefined();
      expect(rpc.calls.map((c) => c.subject)).toEqual([MediationRequestHandoff.subject]);
    });

    it('answers bad input with BAD_USER_INPUT and the field, before asking anyone', async () => {
      const a = await as('court', REQUEST, { input: { ...litigation, parties: [parties[0]], targetOrgCode: 'has space' } });
      expect(codeOf(a)).toBe('BAD_USER_INPUT');
      const fields = (a.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining([expect.stringContaining('parties'), expect.stringContaining('targetOrgCode')]));
      expect(rpc.calls).toEqual([]);
    });
  });

  describe('the steps of mediation', () => {
    it('sends each step as one command by the signed-in organisation', async () => {
      const v = aHandoffView({ status: 'accepted', version: 2 });
      rpc.on(MediationActOnHandoff, () => v);
      const steps: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
        ['acceptHandoff', 'HandoffCommandInput', { expectedVersion: 1 }, { type: 'accept' }],
        ['declineHandoff', 'DeclineHandoffInput', { reason: '不属于本委员会受理范围' }, { type: 'decline', reason: '不属于本委员会受理范围' }],
        ['recordHandoffParties', 'RecordHandoffPartiesInput', { parties: [{ id: 'p-gao', name: '高某', role: 'APPLICANT' }, { name: '某公司', role: 'RESPONDENT' }] }, { type: 'record_parties', parties: [{ id: 'p-gao', name: '高某', role: 'applicant' }, { name: '某公司', role: 'respondent' }] }],
        ['appointMediator', 'AppointMediatorInput', { mediatorId: 'mdr_labour_1', chosenByParties: false, conflictOfInterestDeclared: true }, { type: 'appoint_mediator', mediatorId: 'mdr_labour_1', chosenByParties: false, conflictOfInterestDeclared: true }],
        ['recordPartyConsent', 'RecordConsentInput', { partyId: 'p-gao', consents: true }, { type: 'record_consent', partyId: 'p-gao', consents: true }],
        ['scheduleMediationSession', 'ScheduleSessionInput', { at: '2026-03-02T06:00:00Z', mode: 'ONLINE' }, { type: 'schedule_session', at: '2026-03-02T06:00:00.000Z', mode: 'online' }],
        ['recordMediationSession', 'RecordSessionInput', { sessionId: 'session-1', participants: ['p-gao'], record: '笔录' }, { type: 'record_session', sessionId: 'session-1', participants: ['p-gao'], record: '笔录' }],
        ['concludeMediationWithoutAgreement', 'ConcludeWithoutAgreementInput', { end: 'POSITIONS_TOO_FAR_APART', reason: '分歧过大' }, { type: 'conclude_failure', end: 'positions_too_far_apart', reason: '分歧过大' }],
        ['extendMediationTimeLimit', 'ExtendTimeLimitInput', { days: 10, consentingPartyIds: ['p-gao', 'p-co'] }, { type: 'extend_time_limit', days: 10, consentingPartyIds: ['p-gao', 'p-co'] }],
        ['returnHandoffToSource', 'ReturnToSourceInput', { note: '已履行' }, { type: 'return_to_source', note: '已履行' }],
        ['applyForJudicialConfirmation', 'ApplyForJudicialConfirmationInput', { courtOrgCode: 'court_330621', at: '2026-03-02T07:00:00Z' }, { type: 'request_judicial_confirmation', courtOrgCode: 'court_330621', at: '2026-03-02T07:00:00.000Z' }],
        ['recordAgreementPerformance', 'RecordPerformanceInput', { status: 'PERFORMED', note: '已付清' }, { type: 'record_performance', status: 'performed', note: '已付清' }],
      ];
      for (const [mutation, type, fields, command] of steps) {
        rpc.calls.length = 0;
        const a = await as('mediation_committee', `mutation ($input: ${type}!) { ${mutation}(input: $input) { id version } }`, { input: { handoffId: v.id, ...fields } });
        expect([mutation, a.errors]).toEqual([mutation, undefined]);
        const sent = payloadOf<ActOnHandoff>(MediationActOnHandoff.subject);
        expect(sent).toEqual({ handoffId: v.id, by: { userId: 'u-mediation_committee', orgCode: 'med_labour' }, command, ...('expectedVersion' in fields ? { expectedVersion: 1 } : {}) });
      }
    });

    it('records the agreement with the Art 29 fields and electronic signatures', async () => {
      const v = aHandoffView({ status: 'in_session' });
      rpc.on(MediationActOnHandoff, () => ({ ...v, status: 'concluded_agreement' }));
      const a = await as('mediation_committee', `mutation ($input: ConcludeWithAgreementInput!) { concludeMediationWithAgreement(input: $input) { status } }`, {
        input: {
          handoffId: v.id,
          agreement: {
            factsAndDispute: '拖欠工资三个月',
            responsibilities: '公司承担支付责任',
            terms: ['公司于十日内支付工资'],
            performance: { manner: '银行转账', deadline: '2026-03-12' },
            signatures: [{ partyId: 'p-gao', signedAt: '2026-03-02T08:00:00Z', method: 'E_SIGNATURE' }],
          },
        },
      });
      expect(a.data).toEqual({ concludeMediationWithAgreement: { status: 'CONCLUDED_AGREEMENT' } });
      expect(payloadOf<ActOnHandoff>(MediationActOnHandoff.subject).command).toEqual({
        type: 'conclude_agreement',
        agreement: {
          factsAndDispute: '拖欠工资三个月',
          responsibilities: '公司承担支付责任',
          terms: ['公司于十日内支付工资'],
          performance: { manner: '银行转账', deadline: '2026-03-12' },
          signatures: [{ partyId: 'p-gao', signedAt: '2026-03-02T08:00:00.000Z', method: 'e_signature' }],
        },
      });
    });

    it('lets only the receiving committee record the parties, checks the list before asking, and passes the service’s refusal on', async () => {
      const id = aHandoffView().id;
      const m = `mutation ($input: RecordHandoffPartiesInput!) { recordHandoffParties(input: $input) { id parties { id name role } } }`;
      const parties = [{ id: 'p-zhao', name: '赵秀英', role: 'APPLICANT' }, { id: 'p-sun', name: '孙志强', role: 'RESPONDENT' }];
      for (const role of ['court', 'unit_staff', 'command_operator', 'supervisor'] as const) expect([role, codeOf(await as(role, m, { input: { handoffId: id, parties } }))]).toEqual([role, 'FORBIDDEN']);
      const oneSide = await as('mediation_committee', m, { input: { handoffId: id, parties: [parties[0]] } });
      expect(codeOf(oneSide)).toBe('BAD_USER_INPUT');
      expect((oneSide.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual([expect.stringContaining('parties')]);
      expect(rpc.calls).toEqual([]);

      rpc.on(MediationActOnHandoff, (q) => aHandoffView({ status: 'mediator_appointed', parties: q.command.type === 'record_parties' ? q.command.parties.map((p, i) => ({ id: p.id ?? `party-${i + 1}`, name: p.name, role: p.role })) : [] }));
      const a = await as<{ recordHandoffParties: { parties: unknown[] } }>('mediation_committee', m, { input: { handoffId: id, expectedVersion: 3, parties } });
      expect(a.data?.recordHandoffParties.parties).toEqual(parties);
      expect(payloadOf<ActOnHandoff>(MediationActOnHandoff.subject)).toMatchObject({ expectedVersion: 3, by: { orgCode: 'med_labour' } });

      const fixed = 'parties_fixed: 当事人已就是否同意调解作出表示，当事人不能再变更 (the parties are fixed once a party’s consent is recorded)';
      rpc.on(MediationActOnHandoff, () => {
        throw new RpcCallError('CONFLICT', fixed, [{ field: 'command.parties', problems: [fixed] }]);
      });
      const refused = await as('mediation_committee', m, { input: { handoffId: id, parties } });
      expect([codeOf(refused), refused.errors?.[0].message]).toEqual(['CONFLICT', fixed]);
    });

    it("keeps each step to its side: only courts decide confirmation, only committees mediate", async () => {
      rpc.on(MediationActOnHandoff, () => aHandoffView());
      const decide = `mutation ($input: DecideJudicialConfirmationInput!) { decideJudicialConfirmation(input: $input) { id } }`;
      const input = { handoffId: aHandoffView().id, decision: 'CONFIRMED', at: '2026-03-03T00:00:00Z' };
      expect(codeOf(await as('mediation_committee', decide, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await as('court', `mutation { acceptHandoff(input: { handoffId: "${input.handoffId}" }) { id } }`))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
      expect((await as('court', decide, { input })).errors).toBeUndefined();
      expect(payloadOf<ActOnHandoff>(MediationActOnHandoff.subject)).toMatchObject({ by: { orgCode: 'court_330621' }, command: { type: 'record_judicial_confirmation', decision: 'confirmed' } });
    });

    it("passes the service's refusals through with their stable codes", async () => {
      const id = aHandoffView().id;
      const accept = `mutation { acceptHandoff(input: { handoffId: "${id}" }) { id } }`;
      const refusals: [RpcCallError, string][] = [
        [new RpcCallError('FORBIDDEN', 'actor_not_permitted: 组织 med_labour 不能对该移交执行 accept (not permitted)'), 'FORBIDDEN'],
        [new RpcCallError('CONFLICT', 'illegal_transition: 当前状态不允许此操作'), 'CONFLICT'],
        [new RpcCallError('NOT_FOUND', `no handoff ${id}`), 'NOT_FOUND'],
        [new RpcCallError('BAD_REQUEST', 'conflict_of_interest_undeclared: 调解员须声明', [{ field: 'command.conflictOfInterestDeclared', problems: ['conflict_of_interest_undeclared'] }]), 'BAD_USER_INPUT'],
      ];
      for (const [err, code] of refusals) {
        rpc.on(MediationActOnHandoff, () => {
          throw err;
        });
        const a = await as('mediation_committee', accept);
        expect([err.code, codeOf(a), a.errors?.[0].message]).toEqual([err.code, code, err.message]);
      }
    });
  });

  describe('directory and statistics', () => {
    it('lists mediators with their specialities for any staff role', async () => {
      rpc.on(MediationListMediators, () => [{ id: 'mdr_labour_1', name: '周建华', orgCode: 'med_labour', specialities: ['labour'], active: true }]);
      const a = await as('unit_staff', `{ mediators(speciality: LABOUR) { id name specialities } }`);
      expect(a.data).toEqual({ mediators: [{ id: 'mdr_labour_1', name: '周建华', specialities: ['labour'] }] });
      expect(payloadOf(MediationListMediators.subject)).toEqual({ speciality: 'labour' });
    });

    it('answers statistics to oversight only', async () => {
      const row = (key: string) => ({ key, concluded: 4, agreements: 3, successRate: 0.75, meanDurationDays: 2.5 });
      rpc.on(MediationGetStats, (q) => ({ from: q.from, to: q.to, total: row('all'), byKind: [row('petition_mediation')], byOrganisation: [{ ...row('med_labour'), name: '县劳动争议人民调解委员会' }], byRegion: [row('330621')] }));
      const q = `{ mediationStatistics(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", kind: PETITION_MEDIATION) { from to total { concluded successRate meanDurationDays } byOrganisation { key name } } }`;
      const a = await as('supervisor', q);
      expect(a.data).toEqual({ mediationStatistics: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', total: { concluded: 4, successRate: 0.75, meanDurationDays: 2.5 }, byOrganisation: [{ key: 'med_labour', name: '县劳动争议人民调解委员会' }] } });
      expect(payloadOf(MediationGetStats.subject)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', kind: 'petition_mediation' });
      expect(codeOf(await as('mediation_committee', q))).toBe('FORBIDDEN');
    });
  });
});
