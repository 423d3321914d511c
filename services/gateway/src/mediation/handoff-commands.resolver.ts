import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import {
  AppointMediatorInput,
  ApplyForJudicialConfirmationInput,
  ConcludeWithAgreementInput,
  ConcludeWithoutAgreementInput,
  DecideJudicialConfirmationInput,
  DeclineHandoffInput,
  ExtendTimeLimitInput,
  HandoffCommandInput,
  RecordConsentInput,
  RecordHandoffPartiesInput,
  RecordPerformanceInput,
  RecordSessionInput,
  RequestHandoffInput,
  ReturnToSourceInput,
  ScheduleSessionInput,
  WithdrawHandoffInput,
} from './dto/handoff.inputs';
import { HandoffView } from './dto/handoff.view';
import { RECEIVER_ROLES, SENDING_ROLES } from './mediation-access';
import { MediationDesk } from './mediation-desk.service';

const optional = <K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [key]: v } as Record<K, V>));

/**
 * The steps of a handoff, each one mutation: the source requests (or recalls), the receiving
 * organisation mediates and returns the outcome, the court decides on confirmation.
 */
@Resolver(() => HandoffView)
export class HandoffCommandsResolver {
  constructor(private readonly desk: MediationDesk) {}

  @Allow(...SENDING_ROLES)
  @Mutation(() => HandoffView, { description: '发起移交：法院委派/委托、检调、警调、访调 / request a handoff' })
  requestHandoff(@CurrentPrincipal() p: Principal, @Args('input') input: RequestHandoffInput): Promise<HandoffView> {
    return this.desk.request(p, input);
  }

  @Allow(...SENDING_ROLES)
  @Mutation(() => HandoffView, { description: '撤回尚未受理的移交 / recall a handoff nobody accepted yet' })
  withdrawHandoffRequest(@CurrentPrincipal() p: Principal, @Args('input') i: WithdrawHandoffInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'withdraw_request', reason: i.reason });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '受理移交（3个工作日内） / accept the handoff' })
  acceptHandoff(@CurrentPrincipal() p: Principal, @Args('input') i: HandoffCommandInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'accept' });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '不予受理并说明理由 / decline, with the reason' })
  declineHandoff(@CurrentPrincipal() p: Principal, @Args('input') i: DeclineHandoffInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'decline', reason: i.reason });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '核实当事人（受理后、当事人表示是否同意调解前） / record the real parties, after acceptance and before any consent' })
  recordHandoffParties(@CurrentPrincipal() p: Principal, @Args('input') i: RecordHandoffPartiesInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'record_parties', parties: i.parties.map((x) => ({ ...optional('id', x.id), name: x.name, role: x.role })) });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '指定调解员（须作利益冲突声明） / appoint a mediator after the conflict-of-interest declaration' })
  appointMediator(@CurrentPrincipal() p: Principal, @Args('input') i: AppointMediatorInput): Promise<HandoffView> {
    return this.desk.act(p, i, {
      type: 'appoint_mediator',
      mediatorId: i.mediatorId,
      chosenByParties: i.chosenByParties,
      conflictOfInterestDeclared: i.conflictOfInterestDeclared,
      ...optional('conflicts', i.conflicts),
    });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '记录当事人是否同意调解 / record a party’s consent' })
  recordPartyConsent(@CurrentPrincipal() p: Principal, @Args('input') i: RecordConsentInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'record_consent', partyId: i.partyId, consents: i.consents });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '安排调解（现场或云调解） / schedule a session, on site or online' })
  scheduleMediationSession(@CurrentPrincipal() p: Principal, @Args('input') i: ScheduleSessionInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'schedule_session', at: i.at.toISOString(), mode: i.mode, ...optional('sessionId', i.sessionId), ...optional('location', i.location) });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '记录已召开的调解 / record a session held' })
  recordMediationSession(@CurrentPrincipal() p: Principal, @Args('input') i: RecordSessionInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'record_session', sessionId: i.sessionId, participants: i.participants, record: i.record });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '达成调解协议并记录协议书（第29条，电子签名） / conclude with the signed agreement' })
  concludeMediationWithAgreement(@CurrentPrincipal() p: Principal, @Args('input') i: ConcludeWithAgreementInput): Promise<HandoffView> {
    const a = i.agreement;
    return this.desk.act(p, i, {
      type: 'conclude_agreement',
      agreement: {
        ...optional('parties', a.parties?.map((x) => ({ ...x }))),
        factsAndDispute: a.factsAndDispute,
        responsibilities: a.responsibilities,
        terms: a.terms,
        performance: { manner: a.performance.manner, deadline: a.performance.deadline },
        signatures: a.signatures.map((s) => ({ partyId: s.partyId, signedAt: s.signedAt.toISOString(), method: s.method })),
      },
    });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '调解未成终结（告知其他途径） / end without agreement; the parties are told the other roads' })
  concludeMediationWithoutAgreement(@CurrentPrincipal() p: Principal, @Args('input') i: ConcludeWithoutAgreementInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'conclude_failure', end: i.end, reason: i.reason });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '经当事人同意延长调解期限 / extend the period with every party’s consent' })
  extendMediationTimeLimit(@CurrentPrincipal() p: Principal, @Args('input') i: ExtendTimeLimitInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'extend_time_limit', days: i.days, consentingPartyIds: i.consentingPartyIds });
  }

  @Allow(...RECEIVER_ROLES)
  @Mutation(() => HandoffView, { description: '将调解结果退回来源方 / return the outcome to the source' })
  returnHandoffToSource(@CurrentPrincipal() p: Principal, @Args('input') i: ReturnToSourceInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'return_to_source', ...optional('note', i.note) });
  }

  @Allow('mediation_committee', 'court')
  @Mutation(() => HandoffView, { description: '登记司法确认申请（协议生效30日内） / register the application for judicial confirmation' })
  applyForJudicialConfirmation(@CurrentPrincipal() p: Principal, @Args('input') i: ApplyForJudicialConfirmationInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'request_judicial_confirmation', courtOrgCode: i.courtOrgCode, at: i.at.toISOString() });
  }

  @Allow('court')
  @Mutation(() => HandoffView, { description: '法院作出司法确认决定 / the court confirms or rejects the agreement' })
  decideJudicialConfirmation(@CurrentPrincipal() p: Principal, @Args('input') i: DecideJudicialConfirmationInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'record_judicial_confirmation', decision: i.decision, at: i.at.toISOString() });
  }

  @Allow(...RECEIVER_ROLES, ...SENDING_ROLES)
  @Mutation(() => HandoffView, { description: '记录协议履行情况（回访） / record how the agreement is performed' })
  recordAgreementPerformance(@CurrentPrincipal() p: Principal, @Args('input') i: RecordPerformanceInput): Promise<HandoffView> {
    return this.desk.act(p, i, { type: 'record_performance', status: i.status, note: i.note });
  }
}
