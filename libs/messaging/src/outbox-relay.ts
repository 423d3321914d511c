import type { DataSource } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { CORRELATION_HEADER, type JsonLogger } from '@yikouban/observability';
import type { Namespace } from './naming';

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  correlation_id: string | null;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  idlePollMs?: number;
  /** Fault injection (tests only): pause after claiming a batch, before publishing it. */
  pauseBeforePublishMs?: number;
  /** Fault injection (tests only): pause after publishing a batch, before marking it sent. */
  pauseBeforeMarkSentMs?: number;
}

/**
 * Publishes outbox rows to JetStream with Nats-Msg-Id = event id, then marks them sent.
 * Rows are claimed with SKIP LOCKED so replicas share the work; a crash between publish and
 * mark re-publishes, which the stream's dedupe window drops. Publishes go out as a window of
 * in-flight promises, not one at a time (STACK trap 8).
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private kicked = false;

  constructor(
    private readonly db: DataSource,
    private readonly js: JetStreamClient,
    private readonly ns: Namespace,
    private readonly logger: JsonLogger,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a local commit that wrote to the outbox: publish now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes one batch; returns how many rows were sent. Exposed for tests and the drain on stop. */
  async publishBatch(): Promise<number> {
    const limit = this.options.batchSize ?? 256;
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, subject, payload, correlation_id FROM outbox
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await this.faultPause('claimed, pausing before publish', this.options.pauseBeforePublishMs, rows);
      await Promise.all(
        rows.map((row) => {
          const h = natsHeaders();
          if (row.correlation_id) h.set(CORRELATION_HEADER, row.correlation_id);
          return this.js.publish(this.ns.subject(row.subject), JSON.stringify(row.payload), { msgID: row.id, headers: h });
        }),
      );
      await this.faultPause('published, pausing before marking sent', this.options.pauseBeforeMarkSentMs, rows);
      await tx.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /**
   * Holds the claimed batch (rows locked, transaction open) so a crash test can kill the process
   * in exactly that window; the log line tells it when. Never set in production (libs/config).
   */
  private async faultPause(what: string, ms: number | undefined, rows: OutboxRow[]): Promise<void> {
    if (!ms) return;
    this.logger.event('warn', `fault injection: ${what}`, { events: rows.map((r) => ({ id: r.id, subject: r.subject })) }, 'OutboxRelay');
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Whether any row waits, in one autocommit statement: an idle poll need not open a claiming transaction. */
  private async anyUnsent(): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT 1');
    return rows.length > 0;
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    let full = false;
    while (this.running) {
      const kicked = this.kicked;
      this.kicked = false;
      try {
        // Claim at once after a kick or a full batch; after an idle wait, look first.
        const sent: number = kicked || full || (await this.anyUnsent()) ? await this.publishBatch() : 0;
        backoffMs = 0;
        // A short batch took every row there was: rows committed since then kicked (or wait
        // for the next poll, when another replica wrote them), so no empty claim follows.
        full = sent >= (this.options.batchSize ?? 256);
        if (full) continue;
      } catch (err) {
        full = false;
        backoffMs = Math.min(Math.max(backoffMs * 2, 200), 5000);
        this.logger.event('warn', 'outbox publish failed; will retry', { error: (err as Error).message, backoffMs }, 'OutboxRelay');
      }
      if (!this.running) break;
      if (this.kicked && backoffMs === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffMs || (this.options.idlePollMs ?? 250));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
