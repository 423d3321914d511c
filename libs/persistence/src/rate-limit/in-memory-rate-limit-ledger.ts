import type { LedgerCounter, LedgerTally, LedgerVerdict, RateLimitLedger } from './rate-limit-ledger';

/**
 * The ledger's contract in one process's memory: for unit tests of what counts on a ledger
 * (PgRateLimitLedger is what services run, so replicas count together).
 */
export class InMemoryRateLimitLedger implements RateLimitLedger {
  readonly hits: { id: string; key: string; at: Date }[] = [];
  private nextId = 1;

  // No await inside: one admit runs to its end before another starts, as the real ledger's lock ensures.
  async admit(counters: LedgerCounter[], at: Date): Promise<LedgerVerdict> {
    const full: LedgerTally[] = [];
    const tallies: LedgerTally[] = [];
    for (const c of counters) {
      const times = this.hits.filter((h) => h.key === c.key && h.at > c.since).map((h) => h.at.getTime());
      if (times.length >= c.limit) full.push({ key: c.key, count: times.length, oldest: new Date(Math.min(...times)) });
      tallies.push({ key: c.key, count: times.length + 1, oldest: new Date(Math.min(at.getTime(), ...times)) });
    }
    if (full.length) return { admitted: false, full };
    const hits = counters.map((c) => ({ id: String(this.nextId++), key: c.key, at }));
    this.hits.push(...hits);
    return { admitted: true, hits: hits.map(({ id, key }) => ({ id, key })), tallies };
  }

  async remove(hitIds: string[]): Promise<void> {
    this.drop((h) => hitIds.includes(h.id));
  }

  async forget(bucket: string, before: Date): Promise<void> {
    this.drop((h) => h.key.startsWith(`${bucket}:`) && h.at <= before);
  }

  async clear(key: string): Promise<void> {
    this.drop((h) => h.key === key);
  }

  private drop(match: (h: { key: string; at: Date; id: string }) => boolean): void {
    for (let i = this.hits.length - 1; i >= 0; i--) if (match(this.hits[i])) this.hits.splice(i, 1);
  }
}
