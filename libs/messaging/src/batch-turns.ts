/**
 * Turns at a service's batch lock within one process. Of the consumers waiting, the one whose batch
 * holds the oldest message goes next, so facts from different streams are applied in about the
 * order they were published (a receipt before the assignment that followed it) rather than in the
 * order the consumers happened to ask; applied out of order, they cost re-planning work. Only one
 * consumer per process then waits at the database lock, holding a pooled connection. An efficiency
 * alone: the advisory lock still serializes replicas, and handlers accept facts in any order.
 */
export class BatchTurns {
  private static readonly byName = new Map<string, BatchTurns>();
  private held = false;
  private readonly waiting: { oldest: number; grant: () => void }[] = [];

  /** The turns of one lock name in this process. */
  static named(name: string): BatchTurns {
    let turns = BatchTurns.byName.get(name);
    if (!turns) BatchTurns.byName.set(name, (turns = new BatchTurns()));
    return turns;
  }

  /** Runs `work` in its turn; `oldest` orders the waiting (smaller first), e.g. the batch's oldest stream timestamp. */
  async run<R>(oldest: number, work: () => Promise<R>): Promise<R> {
    await new Promise<void>((grant) => {
      this.waiting.push({ oldest, grant });
      this.handOn();
    });
    try {
      return await work();
    } finally {
      this.held = false;
      this.handOn();
    }
  }

  /**
   * Hands the free turn to the oldest waiting batch, a moment later: consumers asking at about the
   * same time (messages of several streams arriving together, or the consumer that just finished
   * asking again with its next batch) are all considered.
   */
  private handOn(): void {
    setImmediate(() => {
      if (this.held || this.waiting.length === 0) return;
      const next = this.waiting.reduce((best, w, i) => (w.oldest < this.waiting[best].oldest ? i : best), 0);
      this.held = true;
      this.waiting.splice(next, 1)[0].grant();
    });
  }
}
