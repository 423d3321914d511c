import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectoryOrganisationView, GetRegionTree, ListOrganisations, RegionLevelName, RegionNodeView } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';

type Query = Pick<EntityManager, 'query'>;

interface RegionRow {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
}

const ORG_COLUMNS = 'code, name, name_en AS "nameEn", kind, region_code AS "regionCode", department_type AS "departmentType", active';
/** Enough for any county's directory; a picker narrows by region or name first. */
const MAX_ORGANISATIONS = 1000;

export function notFound(field: string, what: string, code: string): DomainError {
  return new DomainError('NOT_FOUND', `not_found: ${what} ${code} 不存在 (no such ${field === 'code' ? 'entry' : field})`, [{ field, problems: ['not_found'] }]);
}

/**
 * The directory as administrators read it: straight from the tables, not the triage cache, so a
 * change made a moment ago on another replica shows at once.
 */
@Injectable()
export class DirectoryReads {
  constructor(private readonly db: DataSource) {}

  async regionTree(q: GetRegionTree, db: Query = this.db): Promise<RegionNodeView[]> {
    const rows: RegionRow[] = await db.query('SELECT code, name, level, parent_code AS "parentCode" FROM region ORDER BY code');
    const children = new Map<string | null, RegionRow[]>();
    for (const r of rows) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
    const node = (r: RegionRow, depth: number): RegionNodeView => {
      const below = children.get(r.code) ?? [];
      return { ...r, childCount: below.length, children: depth > 0 ? below.map((c) => node(c, depth - 1)) : [] };
    };
    const depth = q.depth ?? 1;
    if (q.rootCode === undefined) return (children.get(null) ?? []).map((r) => node(r, depth));
    const root = rows.find((r) => r.code === q.rootCode);
    if (!root) throw notFound('rootCode', '区划', q.rootCode);
    return [node(root, depth)];
  }

  async region(code: string, db: Query = this.db): Promise<RegionNodeView> {
    const [node] = await this.regionTree({ rootCode: code, depth: 0 }, db);
    return node;
  }

  async organisations(q: ListOrganisations, db: Query = this.db): Promise<DirectoryOrganisationView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (q.regionCode !== undefined) {
      const [known] = (await db.query('SELECT 1 FROM region WHERE code = $1', [q.regionCode])) as unknown[];
      if (!known) throw notFound('regionCode', '区划', q.regionCode);
      where.push(
        q.withinRegion
          ? `region_code IN (WITH RECURSIVE sub AS (SELECT code FROM region WHERE code = ${param(q.regionCode)} UNION ALL SELECT r.code FROM region r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`
          : `region_code = ${param(q.regionCode)}`,
      );
    }
    if (q.kind !== undefined) where.push(`kind = ${param(q.kind)}`);
    if (q.departmentType !== undefined) where.push(`department_type = ${param(q.departmentType)}`);
    if (q.codes !== undefined) where.push(`code = ANY (${param(q.codes)})`);
    if (q.search !== undefined) {
      const like = param(`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(name ILIKE ${like} OR name_en ILIKE ${like} OR code ILIKE ${like})`);
    }
    if (!q.includeInactive) where.push('active');
    const sql = `SELECT ${ORG_COLUMNS} FROM organisation ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code LIMIT ${MAX_ORGANISATIONS}`;
    return db.query(sql, params);
  }

  async organisation(code: string, db: Query = this.db, lock = false): Promise<DirectoryOrganisationView | null> {
    const [row] = (await db.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code])) as DirectoryOrganisationView[];
    return row ?? null;
  }
}
