import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RoutingListCategories, type CategorySummary } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { TEST_NATS_URL, testNamespace } from '@yikouban/testing';
import { CatalogueUnavailableError } from '../open311.errors';
import { NatsCategoryCatalogue } from './nats-category-catalogue';

const CATEGORIES: CategorySummary[] = [
  { code: 'road_damage', name: '道路损坏', nameEn: 'Road damage', matterClass: 'suggestion', statutoryPaths: [], keywords: ['路面'], listVersion: 4 },
];

describe('NatsCategoryCatalogue (real NATS)', () => {
  let nc: NatsConnection;
  let ns: Namespace;
  let catalogue: NatsCategoryCatalogue;
  let asked: unknown[];

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(async () => {
    await nc?.close();
  });

  beforeEach(async () => {
    ns = new Namespace(testNamespace());
    asked = [];
    catalogue = new NatsCategoryCatalogue({ natsUrl: TEST_NATS_URL, namespace: ns.prefix, timeoutMs: 500 });
    await catalogue.onModuleInit();
  });
  afterEach(async () => {
    await catalogue.onApplicationShutdown();
  });

  /** Stands in for routing: answers the query the way Nest's NATS transport does. */
  async function routingAnswers(categories: CategorySummary[]): Promise<void> {
    nc.subscribe(ns.subject(RoutingListCategories.subject), {
      callback: (_, msg) => {
        const packet = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string; data: unknown };
        asked.push(packet.data);
        msg.respond(JSON.stringify({ id: packet.id, response: categories, isDisposed: true }));
      },
    });
    await nc.flush(); // subscribed on the server before the catalogue asks
  }

  it('asks routing for the category list in its namespace, once within the minute', async () => {
    await routingAnswers(CATEGORIES);
    expect(await catalogue.list()).toEqual(CATEGORIES);
    expect(await catalogue.list()).toEqual(CATEGORIES);
    expect(asked).toEqual([{}]);
  });

  it('is unavailable when nobody answers', async () => {
    await expect(catalogue.list()).rejects.toBeInstanceOf(CatalogueUnavailableError);
  });
});
