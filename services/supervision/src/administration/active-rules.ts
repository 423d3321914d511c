import { ChineseDaysSource, WorkingCalendar, type CalendarOverride } from '@yikouban/calendar';
import type { DeadlinePolicyView } from '@yikouban/contracts';
import { LOCAL_POLICIES, STATUTORY_POLICIES, type DeadlinePolicy } from '../deadline-policy';

/** One version of a local policy with the period it is in force: [effectiveFrom, effectiveUntil). */
export interface PolicyVersion {
  policy: DeadlinePolicy;
  version: number;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  createdBy: string;
}

export interface StoredOverride extends CalendarOverride {
  jurisdiction: string;
  createdBy: string;
  createdAt: Date;
}

export interface RulesSnapshot {
  overrides: readonly StoredOverride[];
  localPolicies: readonly PolicyVersion[];
}

/** A region code's jurisdiction chain, nearest first: grid, village, town, county, city, province. */
export function jurisdictionChain(regionCode: string | null): string[] {
  if (!regionCode) return [];
  return [15, 12, 9, 6, 4, 2].filter((n) => regionCode.length >= n).map((n) => regionCode.slice(0, n));
}

export const inForceAt = (v: Pick<PolicyVersion, 'effectiveFrom' | 'effectiveUntil'>, at: Date): boolean =>
  v.effectiveFrom.getTime() <= at.getTime() && (v.effectiveUntil === null || at.getTime() < v.effectiveUntil.getTime());

/**
 * The demo county's policies as the seed migration stores them (in force since ever), so code that
 * runs before the first load from the database — and unit tests — see what the service will see.
 */
const SEEDED: RulesSnapshot = {
  overrides: [],
  localPolicies: LOCAL_POLICIES.map((policy) => ({ policy, version: 1, effectiveFrom: new Date(0), effectiveUntil: null, createdBy: 'seed' })),
};

/**
 * The administrator's calendar overrides and local deadline policies as this process last read
 * them from the database (ActiveRulesRefresher re-reads them on a short TTL and after every change
 * made here). Planning is synchronous and runs inside event transactions, so it reads this
 * snapshot rather than the tables.
 */
export class ActiveRules {
  private snapshot: RulesSnapshot = SEEDED;
  private readonly calendars = new Map<string, WorkingCalendar>();

  constructor(private readonly source = new ChineseDaysSource()) {}

  replace(snapshot: RulesSnapshot): void {
    this.snapshot = snapshot;
    this.calendars.clear();
  }

  get current(): RulesSnapshot {
    return this.snapshot;
  }

  /** The overrides that bind a region: its own and its ancestors', the nearest winning on a date. */
  overridesFor(regionCode: string | null): StoredOverride[] {
    const byDate = new Map<string, StoredOverride>();
    for (const j of jurisdictionChain(regionCode).reverse()) {
      for (const o of this.snapshot.overrides) if (o.jurisdiction === j) byDate.set(o.date, o);
    }
    return [...byDate.values()];
  }

  /** The working calendar of the region: the national schedule corrected by its overrides. */
  calendarFor(regionCode: string | null): WorkingCalendar {
    const key = regionCode ?? '';
    let cal = this.calendars.get(key);
    if (!cal) {
      cal = new WorkingCalendar(this.source, this.overridesFor(regionCode));
      this.calendars.set(key, cal);
    }
    return cal;
  }

  /** The statutory policies and the local versions in force at the instant (a clock's start). */
  policiesAt(at: Date): DeadlinePolicy[] {
    return [...STATUTORY_POLICIES, ...this.snapshot.localPolicies.filter((v) => inForceAt(v, at)).map((v) => v.policy)];
  }

  /**
   * The policy a clock runs on, as it stood when the clock started: a later version or a
   * retirement never changes a running clock's rules. Without a start, the latest version.
   */
  policyOf(code: string, startedAt?: Date): DeadlinePolicy | undefined {
    const statutory = STATUTORY_POLICIES.find((p) => p.code === code);
    if (statutory) return statutory;
    const versions = this.snapshot.localPolicies.filter((v) => v.policy.code === code).sort((a, b) => b.version - a.version);
    return (startedAt ? versions.find((v) => inForceAt(v, startedAt)) : undefined)?.policy ?? versions[0]?.policy;
  }
}

/** The process-wide snapshot the planner reads. */
export const activeRules = new ActiveRules();

/** A policy as the administration screens show it; `version` is null for a statutory policy. */
export function toVersionView(p: DeadlinePolicy, v: PolicyVersion | null): DeadlinePolicyView {
  return {
    code: p.code,
    jurisdiction: p.jurisdiction,
    statutory: p.jurisdiction === null,
    version: v?.version ?? 1,
    name: p.name,
    nameEn: p.nameEn,
    appliesTo: p.appliesTo,
    unit: p.unit,
    amount: p.amount,
    source: p.source,
    warnAt: [...p.warnAt],
    when: p.when ? { ...(p.when.complexity ? { complexity: [...p.when.complexity] } : {}), ...(p.when.firstTime !== undefined ? { firstTime: p.when.firstTime } : {}), ...(p.when.kind ? { kind: [...p.when.kind] } : {}) } : null,
    note: p.note ?? null,
    maxExtensions: p.maxExtensions ?? null,
    extensionAmount: p.extensionAmount ?? null,
    effectiveFrom: v?.effectiveFrom.toISOString() ?? null,
    effectiveUntil: v?.effectiveUntil?.toISOString() ?? null,
    createdBy: v?.createdBy ?? null,
  };
}
