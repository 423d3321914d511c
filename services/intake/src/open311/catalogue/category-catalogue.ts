import type { CategorySummary } from '@yikouban/contracts';
import { CatalogueUnavailableError } from '../open311.errors';

/** Where the Open311 service list comes from: routing's classification list (依法分类处理清单). */
export interface CategoryCatalogue {
  /** Every category; rejects with CatalogueUnavailableError when the list cannot be had. */
  list(): Promise<CategorySummary[]>;
}
export const CATEGORY_CATALOGUE = Symbol('CATEGORY_CATALOGUE');

/** A catalogue that never changes: for tests and for running without routing. */
export class FixedCategoryCatalogue implements CategoryCatalogue {
  constructor(private readonly categories: readonly CategorySummary[]) {}

  async list(): Promise<CategorySummary[]> {
    return [...this.categories];
  }
}

/**
 * Keeps the list for `ttlMs`, so a busy Open311 client costs routing one query a minute.
 * Concurrent misses share one fetch. When a refresh fails a list already held is served on
 * (an old list beats none); with nothing held the failure is CatalogueUnavailableError.
 */
export class CachedCatalogue implements CategoryCatalogue {
  private held: { at: number; categories: CategorySummary[] } | null = null;
  private inFlight: Promise<CategorySummary[]> | null = null;

  constructor(
    private readonly fetch: () => Promise<CategorySummary[]>,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<CategorySummary[]> {
    if (this.held && this.now() - this.held.at < this.ttlMs) return [...this.held.categories];
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = null;
    });
    return [...(await this.inFlight)];
  }

  private async refresh(): Promise<CategorySummary[]> {
    try {
      const categories = await this.fetch();
      if (!Array.isArray(categories)) throw new Error('routing answered something other than a list');
      this.held = { at: this.now(), categories };
      return categories;
    } catch (err) {
      if (this.held) return this.held.categories;
      throw err instanceof CatalogueUnavailableError ? err : new CatalogueUnavailableError((err as Error)?.message ?? String(err));
    }
  }
}
