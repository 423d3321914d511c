import { REGION_LEVELS, type RegionLevel, type RegionSeed } from './directory.types';

export type RegionTreeErrorCode = 'duplicate_region' | 'unknown_parent' | 'cycle' | 'level_order' | 'unknown_region';

/** A broken or misused region tree: the code says which rule, the message names the regions. */
export class RegionTreeError extends Error {
  constructor(
    readonly code: RegionTreeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegionTreeError';
  }
}

const depthOfLevel = (level: RegionLevel): number => REGION_LEVELS.indexOf(level);

/**
 * The region tree (市/县/镇街/村社区/网格), checked once at construction — no duplicate codes,
 * no dangling parents, no cycles, every child below its parent's level — so that walking up it
 * (属地管理) never fails half-way.
 */
export class RegionTree {
  private readonly byCode = new Map<string, RegionSeed>();

  constructor(regions: readonly RegionSeed[]) {
    for (const r of regions) {
      if (this.byCode.has(r.code)) throw new RegionTreeError('duplicate_region', `duplicate region code ${r.code} (${r.name})`);
      this.byCode.set(r.code, r);
    }
    for (const r of regions) {
      if (r.parentCode !== null && !this.byCode.has(r.parentCode)) {
        throw new RegionTreeError('unknown_parent', `region ${r.code} (${r.name}) names unknown parent ${r.parentCode}`);
      }
    }
    for (const r of regions) this.checkNoCycle(r);
    for (const r of regions) {
      const parent = r.parentCode === null ? undefined : this.byCode.get(r.parentCode);
      if (parent && depthOfLevel(r.level) <= depthOfLevel(parent.level)) {
        throw new RegionTreeError('level_order', `region ${r.code} (${r.level}) cannot sit under ${parent.code} (${parent.level})`);
      }
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): RegionSeed {
    const r = this.byCode.get(code);
    if (!r) throw new RegionTreeError('unknown_region', `unknown region ${code}`);
    return r;
  }

  parentOf(code: string): RegionSeed | null {
    const p = this.get(code).parentCode;
    return p === null ? null : this.get(p);
  }

  /** Nearest first, the region itself excluded. */
  ancestorsOf(code: string): RegionSeed[] {
    const out: RegionSeed[] = [];
    for (let p = this.parentOf(code); p; p = this.parentOf(p.code)) out.push(p);
    return out;
  }

  /** The region itself, then its ancestors nearest first: the order 属地管理 looks for a handler. */
  chainOf(code: string): RegionSeed[] {
    return [this.get(code), ...this.ancestorsOf(code)];
  }

  /** True for the region itself and for any region below it. */
  isWithin(code: string, ancestorCode: string): boolean {
    this.get(ancestorCode);
    return this.chainOf(code).some((r) => r.code === ancestorCode);
  }

  levelOf(code: string): RegionLevel {
    return this.get(code).level;
  }

  /** The region at `level` that contains `code` (itself included), or null when there is none, e.g. the town of a grid. */
  ancestorAtLevel(code: string, level: RegionLevel): RegionSeed | null {
    return this.chainOf(code).find((r) => r.level === level) ?? null;
  }

  childrenOf(code: string): RegionSeed[] {
    this.get(code);
    return this.all().filter((r) => r.parentCode === code);
  }

  all(): RegionSeed[] {
    return [...this.byCode.values()];
  }

  private checkNoCycle(start: RegionSeed): void {
    const seen = new Set<string>([start.code]);
    for (let p = start.parentCode; p !== null; p = this.get(p).parentCode) {
      if (seen.has(p)) throw new RegionTreeError('cycle', `region ${start.code} (${start.name}) is in a cycle through ${p}`);
      seen.add(p);
    }
  }
}
