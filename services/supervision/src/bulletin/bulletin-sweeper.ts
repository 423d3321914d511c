import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BulletinService } from './bulletin.service';

export const BULLETIN_INTERVAL_MS = Symbol('BULLETIN_INTERVAL_MS');

/** Looks for bulletins that have come due (like the clock sweeper, on a slower beat). */
@Injectable()
export class BulletinSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BulletinSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly bulletins: BulletinService,
    @Inject(BULLETIN_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.bulletins.publishDue().catch((err: Error) => this.logger.warn(`bulletin sweep failed: ${err.message}`));
    await this.running;
    this.running = undefined;
  }
}
