/* Test helper for the integration specs: drives handoffs through the request/reply API only. */
import { randomUUID } from 'node:crypto';
import {
  MediationActOnHandoff,
  MediationRequestHandoff,
  type HandoffView,
  type MediationCommand,
  type RequestHandoff,
} from '@yikouban/contracts';
import type { RpcCallError, RpcClient } from '@yikouban/messaging';

/** Codes of the demo county's directory (see directory/demo-directory.ts). */
export const ORG = {
  petition: 'dept_petition',
  court: 'court_330621',
  tribunal: 'tribunal_330621103',
  procuratorate: 'procuratorate_330621',
  policeChengguan: 'ps_330621101',
  chengguan: 'med_330621101',
  donghu: 'med_330621102',
  shiqiao: 'med_330621103',
  labour: 'med_labour',
  traffic: 'med_traffic',
  lawyerRoom: 'lawyer_room_330621',
  commercial: 'med_commercial_330621',
} as const;

/** The first mediator of each organisation in the demo directory. */
export const mediatorOf = (orgCode: string): string => `mdr_${orgCode.replace(/^med_/, '')}_1`;

const SOURCE_OF: Record<RequestHandoff['kind'], string> = {
  petition_mediation: ORG.petition,
  litigation_mediation: ORG.court,
  procuratorate_mediation: ORG.procuratorate,
  police_mediation: ORG.policeChengguan,
};

export class HandoffDriver {
  constructor(readonly rpc: RpcClient) {}

  request(over: Partial<RequestHandoff> & Pick<RequestHandoff, 'kind'>): Promise<HandoffView> {
    const sourceOrgCode = over.sourceOrgCode ?? SOURCE_OF[over.kind];
    return this.rpc.request(MediationRequestHandoff, {
      sourceOrgCode,
      targetOrgCode: ORG.chengguan,
      ...(over.kind === 'petition_mediation' ? { grievanceId: randomUUID() } : {}),
      sourceReference: over.kind === 'petition_mediation' ? '330621-26-0042K' : '(2026)浙0621民诉前调1号',
      matter: '相邻宅基地排水沟纠纷，雨季积水倒灌',
      parties: [
        { id: 'p-li', name: '李桂芳', role: 'applicant' },
        { id: 'p-wang', name: '王建国', role: 'respondent' },
      ],
      by: { userId: `clerk@${sourceOrgCode}`, orgCode: sourceOrgCode },
      ...over,
    });
  }

  act(h: HandoffView | string, orgCode: string, command: MediationCommand, extra: { expectedVersion?: number } = {}): Promise<HandoffView> {
    const handoffId = typeof h === 'string' ? h : h.id;
    return this.rpc.request(MediationActOnHandoff, { handoffId, by: { userId: `staff@${orgCode}`, orgCode }, command, ...extra });
  }

  /** Accepted, mediator appointed (no conflicts declared), every party consented. */
  async readyForSessions(h: HandoffView, mode: 'on_site' | 'online' = 'online'): Promise<HandoffView> {
    const org = h.target.orgCode;
    let v = await this.act(h, org, { type: 'accept' });
    v = await this.act(v, org, { type: 'appoint_mediator', mediatorId: mediatorOf(org), chosenByParties: false, conflictOfInterestDeclared: true });
    for (const p of v.parties) v = await this.act(v, org, { type: 'record_consent', partyId: p.id, consents: true });
    v = await this.act(v, org, { type: 'schedule_session', at: new Date().toISOString(), mode, ...(mode === 'on_site' ? { location: '城关镇综治中心调解室' } : {}) });
    return this.act(v, org, {
      type: 'record_session',
      sessionId: v.sessions[0].sessionId,
      participants: [...v.parties.map((p) => p.id), mediatorOf(org)],
      record: '双方陈述事实，调解员释法说理',
    });
  }

  /** An agreement with the Art 29 contents, e-signed by every party now. */
  conclude(h: HandoffView): Promise<HandoffView> {
    const signedAt = new Date().toISOString();
    return this.act(h, h.target.orgCode, {
      type: 'conclude_agreement',
      agreement: {
        factsAndDispute: '王建国加高院墙后排水沟被堵，雨季积水倒灌李桂芳家',
        responsibilities: '王建国堵塞排水沟负主要责任',
        terms: ['王建国于十日内疏通并改建排水沟', '王建国赔偿李桂芳财物损失人民币三千元'],
        performance: { manner: '现场施工并当面支付赔偿款', deadline: '2026-12-31' },
        signatures: h.parties.map((p) => ({ partyId: p.id, signedAt, method: 'e_signature' as const })),
      },
    });
  }

  async mediateToAgreement(h: HandoffView): Promise<HandoffView> {
    return this.conclude(await this.readyForSessions(h));
  }

  async mediateToFailure(h: HandoffView, end: 'positions_too_far_apart' | 'party_unreachable' = 'positions_too_far_apart'): Promise<HandoffView> {
    const v = await this.readyForSessions(h);
    return this.act(v, v.target.orgCode, { type: 'conclude_failure', end, reason: '双方对赔偿数额分歧过大，经三次调解仍无法达成一致' });
  }

  returnToSource(h: HandoffView, note?: string): Promise<HandoffView> {
    return this.act(h, h.target.orgCode, { type: 'return_to_source', ...(note ? { note } : {}) });
  }
}

/** The coded error a call was refused with (fails the test if the call succeeded). */
export async function refused(call: Promise<unknown>): Promise<RpcCallError> {
  try {
    await call;
  } catch (err) {
    return err as RpcCallError;
  }
  throw new Error('expected the call to be refused');
}
