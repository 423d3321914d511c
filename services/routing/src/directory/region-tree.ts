import type { RegionSeed } from './directory.types';

/** The region tree (市/县/镇街/村社区/网格), checked at construction: no dangling parents, no cycles. */
export class RegionTree {
  private readonly byCode = new Map<string, RegionSeed>();

  constructor(regions: RegionSeed[]) {
    for (const r of regions) {
      if (this.byCode.has(r.code)) throw new Error(`duplicate region code ${r.code}`);
      this.byCode.set(r.code, r);
    }
    for (const r of regions) {
      if (r.parentCode !== null && !this.byCode.has(r.parentCode)) throw new Error(`region ${r.code} names unknown parent ${r.parentCode}`);
      const seen = new Set<string>([r.code]);
      for (let p = r.parentCode; p !== null; p = this.byCode.get(p)!.parentCode) {
        if (seen.has(p)) throw new Error(`region ${r.code} is in a cycle`);
        seen.add(p);
      }
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): RegionSeed {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`unknown region ${code}`);
    return r;
  }

  parentOf(code: string): RegionSeed | null {
    const p = this.get(code).parentCode;
    return p === null ? null : this.get(p);
  }

  /** Nearest first. */
  ancestorsOf(code: string): RegionSeed[] {
    const out: RegionSeed[] = [];
    for (let p = this.parentOf(code); p; p = this.parentOf(p.code)) out.push(p);
    return out;
  }

  isWithin(code: string, ancestorCode: string): boolean {
    return code === ancestorCode || this.ancestorsOf(code).some((r) => r.code === ancestorCode);
  }

  levelOf(code: string): RegionSeed['level'] {
    return this.get(code).level;
  }

  all(): RegionSeed[] {
    return [...this.byCode.values()];
  }
}
