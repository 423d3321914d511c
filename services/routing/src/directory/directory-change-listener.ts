import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { ClassificationPublished, DirectoryChanged, RuleSetPublished } from '@yikouban/contracts';
import { listenToFacts, Namespace, NATS_HANDLES, type NatsHandles } from '@yikouban/messaging';
import { DirectoryCache } from './directory-cache';

/**
 * Drops this replica's directory snapshot when any replica records `routing.directory.changed`,
 * `routing.classification.published` or `routing.rules.published` (the snapshot holds the current
 * classification list and the rules in force too), so a rename, a deactivation, a new list or new
 * rules made through another replica show here at once instead of when the snapshot ages out.
 * Every replica must hear every change, hence plain subscriptions and not durable consumers (a
 * missed fact still ages out with the snapshot).
 */
@Injectable()
export class DirectoryChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DirectoryChangeListener');
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_HANDLES) private readonly nats: NatsHandles,
    private readonly ns: Namespace,
    private readonly cache: DirectoryCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const warn = (m: string) => this.logger.warn(m);
    this.subscriptions = [
      listenToFacts(this.nats.nc, this.ns, DirectoryChanged, () => this.cache.invalidate(), warn),
      listenToFacts(this.nats.nc, this.ns, ClassificationPublished, () => this.cache.invalidate(), warn),
      listenToFacts(this.nats.nc, this.ns, RuleSetPublished, () => this.cache.invalidate(), warn),
    ];
    // The server knows the subscriptions before the service counts as started.
    await this.nats.nc.flush();
  }

  onApplicationShutdown(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }
}
