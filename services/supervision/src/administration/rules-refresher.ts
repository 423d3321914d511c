import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeRules } from './active-rules';
import { loadRules } from './rules.store';

/**
 * How stale another replica's copy of the overrides and local policies may get. A change made
 * through this replica is seen here at once (refreshNow after the commit); the others re-read
 * within this time. Both tables are small, so a re-read is one cheap query each.
 */
export const RULES_TTL_MS = 5_000;

/** Keeps activeRules in step with the database: loaded before any event is handled, then re-read. */
@Injectable()
export class ActiveRulesRefresher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ActiveRules');
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private applied = 0;

  constructor(private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    // Consumers start at application bootstrap, after every module's init: none plans with stale rules.
    await this.refreshNow();
    this.timer = setInterval(() => {
      this.refreshNow().catch((e: unknown) => this.logger.warn(`re-reading calendar overrides and policies failed: ${String(e)}`));
    }, RULES_TTL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A read that started earlier but finished later (a TTL read racing a change) is dropped. */
  async refreshNow(): Promise<void> {
    const n = ++this.started;
    const snapshot = await loadRules(this.db);
    if (n < this.applied) return;
    this.applied = n;
    activeRules.replace(snapshot);
  }
}
