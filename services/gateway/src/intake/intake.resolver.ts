import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { PII_ROLES, type Principal } from '../auth/roles';
import { GrievanceByIdArgs, GrievanceIdArgs, GrievancesArgs, MergeGrievancesArgs, RegisterGrievanceArgs, RevealPetitionerArgs } from './dto/intake.args';
import { DuplicateSuggestionView, GrievanceConnectionView, GrievanceMergeView, GrievanceRecordView, RegisteredGrievanceView, RevealedPetitionerView } from './dto/intake.views';
import { IntakeGatewayService } from './intake-gateway.service';

/** Staff's side of intake: register, list and read (masked), reveal (audited), duplicates. */
@Resolver(() => GrievanceRecordView)
export class IntakeResolver {
  constructor(private readonly intake: IntakeGatewayService) {}

  @Allow('reception_clerk', 'command_operator', 'api_client')
  @RequireScopes('grievance:write')
  @Mutation(() => RegisteredGrievanceView, { description: '登记诉求 / register a grievance (clerks, the command centre, integrated systems)' })
  registerGrievance(@Args() args: RegisterGrievanceArgs, @CurrentPrincipal() principal: Principal): Promise<RegisteredGrievanceView> {
    return this.intake.register(args.input, principal);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => GrievanceConnectionView, { description: '辖区内诉求列表 (游标分页) / grievances in your region, newest first, cursor-paginated' })
  grievances(@Args() args: GrievancesArgs, @CurrentPrincipal() principal: Principal): Promise<GrievanceConnectionView> {
    return this.intake.list(principal, args.first ?? undefined, args.after ?? undefined, args.filter ?? undefined);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => GrievanceRecordView, { description: '按编号查询诉求 (信访人脱敏) / one grievance by id, the petitioner masked' })
  grievanceById(@Args() args: GrievanceByIdArgs, @CurrentPrincipal() principal: Principal): Promise<GrievanceRecordView> {
    return this.intake.byId(principal, args.id);
  }

  @Allow(...PII_ROLES)
  @Mutation(() => RevealedPetitionerView, { description: '查看信访人完整身份 (须说明理由，记入审计) / the petitioner unmasked; a reason is required and the read is audited' })
  revealPetitioner(@Args() args: RevealPetitionerArgs, @CurrentPrincipal() principal: Principal): Promise<RevealedPetitionerView> {
    return this.intake.reveal(principal, args.grievanceId, args.reason);
  }

  @Allow('reception_clerk', 'command_operator')
  @Query(() => [DuplicateSuggestionView], { description: '疑似重复件 / grievances that may be the same matter' })
  duplicateSuggestions(@Args() args: GrievanceIdArgs, @CurrentPrincipal() principal: Principal): Promise<DuplicateSuggestionView[]> {
    return this.intake.duplicates(principal, args.grievanceId);
  }

  @Allow('command_operator')
  @Mutation(() => GrievanceMergeView, { description: '合并重复件 (两件均保留并关联) / merge a duplicate into a primary; both stay, linked' })
  mergeGrievances(@Args() args: MergeGrievancesArgs, @CurrentPrincipal() principal: Principal): Promise<GrievanceMergeView> {
    return this.intake.merge(principal, args.keepId, args.mergeId);
  }
}
