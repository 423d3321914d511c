import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { HandoffArgs, HandoffInboxArgs, SentHandoffsArgs } from './dto/handoff.inputs';
import { HandoffConnectionView, HandoffView } from './dto/handoff.view';
import { FILE_ROLES, INBOX_ROLES, SENDING_ROLES } from './mediation-access';
import { MediationDesk } from './mediation-desk.service';

/** What each side of a handoff sees: the receiver's inbox, the sender's list, one file. */
@Resolver(() => HandoffView)
export class HandoffQueriesResolver {
  constructor(private readonly desk: MediationDesk) {}

  @Allow(...INBOX_ROLES)
  @Query(() => HandoffConnectionView, { description: '本组织收到的移交（法院默认为待决的司法确认） / the handoffs sent to my organisation (courts: confirmations applied for)' })
  handoffInbox(@CurrentPrincipal() p: Principal, @Args() args: HandoffInboxArgs): Promise<HandoffConnectionView> {
    return this.desk.inbox(p, args);
  }

  @Allow(...SENDING_ROLES)
  @Query(() => HandoffConnectionView, { description: '本组织发出的移交及其进展 / where the handoffs my organisation sent stand' })
  sentHandoffs(@CurrentPrincipal() p: Principal, @Args() args: SentHandoffsArgs): Promise<HandoffConnectionView> {
    return this.desk.sent(p, args);
  }

  @Allow(...FILE_ROLES)
  @Query(() => HandoffView, { description: '一件移交的卷宗（仅来源方、调解组织、受理确认的法院及督查） / one handoff’s file' })
  handoff(@CurrentPrincipal() p: Principal, @Args() args: HandoffArgs): Promise<HandoffView> {
    return this.desk.file(p, args.id);
  }
}
