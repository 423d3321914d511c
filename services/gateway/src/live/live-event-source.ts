import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import {
  AssignmentAccepted,
  AssignmentCreated,
  AssignmentProgressed,
  AssignmentReassigned,
  AssignmentReplied,
  AssignmentReturned,
  GrievanceReceived,
  RoutingGetAssignment,
  type AssignmentFactBase,
  type EventContract,
} from '@yikouban/contracts';
import { listenToFacts, Namespace, NATS_HANDLES, RpcClient, type NatsHandles } from '@yikouban/messaging';
import type { AssignmentChangeKind } from './dto/live.types';
import { createdChange, laterChange, toLiveGrievance } from './live-event-mapper';
import { LiveFeeds } from './live-feeds';

/** What the board needs to scope a later fact about an assignment; routing's facts after `created` do not carry it. */
interface KnownAssignment {
  regionCode: string;
  unitName: string;
}

/** Enough for a county's open assignments; the oldest are forgotten first and asked of routing again if they move. */
const KNOWN_ASSIGNMENTS = 20_000;

const LATER_FACTS: [EventContract<AssignmentFactBase>, Exclude<AssignmentChangeKind, 'created'>][] = [
  [AssignmentAccepted, 'accepted'],
  [AssignmentReturned, 'returned'],
  [AssignmentProgressed, 'progressed'],
  [AssignmentReplied, 'replied'],
  [AssignmentReassigned, 'reassigned'],
];

/**
 * Feeds the live boards from the facts intake and routing publish, heard through listenToFacts
 * (plain, non-durable): every replica sees every fact, and the gateway keeps nothing — a board
 * that reconnects reloads its lists and goes on live.
 */
@Injectable()
export class LiveEventSource implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LiveEventSource');
  private readonly subscriptions: Subscription[] = [];
  private readonly known = new Map<string, KnownAssignment>();

  constructor(
    @Inject(NATS_HANDLES) private readonly nats: NatsHandles,
    private readonly ns: Namespace,
    private readonly rpc: RpcClient,
    private readonly feeds: LiveFeeds,
  ) {}

  onApplicationBootstrap(): void {
    this.listen(GrievanceReceived, (e) => this.feeds.grievances.publish(toLiveGrievance(e)));
    this.listen(AssignmentCreated, (e) => {
      this.remember(e.assignmentId, { regionCode: e.regionCode, unitName: e.orgName });
      this.feeds.assignments.publish(createdChange(e));
    });
    for (const [contract, kind] of LATER_FACTS) {
      this.listen(contract, async (e) => this.feeds.assignments.publish(laterChange(kind, e, await this.assignment(e.assignmentId))));
    }
  }

  onApplicationShutdown(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  /** The owning service's consumers dead-letter a malformed fact; a live view just leaves it out (and says so). */
  private listen<T extends object>(contract: EventContract<T>, publish: (data: T) => void | Promise<void>): void {
    this.subscriptions.push(listenToFacts(this.nats.nc, this.ns, contract, publish, (m) => this.logger.warn(m)));
  }

  private remember(assignmentId: string, known: KnownAssignment): void {
    this.known.delete(assignmentId);
    this.known.set(assignmentId, known);
    if (this.known.size > KNOWN_ASSIGNMENTS) this.known.delete(this.known.keys().next().value as string);
  }

  /** The assignment's region and unit name: learnt from its `created` fact, else asked of routing; null when routing cannot say. */
  private async assignment(assignmentId: string): Promise<KnownAssignment | null> {
    const cached = this.known.get(assignmentId);
    if (cached) return cached;
    try {
      const a = await this.rpc.request(RoutingGetAssignment, { assignmentId });
      const known = { regionCode: a.regionCode, unitName: a.orgName };
      this.remember(assignmentId, known);
      return known;
    } catch (err) {
      this.logger.warn(`no region for assignment ${assignmentId}: ${(err as Error).message}`);
      return null;
    }
  }
}
