import { Injectable } from '@nestjs/common';
import type { AssignmentChange, LiveGrievance } from './dto/live.types';
import { LiveFeed } from './live-feed';

/** The live feeds of this gateway replica: filled from NATS by LiveEventSource, read by the subscriptions. */
@Injectable()
export class LiveFeeds {
  readonly grievances = new LiveFeed<LiveGrievance>();
  readonly assignments = new LiveFeed<AssignmentChange>();
}
