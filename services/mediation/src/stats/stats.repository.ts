import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MediationStats, MediationStatsQuery, MediationStatsRow } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';

interface GroupRow {
  kind: string | null;
  target_org_code: string | null;
  region_code: string | null;
  by_kind: number;
  by_org: number;
  by_region: number;
  concluded: number;
  agreements: number;
  mean_days: number | null;
}

const row = (key: string, r: GroupRow | undefined): MediationStatsRow => ({
  key,
  concluded: r?.concluded ?? 0,
  agreements: r?.agreements ?? 0,
  successRate: r && r.concluded > 0 ? r.agreements / r.concluded : 0,
  meanDurationDays: r?.mean_days ?? null,
});

/**
 * Statistics from the columns maintained on every save (kind, target, region, concluded_at,
 * outcome, duration_days): one pass over the handoffs concluded in the period, through the
 * (kind, target_org_code, concluded_at) and (concluded_at) indexes — never the history.
 * A handoff counts when mediation took place (it was accepted); success = concluded with agreement.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: DataSource) {}

  async stats(q: MediationStatsQuery): Promise<MediationStats> {
    if (Date.parse(q.from) >= Date.parse(q.to)) {
      throw new DomainError('BAD_REQUEST', 'from must be before to', [{ field: 'from', problems: ['from must be before to'] }]);
    }
    const args: unknown[] = [q.from, q.to];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const where = ['concluded_at >= $1::timestamptz', 'concluded_at < $2::timestamptz', 'accepted_at IS NOT NULL'];
    if (q.kind) where.push(`kind = ${arg(q.kind)}`);
    if (q.orgCode) where.push(`target_org_code = ${arg(q.orgCode)}`);
    if (q.regionCode) where.push(`region_code LIKE ${arg(`${q.regionCode}%`)}`);
    const rows: GroupRow[] = await this.db.query(
      `SELECT kind, target_org_code, region_code,
         grouping(kind) AS by_kind, grouping(target_org_code) AS by_org, grouping(region_code) AS by_region,
         count(*)::int AS concluded, (count(*) FILTER (WHERE outcome = 'agreement'))::int AS agreements, avg(duration_days) AS mean_days
       FROM handoff WHERE ${where.join(' AND ')}
       GROUP BY GROUPING SETS ((), (kind), (target_org_code), (region_code))`,
      args,
    );
    // grouping(x) = 0 means the row is grouped by x.
    const total = rows.find((r) => r.by_kind === 1 && r.by_org === 1 && r.by_region === 1);
    const perKind = rows.filter((r) => r.by_kind === 0 && r.kind !== null).sort((a, b) => (a.kind as string).localeCompare(b.kind as string));
    const perOrg = rows.filter((r) => r.by_org === 0 && r.target_org_code !== null).sort((a, b) => (a.target_org_code as string).localeCompare(b.target_org_code as string));
    const perRegion = rows.filter((r) => r.by_region === 0 && r.region_code !== null).sort((a, b) => (a.region_code as string).localeCompare(b.region_code as string));
    const names = await this.organisationNames(perOrg.map((r) => r.target_org_code as string));
    return {
      from: new Date(q.from).toISOString(),
      to: new Date(q.to).toISOString(),
      total: row('all', total),
      byKind: perKind.map((r) => row(r.kind as string, r)),
      byOrganisation: perOrg.map((r) => ({ ...row(r.target_org_code as string, r), name: names.get(r.target_org_code as string) ?? (r.target_org_code as string) })),
      byRegion: perRegion.map((r) => row(r.region_code as string, r)),
    };
  }

  private async organisationNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await this.db.query('SELECT code, name FROM organisation WHERE code = ANY ($1)', [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
