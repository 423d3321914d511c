import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrganisationSeed, RegionSeed } from './directory.types';
import type { RoutingRule } from '../rules/routing-rule.types';
import type { CategorySeed } from '../classification/classification.types';

interface RuleRow {
  id: string;
  version: number;
  category_code: string;
  region_code: string;
  min_headcount: number | null;
  min_amount_yuan: string | null;
  collective_only: boolean;
  lead_org_code: string;
  co_org_codes: string[];
  priority: number;
}

/** Reads the directory (regions, organisations) and the active routing rule set. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly db: DataSource) {}

  regions(): Promise<RegionSeed[]> {
    return this.db.query('SELECT code, name, level, parent_code AS "parentCode" FROM region ORDER BY code');
  }

  /** Every organisation, deactivated ones included (marked), so a refusal can name them. */
  async organisations(): Promise<(OrganisationSeed & { active: boolean })[]> {
    const rows: (OrganisationSeed & { active: boolean; departmentType: OrganisationSeed['departmentType'] | null })[] = await this.db.query(
      'SELECT code, name, name_en AS "nameEn", kind, region_code AS "regionCode", department_type AS "departmentType", active FROM organisation ORDER BY code',
    );
    return rows.map(({ departmentType, ...o }) => (departmentType ? { ...o, departmentType } : o));
  }

  /** Whether the organisation is active now (null: no such organisation), read from the table itself. */
  async isActive(code: string): Promise<boolean | null> {
    const [row] = (await this.db.query('SELECT active FROM organisation WHERE code = $1', [code])) as { active: boolean }[];
    return row ? row.active : null;
  }

  async categories(): Promise<{ listVersion: number; category: CategorySeed }[]> {
    const rows: { list_version: number; definition: CategorySeed }[] = await this.db.query('SELECT list_version, definition FROM category ORDER BY code');
    return rows.map((r) => ({ listVersion: r.list_version, category: r.definition }));
  }

  /** The rules of the newest version: older versions stay for the record of past decisions. */
  activeRules(): Promise<RoutingRule[]> {
    return this.rulesOf(null);
  }

  /** The rules of one version (null: the newest), in id order. */
  async rulesOf(version: number | null, db: Pick<DataSource, 'query'> = this.db): Promise<RoutingRule[]> {
    const rows: RuleRow[] = await db.query('SELECT * FROM routing_rule WHERE version = COALESCE($1::int, (SELECT max(version) FROM routing_rule)) ORDER BY id', [version]);
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      categoryCode: r.category_code,
      regionCode: r.region_code,
      ...(r.min_headcount !== null ? { minHeadcount: r.min_headcount } : {}),
      ...(r.min_amount_yuan !== null ? { minAmountYuan: Number(r.min_amount_yuan) } : {}),
      ...(r.collective_only ? { collectiveOnly: true } : {}),
      leadOrgCode: r.lead_org_code,
      coOrgCodes: r.co_org_codes,
      priority: r.priority,
    }));
  }
}
