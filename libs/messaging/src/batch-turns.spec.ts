import { BatchTurns } from './batch-turns';

/** A piece of work that finishes when told to, recording when it ran. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { work: async () => { log.push(`${name} start`); await opened; log.push(`${name} end`); }, open };
}

describe('BatchTurns', () => {
  it('runs one batch at a time and hands the next turn to the oldest waiting batch, not the first to ask', async () => {
    const turns = new BatchTurns();
    const log: string[] = [];
    const first = gate(log, 'first');
    const newer = gate(log, 'newer');
    const older = gate(log, 'older');
    // Asking together (in one turn of the event loop): the oldest goes first whatever the order of asking.
    const running = [turns.run(300, newer.work), turns.run(10, first.work), turns.run(200, older.work)];
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['first start']);
    first.open();
    older.open();
    newer.open();
    await Promise.all(running);
    expect(log).toEqual(['first start', 'first end', 'older start', 'older end', 'newer start', 'newer end']);
  });

  it('lets the batch that just finished ask again before the turn is handed on', async () => {
    const turns = new BatchTurns();
    const log: string[] = [];
    const firstBatch = turns.run(100, async () => void log.push('first batch'));
    const waiting = turns.run(200, async () => void log.push('other')); // asks while the first batch runs
    await firstBatch;
    // The same consumer's next batch, with a message older than the other's.
    await turns.run(150, async () => void log.push('next batch'));
    await waiting;
    expect(log).toEqual(['first batch', 'next batch', 'other']);
  });

  it('passes the turn on when the work fails', async () => {
    const turns = new BatchTurns();
    await expect(turns.run(1, async () => { throw new Error('deadlock'); })).rejects.toThrow('deadlock');
    await expect(turns.run(2, async () => 'applied')).resolves.toBe('applied');
  });

  it('is one per lock name in a process', () => {
    expect(BatchTurns.named('supervision:events')).toBe(BatchTurns.named('supervision:events'));
    expect(BatchTurns.named('supervision:events')).not.toBe(BatchTurns.named('routing:events'));
  });
});
