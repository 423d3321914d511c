import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RoutingListCategories, type CategorySummary } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { CachedCatalogue, type CategoryCatalogue } from './category-catalogue';

export interface NatsCatalogueOptions {
  natsUrl: string;
  namespace: string;
  /** How long one question to routing may take before the list counts as unavailable. */
  timeoutMs?: number;
  ttlMs?: number;
}

/** Asks routing (`routing.category.list`) over NATS with a client of its own, cached. */
export class NatsCategoryCatalogue implements CategoryCatalogue, OnModuleInit, OnApplicationShutdown {
  private readonly rpc: RpcClient;
  private readonly cache: CachedCatalogue;

  constructor(o: NatsCatalogueOptions) {
    this.rpc = new RpcClient(new Namespace(o.namespace), o.natsUrl, 'ykb-intake-open311', o.timeoutMs ?? 3000);
    this.cache = new CachedCatalogue(() => this.rpc.request(RoutingListCategories, {}), o.ttlMs ?? 60_000);
  }

  async onModuleInit(): Promise<void> {
    await this.rpc.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }

  list(): Promise<CategorySummary[]> {
    return this.cache.list();
  }
}
