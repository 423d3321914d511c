import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DirectoryChanged,
  REGION_LEVELS,
  type CreateOrganisation,
  type CreateRegion,
  type DeactivateOrganisation,
  type DirectoryChange,
  type DirectoryOrganisationView,
  type RegionNodeView,
  type RenameRegion,
  type RoutingActor,
  type UpdateOrganisation,
} from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryCache } from './directory-cache';
import { DirectoryReads, notFound } from './directory-reads';
import { DEPARTMENT_TYPES } from './directory.types';

/** Work an organisation still holds: anything not yet closed, reassigned, handed over or redirected. */
export const OPEN_ASSIGNMENT_STATUSES = ['created', 'accepted', 'in_progress', 'replied', 'awaiting_reassignment', 'disputed'] as const;

/**
 * A child's code extends its parent's (330621 → 330621101 → 330621101201). Six-digit codes keep
 * the national style, where a city ends in 00 and its counties fill those digits: under 330600
 * the county is 330621, so a six-digit parent counts by its significant digits (3306).
 */
export function extendsParentCode(code: string, parentCode: string): boolean {
  const prefix = parentCode.length === 6 ? parentCode.replace(/(00)+$/, '') : parentCode;
  return code !== parentCode && code.length >= parentCode.length && code.startsWith(prefix);
}

const badRequest = (field: string, problem: string, message: string) => new DomainError('BAD_REQUEST', `${problem}: ${message}`, [{ field, problems: [problem] }]);
const conflict = (field: string, problem: string, message: string) => new DomainError('CONFLICT', `${problem}: ${message}`, [{ field, problems: [problem] }]);

/**
 * Administrators change the region tree and the organisations here. Each change is checked,
 * written and recorded in the outbox (`routing.directory.changed`) in one transaction, under one
 * directory-wide lock so two administrators never interleave; then this replica's cache is
 * dropped, and the others refresh from the event or within the cache's age.
 */
@Injectable()
export class DirectoryAdministration {
  constructor(
    private readonly db: DataSource,
    private readonly reads: DirectoryReads,
    private readonly cache: DirectoryCache,
  ) {}

  createRegion(c: CreateRegion): Promise<RegionNodeView> {
    return this.change(c.by, async (tx) => {
      const [parent] = (await tx.query('SELECT code, level FROM region WHERE code = $1', [c.parentCode])) as { code: string; level: (typeof REGION_LEVELS)[number] }[];
      if (!parent) throw notFound('parentCode', '上级区划', c.parentCode);
      if (!extendsParentCode(c.code, c.parentCode)) {
        throw badRequest('code', 'code_must_extend_parent', `区划代码 ${c.code} 须以上级代码 ${c.parentCode} 开头并加长 (a region's code extends its parent's)`);
      }
      const parentDepth = REGION_LEVELS.indexOf(parent.level);
      const level = c.level ?? REGION_LEVELS[parentDepth + 1];
      if (!level) throw badRequest('parentCode', 'no_level_below', `网格之下不能再设区划 (nothing lies below a grid)`);
      if (REGION_LEVELS.indexOf(level) <= parentDepth) throw badRequest('level', 'level_order', `${level} 不低于上级的 ${parent.level} (a region lies below its parent's level)`);
      const [taken] = (await tx.query('SELECT name FROM region WHERE code = $1', [c.code])) as { name: string }[];
      if (taken) throw conflict('code', 'code_taken', `区划代码 ${c.code} 已用于 ${taken.name} (the code is taken)`);
      await tx.query('INSERT INTO region (code, name, level, parent_code) VALUES ($1, $2, $3, $4)', [c.code, c.name.trim(), level, c.parentCode]);
      return { result: await this.reads.region(c.code, tx), change: 'region_created', regionCode: c.code };
    });
  }

  renameRegion(c: RenameRegion): Promise<RegionNodeView> {
    return this.change(c.by, async (tx) => {
      const [, count] = (await tx.query('UPDATE region SET name = $2 WHERE code = $1', [c.code, c.name.trim()])) as [unknown, number];
      if (!count) throw notFound('code', '区划', c.code);
      return { result: await this.reads.region(c.code, tx), change: 'region_renamed', regionCode: c.code };
    });
  }

  createOrganisation(c: CreateOrganisation): Promise<DirectoryOrganisationView> {
    return this.change(c.by, async (tx) => {
      await this.checkPlaceAndDuty(tx, c.regionCode, c.departmentType);
      const taken = await this.reads.organisation(c.code, tx);
      if (taken) throw conflict('code', 'code_taken', `单位代码 ${c.code} 已用于 ${taken.name} (the code is taken)`);
      await tx.query('INSERT INTO organisation (code, name, name_en, kind, region_code, department_type, active) VALUES ($1,$2,$3,$4,$5,$6,true)', [
        c.code, c.name.trim(), c.nameEn.trim(), c.kind, c.regionCode, c.departmentType ?? null,
      ]);
      return { result: (await this.reads.organisation(c.code, tx))!, change: 'organisation_created', regionCode: c.regionCode, organisationCode: c.code };
    });
  }

