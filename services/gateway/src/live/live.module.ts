import { Module } from '@nestjs/common';
import { LiveBoardResolver } from './live-board.resolver';
import { LiveEventSource } from './live-event-source';
import { LiveFeeds } from './live-feeds';

/** Subscriptions for the live boards, fed from intake's and routing's facts. Needs MessagingModule and RpcModule. */
@Module({ providers: [LiveFeeds, LiveEventSource, LiveBoardResolver], exports: [LiveFeeds] })
export class LiveModule {}
