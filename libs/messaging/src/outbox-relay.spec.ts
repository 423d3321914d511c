import type { DataSource } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import { JsonLogger } from '@yikouban/observability';
import { Namespace } from './naming';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

/** What the relay did, in order: claims, publishes, marks and fault-injection log lines. */
type Step = string;

/** A relay over a fake database (one unsent row) and a fake JetStream, recording its steps. */
function relayWith(options: OutboxRelayOptions) {
  const steps: Step[] = [];
  const row = { id: '7f1d3c1e-0000-4000-8000-000000000001', subject: 'intake.grievance.received', payload: { id: 'e1' }, correlation_id: null };
  const tx = {
    query: async (sql: string) => {
      if (sql.startsWith('SELECT')) {
        steps.push('claim');
        return [row];
      }
      steps.push('mark sent');
      return [];
    },
  };
  const db = { transaction: (work: (t: typeof tx) => Promise<number>) => work(tx) } as unknown as DataSource;
  const js = {
    publish: async (subject: string, _data: string, opts: { msgID: string }) => {
      steps.push(`publish ${subject} ${opts.msgID}`);
      return {};
    },
  } as unknown as JetStreamClient;
  const logger = new JsonLogger('intake', 'info', (line) => steps.push(`log ${(JSON.parse(line) as { msg: string }).msg}`));
  return { relay: new OutboxRelay(db, js, new Namespace('t1'), logger, options), steps, row };
}

describe('OutboxRelay fault injection (crash tests only)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('without a pause, claims, publishes with Nats-Msg-Id = event id and marks sent, logging nothing', async () => {
    const { relay, steps, row } = relayWith({});
    await expect(relay.publishBatch()).resolves.toBe(1);
    expect(steps).toEqual(['claim', `publish t1.intake.grievance.received ${row.id}`, 'mark sent']);
  });

  it('pauses between claiming and publishing, and says so first', async () => {
    const { relay, steps, row } = relayWith({ pauseBeforePublishMs: 60_000 });
    const batch = relay.publishBatch();
    await jest.advanceTimersByTimeAsync(59_999);
    expect(steps).toEqual(['claim', 'log fault injection: claimed, pausing before publish']);
    await jest.advanceTimersByTimeAsync(1);
    await expect(batch).resolves.toBe(1);
    expect(steps.slice(2)).toEqual([`publish t1.intake.grievance.received ${row.id}`, 'mark sent']);
  });

  it('pauses between publishing and marking sent, and says so first', async () => {
    const { relay, steps, row } = relayWith({ pauseBeforeMarkSentMs: 60_000 });
    const batch = relay.publishBatch();
    await jest.advanceTimersByTimeAsync(59_999);
    expect(steps).toEqual(['claim', `publish t1.intake.grievance.received ${row.id}`, 'log fault injection: published, pausing before marking sent']);
    await jest.advanceTimersByTimeAsync(1);
    await expect(batch).resolves.toBe(1);
    expect(steps.at(-1)).toBe('mark sent');
  });
});
