import { Module } from '@nestjs/common';
import { HandoffCommandsResolver } from './handoff-commands.resolver';
import { HandoffQueriesResolver } from './handoff-queries.resolver';
import { MediationDesk } from './mediation-desk.service';
import { MediationDirectoryResolver } from './mediation-directory.resolver';

/** 四调衔接 in GraphQL: inboxes, the sender's view, every step of a handoff, the directory and statistics. Needs RpcModule. */
@Module({ providers: [MediationDesk, HandoffQueriesResolver, HandoffCommandsResolver, MediationDirectoryResolver] })
export class MediationModule {}
