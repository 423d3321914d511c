import { LiveFeed } from './live-feed';

describe('LiveFeed', () => {
  it('gives each subscriber what its filter accepts, in order, from the moment it subscribed', async () => {
    const feed = new LiveFeed<number>();
    feed.publish(0);
    const evens = feed.subscribe((n) => n % 2 === 0);
    const all = feed.subscribe(() => true);
    [1, 2, 3, 4].forEach((n) => feed.publish(n));
    expect([(await evens.next()).value, (await evens.next()).value]).toEqual([2, 4]);
    expect(await Promise.all([all.next(), all.next(), all.next(), all.next()])).toEqual([1, 2, 3, 4].map((value) => ({ value, done: false })));
  });

  it('hands an item to a subscriber already waiting for one', async () => {
    const feed = new LiveFeed<string>();
    const it = feed.subscribe(() => true);
    const pending = it.next();
    feed.publish('x');
    expect(await pending).toEqual({ value: 'x', done: false });
  });

  it('stops listening at return(), ending a next() that was waiting', async () => {
    const feed = new LiveFeed<string>();
    const it = feed.subscribe(() => true);
    const pending = it.next();
    expect(feed.subscribers).toBe(1);
    await it.return!();
    expect(feed.subscribers).toBe(0);
    expect(await pending).toEqual({ value: undefined, done: true });
    feed.publish('late');
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it("drops a slow subscriber's oldest unread items beyond its bound", async () => {
    const feed = new LiveFeed<number>(3);
    const it = feed.subscribe(() => true);
    [1, 2, 3, 4, 5].forEach((n) => feed.publish(n));
    expect([(await it.next()).value, (await it.next()).value, (await it.next()).value]).toEqual([3, 4, 5]);
  });
});
