import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeadlineBreached, DeadlineWarning } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { dueAlarms } from './alarm-schedule';
import { Clock } from './clock.entity';

export const SWEEP_INTERVAL_MS = Symbol('SWEEP_INTERVAL_MS');

/**
 * Fires the warnings, breaches and escalations that have come due. Clocks are claimed with
 * SKIP LOCKED, so several replicas sweep without firing anything twice; the facts go out
 * through the outbox in the same transaction as the clock's new counters.
 */
@Injectable()
export class ClockSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly db: DataSource,
    @Inject(SWEEP_INTERVAL_MS) private readonly intervalMs: number,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; returns how many alarms fired. Exposed for tests that set their own `now`. */
  async sweep(now = new Date()): Promise<number> {
    const fired = await this.db.transaction(async (tx) => {
      const clocks = await tx.getRepository(Clock).createQueryBuilder('c')
        .where(`c.next_alarm_at <= :now AND c.state IN ('running','breached')`, { now })
        .orderBy('c.next_alarm_at').limit(200).setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
      let n = 0;
      for (const c of clocks) n += await this.fire(tx, c, now);
      return n;
    });
    if (fired > 0) this.relay?.kick();
    return fired;
  }

  private async fire(tx: EntityManager, c: Clock, now: Date): Promise<number> {
    const { fired, after, next } = dueAlarms(c, now);
    for (const a of fired) {
      const base = { clockId: c.id, grievanceId: c.grievanceId, step: c.step, policyCode: c.policyCode, dueAt: c.dueAt.toISOString() };
      if (a.kind === 'warning') await appendToOutbox(tx, DeadlineWarning, { ...base, share: a.share });
      else await appendToOutbox(tx, DeadlineBreached, { ...base, escalationLevel: a.level, escalatedTo: a.escalatedTo });
    }
    const breached = fired.some((a) => a.kind === 'breach');
    const history = breached && c.state !== 'breached' ? [...c.history, { at: now.toISOString(), change: 'breached' as const, cause: 'deadline passed' }] : c.history;
    await tx.update(Clock, { id: c.id }, {
      warningsSent: after.warningsSent,
      escalationLevel: after.escalationLevel,
      nextAlarmAt: next?.at ?? null,
      state: breached || c.state === 'breached' ? 'breached' : c.state,
      history,
    });
    return fired.length;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep().catch(() => 0);
    await this.running;
    this.running = undefined;
  }
}
