import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PII_ROLES, type Principal, type Role } from '../auth/roles';
import {
  BookReceptionInput,
  ConcludePublicEvaluationInput,
  OpenPublicEvaluationInput,
  PublicEvaluationArgs,
  PublicEvaluationsArgs,
  ReceptionRotaArgs,
  RecordEvaluationVoteInput,
  RecordReceptionInput,
  RevealReceptionRecordArgs,
  ScheduleReceptionDayInput,
} from './dto/reception.inputs';
import { PublicEvaluationConnectionView, PublicEvaluationView, ReceptionAppointmentView, ReceptionDayView, RevealedReceptionRecordView } from './dto/reception.views';
import { ReceptionDesk } from './reception-desk.service';

/** The leader and the reception clerk book and record receptions. */
export const RECEPTION_DESK_ROLES: readonly Role[] = ['leader', 'reception_clerk'];
/** The supervisor and the administrator keep the rota. */
export const ROTA_KEEPERS: readonly Role[] = ['supervisor', 'administrator'];
export const ROTA_READERS: readonly Role[] = [...RECEPTION_DESK_ROLES, ...ROTA_KEEPERS, 'command_operator'];
/** Who may read a ledger entry's personal information in full: rota readers whose role may see PII at all. */
export const RECEPTION_PII_ROLES: readonly Role[] = ROTA_READERS.filter((r) => PII_ROLES.includes(r));
/** The supervisor runs public evaluations; leaders may read them. */
export const PUBLIC_EVALUATION_RUNNERS: readonly Role[] = ['supervisor'];
export const PUBLIC_EVALUATION_READERS: readonly Role[] = ['supervisor', 'leader', 'administrator'];

/** 领导接访 (rota, appointments, ledger) and 阳光信访公开评议. */
@Resolver()
export class ReceptionResolver {
  constructor(private readonly desk: ReceptionDesk) {}

  @Allow(...ROTA_READERS)
  @Query(() => [ReceptionDayView], { description: '领导接访排班表（含预约与台账）/ the reception rota with appointments and ledger entries' })
  receptionRota(@Args() a: ReceptionRotaArgs): Promise<ReceptionDayView[]> {
    return this.desk.rota(a);
  }

  @Allow(...ROTA_KEEPERS)
  @Mutation(() => ReceptionDayView, { description: '排定领导接访日（领导 + 法律顾问）/ schedule a leader’s reception day with a legal adviser' })
  scheduleReceptionDay(@CurrentPrincipal() p: Principal, @Args('input') input: ScheduleReceptionDayInput): Promise<ReceptionDayView> {
    return this.desk.schedule(p, input);
  }

  @Allow(...RECEPTION_DESK_ROLES)
  @Mutation(() => ReceptionAppointmentView, { description: '预约领导接访（初信初访须在7日内）/ book a grievance on a reception slot' })
  bookReception(@CurrentPrincipal() p: Principal, @Args('input') input: BookReceptionInput): Promise<ReceptionAppointmentView> {
    return this.desk.book(p, input);
  }

  @Allow(...RECEPTION_DESK_ROLES)
  @Mutation(() => ReceptionAppointmentView, { description: '登记接访台账（承诺事项纳入督查计时）/ enter the reception in the ledger; a promise is timed' })
  recordReception(@CurrentPrincipal() p: Principal, @Args('input') input: RecordReceptionInput): Promise<ReceptionAppointmentView> {
    return this.desk.record(p, input);
  }

  @Allow(...RECEPTION_PII_ROLES)
  @Mutation(() => RevealedReceptionRecordView, { description: '查看接访台账中的完整身份（须说明理由，记入审计）/ who was received, unmasked; a reason is required and the read is audited' })
  revealReceptionRecord(@CurrentPrincipal() p: Principal, @Args() a: RevealReceptionRecordArgs): Promise<RevealedReceptionRecordView> {
    return this.desk.reveal(p, a);
  }

  @Allow(...PUBLIC_EVALUATION_READERS)
  @Query(() => PublicEvaluationView, { description: '阳光信访公开评议 / a public evaluation with its panel, votes and opinion' })
  publicEvaluation(@Args() a: PublicEvaluationArgs): Promise<PublicEvaluationView> {
    return this.desk.publicEvaluation(a.id);
  }

  @Allow(...PUBLIC_EVALUATION_READERS)
  @Query(() => PublicEvaluationConnectionView, { description: '公开评议列表（本辖区，按发起时间倒序）/ public evaluations in the account’s region, newest first' })
  publicEvaluations(@CurrentPrincipal() p: Principal, @Args() a: PublicEvaluationsArgs): Promise<PublicEvaluationConnectionView> {
    return this.desk.publicEvaluations(p, a);
  }

  @Allow(...PUBLIC_EVALUATION_RUNNERS)
  @Mutation(() => PublicEvaluationView, { description: '发起公开评议 / open a public evaluation of a contested matter' })
  openPublicEvaluation(@CurrentPrincipal() p: Principal, @Args('input') input: OpenPublicEvaluationInput): Promise<PublicEvaluationView> {
    return this.desk.open(p, input);
  }

  @Allow(...PUBLIC_EVALUATION_RUNNERS)
  @Mutation(() => PublicEvaluationView, { description: '记录评议员投票（不可更改）/ record an evaluator’s vote, once' })
  recordEvaluationVote(@CurrentPrincipal() p: Principal, @Args('input') input: RecordEvaluationVoteInput): Promise<PublicEvaluationView> {
    return this.desk.vote(p, input);
  }

  @Allow(...PUBLIC_EVALUATION_RUNNERS)
  @Mutation(() => PublicEvaluationView, { description: '结束评议并按规则形成意见 / conclude; the opinion is computed by the stated rule' })
  concludePublicEvaluation(@CurrentPrincipal() p: Principal, @Args('input') input: ConcludePublicEvaluationInput): Promise<PublicEvaluationView> {
    return this.desk.conclude(p, input);
  }
}
