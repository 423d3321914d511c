import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { DirectoryChanged } from '@yikouban/contracts';
import { listenToFacts, Namespace, NATS_HANDLES, type NatsHandles } from '@yikouban/messaging';
import { DirectoryCache } from './directory-cache';

/**
 * Drops this replica's directory snapshot when any replica records `routing.directory.changed`,
 * so a rename or deactivation made through another replica shows here at once instead of when
 * the snapshot ages out. Every replica must hear every change, hence a plain subscription and
 * not a durable consumer (a missed fact still ages out with the snapshot).
 */
@Injectable()
export class DirectoryChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DirectoryChangeListener');
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_HANDLES) private readonly nats: NatsHandles,
    private readonly ns: Namespace,
    private readonly cache: DirectoryCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = listenToFacts(this.nats.nc, this.ns, DirectoryChanged, () => this.cache.invalidate(), (m) => this.logger.warn(m));
    // The server knows the subscription before the service counts as started.
    await this.nats.nc.flush();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
