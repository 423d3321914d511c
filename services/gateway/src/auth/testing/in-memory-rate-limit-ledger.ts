import type { LedgerTally, RateLimitLedger } from '../rate-limiter';

/** The ledger's contract in memory, for unit tests of the window arithmetic (PgRateLimitLedger runs in the auth integration tests). */
export class InMemoryRateLimitLedger implements RateLimitLedger {
  readonly hits: { key: string; at: Date }[] = [];

  async tally(keys: string[], since: Date): Promise<LedgerTally[]> {
    const out: LedgerTally[] = [];
    for (const key of new Set(keys)) {
      const times = this.hits.filter((h) => h.key === key && h.at > since).map((h) => h.at.getTime());
      if (times.length) out.push({ key, count: times.length, oldest: new Date(Math.min(...times)) });
    }
    return out;
  }

  async add(keys: string[], at: Date): Promise<void> {
    for (const key of keys) this.hits.push({ key, at });
  }

  async forget(bucket: string, before: Date): Promise<void> {
    this.remove((h) => h.key.startsWith(`${bucket}:`) && h.at <= before);
  }

  async clear(key: string): Promise<void> {
    this.remove((h) => h.key === key);
  }

  private remove(match: (h: { key: string; at: Date }) => boolean): void {
    for (let i = this.hits.length - 1; i >= 0; i--) if (match(this.hits[i])) this.hits.splice(i, 1);
  }
}
