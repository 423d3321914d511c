import { Injectable } from '@nestjs/common';
import type { OrganisationSeed } from './directory.types';
import { RegionTree } from './region-tree';
import type { RoutingRule } from '../rules/routing-rule.types';
import { DirectoryRepository } from './directory.repository';
import type { CategorySeed } from '../classification/classification.types';

export interface DirectorySnapshot {
  tree: RegionTree;
  /** Active organisations only: routing, escalation and rule checks never pick a deactivated one. */
  organisations: Map<string, OrganisationSeed>;
  /** Deactivated organisations, kept so a command naming one is refused as such, not as unknown. */
  inactive: Map<string, OrganisationSeed>;
  rules: RoutingRule[];
  categories: Map<string, CategorySeed>;
  listVersion: number;
  loadedAt: number;
}

const MAX_AGE_MS = 30_000;

/**
 * The directory changes a few times a day and is read for every grievance: keep a snapshot in
 * memory and reload it when it is older than MAX_AGE_MS or when an administrator changes it.
 */
@Injectable()
export class DirectoryCache {
  private snapshot?: Promise<DirectorySnapshot>;

  constructor(private readonly repo: DirectoryRepository) {}

  async current(now = Date.now()): Promise<DirectorySnapshot> {
    const snap = this.snapshot ? await this.snapshot.catch(() => undefined) : undefined;
    if (!snap || now - snap.loadedAt > MAX_AGE_MS) {
      this.snapshot = this.load(now);
      return this.snapshot;
    }
    return snap;
  }

  invalidate(): void {
    this.snapshot = undefined;
  }

  /**
   * Whether the organisation is active according to the table, not the snapshot: another replica may
   * have deactivated it within the snapshot's age. A snapshot found stale is dropped at once.
   */
  async confirmActive(code: string): Promise<boolean> {
    const active = (await this.repo.isActive(code)) === true;
    if (!active) this.invalidate();
    return active;
  }

  private async load(now: number): Promise<DirectorySnapshot> {
    const [regions, organisations, rules, categories] = await Promise.all([this.repo.regions(), this.repo.organisations(), this.repo.activeRules(), this.repo.categories()]);
    return {
      tree: new RegionTree(regions),
      organisations: new Map(organisations.filter((o) => o.active).map(({ active: _, ...o }) => [o.code, o])),
      inactive: new Map(organisations.filter((o) => !o.active).map(({ active: _, ...o }) => [o.code, o])),
      rules,
      categories: new Map(categories.map((c) => [c.category.code, c.category])),
      listVersion: Math.max(0, ...categories.map((c) => c.listVersion)),
      loadedAt: now,
    };
  }
}
