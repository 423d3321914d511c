import type { DataSource } from 'typeorm';

/** A counter as the ledger checks it: hits after `since` count, at most `limit` of them. */
export interface LedgerCounter {
  key: string;
  limit: number;
  since: Date;
}

/** Hits per key since a moment: how many, and the oldest (when the first slot frees up). */
export interface LedgerTally {
  key: string;
  count: number;
  oldest: Date;
}

/** One hit the ledger added, by its counter's key. */
export interface LedgerHit {
  key: string;
  id: string;
}

/**
 * The ledger's answer: every counter had room and got one hit (`tallies` count it), or none did
 * and these (`full`) were at their limit.
 */
export type LedgerVerdict = { admitted: true; hits: LedgerHit[]; tallies: LedgerTally[] } | { admitted: false; full: LedgerTally[] };

/** Where hits are counted; the window arithmetic (SlidingWindowLimiter) sits on top of it. */
export interface RateLimitLedger {
  /**
   * Atomically: when every counter has fewer than `limit` hits since its `since`, adds one hit
   * to each at `at`; otherwise adds nothing. Of calls racing at a limit, exactly as many as
   * there is room for are admitted.
   */
  admit(counters: LedgerCounter[], at: Date): Promise<LedgerVerdict>;
  /** Takes back hits that turned out not to count. */
  remove(hitIds: string[]): Promise<void>;
  /** Forgets the hits of one bucket (keys `<bucket>:…`) at or before `before`. */
  forget(bucket: string, before: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface PgRateLimitLedgerOptions {
  /**
   * The service's hit table (plain or schema-qualified name), created by its own migration as:
   * `id bigserial PRIMARY KEY, limit_key text NOT NULL, at timestamptz NOT NULL DEFAULT now()`,
   * indexed on (limit_key, at) and on (at).
   */
  table: string;
  /**
   * The first half of the advisory-lock key (pg_advisory_xact_lock(lockClass, hashtext(key))):
   * one per service, so two services' limiters sharing a database never wait on each other.
   */
  lockClass: number;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** A LIKE pattern matching text that starts with `prefix` literally. */
const startsWith = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Counts in PostgreSQL (one row per hit), so every replica sees the same counts and a restart
 * forgets nothing. admit() holds a transaction-scoped advisory lock on each key while it counts
 * and adds, so two calls racing at the limit cannot both pass.
 */
export class PgRateLimitLedger implements RateLimitLedger {
  private readonly table: string;
  private readonly lockClass: number;

  constructor(
    private readonly db: DataSource,
    options: PgRateLimitLedgerOptions,
  ) {
    if (!TABLE_NAME.test(options.table)) throw new Error(`PgRateLimitLedger: "${options.table}" is not a plain table name (letters, digits, _; optionally schema.table)`);
    if (!Number.isInteger(options.lockClass) || options.lockClass < -(2 ** 31) || options.lockClass >= 2 ** 31) {
      throw new Error(`PgRateLimitLedger: lockClass must be a 32-bit integer, got ${options.lockClass}`);
    }
    this.table = options.table;
    this.lockClass = options.lockClass;
  }

  admit(counters: LedgerCounter[], at: Date): Promise<LedgerVerdict> {
    // Sorted, so two calls sharing keys take their locks in the same order and cannot deadlock.
    const sorted = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const keys = sorted.map((c) => c.key);
    return this.db.transaction(async (tx) => {
      // The lock comes first, in its own statement: the tally's snapshot then includes every
      // hit committed by whoever held the lock before.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(k)) FROM unnest($2::text[]) AS k', [this.lockClass, keys]);
      const rows: { key: string; n: number; lim: number; oldest: Date | null; id: string | null }[] = await tx.query(
        `WITH counter AS (SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS c(key, lim, since)),
         tally AS (
           SELECT c.key, c.lim, count(h.id)::int AS n, min(h.at) AS oldest
           FROM counter c LEFT JOIN ${this.table} h ON h.limit_key = c.key AND h.at > c.since
           GROUP BY c.key, c.lim),
         added AS (
           INSERT INTO ${this.table} (limit_key, at)
           SELECT key, $4 FROM counter WHERE NOT EXISTS (SELECT 1 FROM tally WHERE n >= lim)
           RETURNING id, limit_key)
         SELECT t.key, t.n, t.lim, t.oldest, a.id FROM tally t LEFT JOIN added a ON a.limit_key = t.key`,
        [keys, sorted.map((c) => c.limit), sorted.map((c) => c.since), at],
      );
      if (rows.every((r) => r.id !== null)) {
        return {
          admitted: true,
          hits: rows.map((r) => ({ key: r.key, id: String(r.id) })),
          // The tally was taken before the insert: the new hit is one more, and the oldest unless older ones are in the window.
          tallies: rows.map((r) => ({ key: r.key, count: r.n + 1, oldest: r.oldest === null ? at : new Date(r.oldest) })),
        };
      }
      return { admitted: false, full: rows.filter((r) => r.n >= r.lim).map((r) => ({ key: r.key, count: r.n, oldest: new Date(r.oldest!) })) };
    });
  }

  async remove(hitIds: string[]): Promise<void> {
    if (hitIds.length) await this.db.query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [hitIds]);
  }

  async forget(bucket: string, before: Date): Promise<void> {
    // SKIP LOCKED: replicas sweeping at the same moment share the rows out instead of queueing behind each other.
    await this.db.query(
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE limit_key LIKE $1 AND at <= $2 FOR UPDATE SKIP LOCKED)`,
      [startsWith(`${bucket}:`), before],
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE limit_key = $1`, [key]);
  }
}
