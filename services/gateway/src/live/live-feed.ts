/**
 * In-process fan-out of live events to the subscriptions of this gateway replica. Each
 * subscriber gets its own bounded queue: a slow browser loses its oldest unread items (a live
 * board refetches on reconnect) instead of growing the gateway's memory.
 */
export class LiveFeed<T> {
  private readonly listeners = new Set<(item: T) => void>();

  constructor(private readonly bound = 256) {}

  /** How many subscriptions are listening (tests wait for theirs before publishing). */
  get subscribers(): number {
    return this.listeners.size;
  }

  publish(item: T): void {
    for (const listener of this.listeners) listener(item);
  }

  /** The items `accept` lets through, from now on, until the subscription ends (`return()`). */
  subscribe(accept: (item: T) => boolean): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let waiting: ((r: IteratorResult<T>) => void) | undefined;
    let closed = false;
    const listener = (item: T) => {
      if (!accept(item)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: item, done: false });
        return;
      }
      queue.push(item);
      if (queue.length > this.bound) queue.shift();
    };
    const close = (): IteratorResult<T> => {
      closed = true;
      this.listeners.delete(listener);
      queue.length = 0;
      const resolve = waiting;
      waiting = undefined;
      resolve?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    };
    this.listeners.add(listener);
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift() as T, done: false });
        if (closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      // Called when the client unsubscribes or disconnects: stop listening at once, even while a next() waits.
      return: () => Promise.resolve(close()),
      throw: (err: unknown) => {
        close();
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