  updateOrganisation(c: UpdateOrganisation): Promise<DirectoryOrganisationView> {
    return this.change(c.by, async (tx) => {
      const before = await this.reads.organisation(c.code, tx, true);
      if (!before) throw notFound('code', '单位', c.code);
      const next = {
        name: c.name?.trim() ?? before.name,
        nameEn: c.nameEn?.trim() ?? before.nameEn,
        kind: c.kind ?? before.kind,
        regionCode: c.regionCode ?? before.regionCode,
        departmentType: c.departmentType === undefined ? before.departmentType : c.departmentType,
      };
      if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === before[k])) {
        throw badRequest('code', 'nothing_to_change', `没有任何修改 (nothing differs from what is stored)`);
      }
      await this.checkPlaceAndDuty(tx, next.regionCode, next.departmentType ?? undefined);
      await tx.query('UPDATE organisation SET name = $2, name_en = $3, kind = $4, region_code = $5, department_type = $6 WHERE code = $1', [
        c.code, next.name, next.nameEn, next.kind, next.regionCode, next.departmentType,
      ]);
      return { result: { ...before, ...next }, change: 'organisation_updated', regionCode: next.regionCode, organisationCode: c.code };
    });
  }

  /**
   * Refused while the organisation still holds open assignments (they must be finished or
   * reassigned first) or routing rules in force still send work to it. Deactivating twice is a
   * no-op.
   */
  async deactivateOrganisation(c: DeactivateOrganisation): Promise<DirectoryOrganisationView> {
    const current = await this.reads.organisation(c.code);
    if (current && !current.active) return current;
    return this.change(c.by, async (tx) => {
      const before = await this.reads.organisation(c.code, tx, true);
      if (!before) throw notFound('code', '单位', c.code);
      const [{ n }] = (await tx.query('SELECT count(*)::int AS n FROM assignment WHERE org_code = $1 AND status = ANY ($2)', [c.code, [...OPEN_ASSIGNMENT_STATUSES]])) as { n: number }[];
      if (n > 0) throw conflict('code', 'open_assignments', `${before.name} 尚有 ${n} 件未办结的交办事项，请先办结或改派 (it holds ${n} open assignments: finish or reassign them first)`);
      const rules = (await tx.query(
        'SELECT id FROM routing_rule WHERE version = (SELECT max(version) FROM routing_rule) AND (lead_org_code = $1 OR $1 = ANY (co_org_codes)) ORDER BY id LIMIT 6',
        [c.code],
      )) as { id: string }[];
      if (rules.length > 0) {
        const ids = rules.slice(0, 5).map((r) => r.id).join(', ') + (rules.length > 5 ? ' …' : '');
        throw conflict('code', 'named_by_rules', `现行分流规则仍指向 ${before.name}（${ids}），请先发布不含它的规则 (rules in force send work to it: publish rules without it first)`);
      }
      await tx.query('UPDATE organisation SET active = false WHERE code = $1', [c.code]);
      return { result: { ...before, active: false }, change: 'organisation_deactivated', regionCode: before.regionCode, organisationCode: c.code };
    });
  }

  /** The region must exist; a department type must be one the classification list can name. */
  private async checkPlaceAndDuty(tx: Pick<EntityManager, 'query'>, regionCode: string, departmentType: string | undefined): Promise<void> {
    const [region] = (await tx.query('SELECT 1 FROM region WHERE code = $1', [regionCode])) as unknown[];
    if (!region) throw badRequest('regionCode', 'unknown_region', `区划 ${regionCode} 不存在 (no such region)`);
    if (departmentType !== undefined && !(DEPARTMENT_TYPES as readonly string[]).includes(departmentType)) {
      throw badRequest('departmentType', 'unknown_department_type', `未知的部门类型 ${departmentType} (known: ${DEPARTMENT_TYPES.join(', ')})`);
    }
  }

  private async change<T>(by: RoutingActor, write: (tx: EntityManager) => Promise<{ result: T; change: DirectoryChange; regionCode: string; organisationCode?: string }>): Promise<T> {
    const result = await this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('routing.directory'))");
      const done = await write(tx);
      const at = new Date();
      await appendToOutbox(
        tx,
        DirectoryChanged,
        { change: done.change, regionCode: done.regionCode, ...(done.organisationCode ? { organisationCode: done.organisationCode } : {}), by: { userId: by.userId, orgCode: by.orgCode }, at: at.toISOString() },
        { occurredAt: at },
      );
      return done.result;
    });
    this.cache.invalidate();
    return result;
  }
}
