import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ClassificationPublished, type CategoryDefinition, type ClassificationListView, type FieldProblem, type PublicationView, type PublishClassificationList } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { CategorySeed } from '../classification/classification.types';
import { classificationListProblems } from '../classification/validate-classification-list';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { applyChanges } from './apply-changes';
import { fieldsOfProblems, staleVersion } from './administration-errors';
import { publications } from './publication-store';

type Query = Pick<EntityManager, 'query'>;

/** Only the fields of a category, whatever else came along. Department types are checked by the list's validation. */
function toSeed(c: CategoryDefinition): CategorySeed {
  return {
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    matterClass: c.matterClass,
    statutoryPaths: [...c.statutoryPaths],
    leadDepartmentType: c.leadDepartmentType as CategorySeed['leadDepartmentType'],
    coDepartmentTypes: [...c.coDepartmentTypes] as CategorySeed['coDepartmentTypes'],
    handledAtTownLevel: c.handledAtTownLevel,
    laws: [...c.laws],
    defaultComplexity: c.defaultComplexity,
    defaultColour: c.defaultColour,
    keywords: [...c.keywords],
  };
}

/** The version routing classifies with now: the one in `category`. */
async function currentVersion(db: Query): Promise<number | null> {
  const [row] = (await db.query('SELECT max(list_version) AS v FROM category')) as { v: number | null }[];
  return row?.v ?? null;
}

/** Writes a version's categories and makes it the current list (`category`), in the caller's transaction. */
async function storeVersion(tx: Query, version: number, list: readonly CategorySeed[]): Promise<void> {
  for (const c of list) {
    await tx.query(
      `INSERT INTO category_version (list_version, code, definition) VALUES ($1,$2,$3) ON CONFLICT (list_version, code) DO UPDATE SET definition = EXCLUDED.definition`,
      [version, c.code, JSON.stringify(c)],
    );
  }
  await tx.query('DELETE FROM category WHERE NOT (code = ANY ($1))', [list.map((c) => c.code)]);
  for (const c of list) {
    await tx.query(
      `INSERT INTO category (code, list_version, name, name_en, definition) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (code) DO UPDATE SET list_version = EXCLUDED.list_version, name = EXCLUDED.name, name_en = EXCLUDED.name_en, definition = EXCLUDED.definition`,
      [c.code, version, c.name, c.nameEn, JSON.stringify(c)],
    );
  }
}

/**
 * Loads the shipped default list as `version` while the list is still the seed's own; once an
 * administrator has published a list (or a newer version exists) the seed leaves it alone.
 * Returns whether it wrote.
 */
export async function seedClassificationList(tx: Query, list: readonly CategorySeed[], version: number): Promise<boolean> {
  if (!(await publications.seedMayWrite(tx, 'classification_list', version))) return false;
  await publications.recordSeeded(tx, 'classification_list', version);
  await storeVersion(tx, version, list);
  return true;
}

/**
 * The 依法分类处理清单 as administrators see and publish it. A new version is the current one
 * with changes, checked with the list's own rules and against the rules in force (no rule may
 * be left pointing at a removed category); the old versions stay for the record.
 */
@Injectable()
export class ClassificationAdministration {
  constructor(
    private readonly db: DataSource,
    private readonly directory: DirectoryCache,
    private readonly repo: DirectoryRepository,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async versions(): Promise<PublicationView[]> {
    return publications.list(this.db, 'classification_list', await currentVersion(this.db));
  }

  async get(version?: number, db: Query = this.db): Promise<ClassificationListView> {
    const current = await currentVersion(db);
    const wanted = version ?? current;
    const [meta] = wanted === null ? [] : await publications.list(db, 'classification_list', current, wanted);
    if (!meta) throw new DomainError('NOT_FOUND', `not_found: 没有第 ${wanted ?? '?'} 版分类处理清单 (no such list version)`, [{ field: 'version', problems: ['not_found'] }]);
    const rows: { definition: CategoryDefinition }[] = await db.query('SELECT definition FROM category_version WHERE list_version = $1 ORDER BY code', [meta.version]);
    return { ...meta, categories: rows.map((r) => r.definition) };
  }

  async publish(c: PublishClassificationList): Promise<ClassificationListView> {
    const view = await this.db.transaction(async (tx) => {
      await publications.lock(tx, 'classification_list');
      const current = await currentVersion(tx);
      if ((current ?? 0) !== c.basedOnVersion) throw staleVersion('分类处理清单', c.basedOnVersion, current);
      const base: CategorySeed[] = current === null ? [] : ((await tx.query('SELECT definition FROM category ORDER BY code')) as { definition: CategorySeed }[]).map((r) => r.definition);
      const { next, problems } = applyChanges(base, { upsert: c.upsert.map(toSeed), remove: c.remove }, (x) => x.code, 'category');
      problems.push(...fieldsOfProblems(classificationListProblems(next), c.upsert.map((u) => u.code), (p) => p.split(':')[0]));
      problems.push(...(await this.rulesLeftBehind(tx, next, c.remove)));
      if (problems.length > 0) throw invalid(problems);
      const version = (await this.newestVersion(tx)) + 1;
      const at = new Date();
      await publications.record(tx, 'classification_list', { version, basedOn: current, at, by: c.by, note: c.note });
      await storeVersion(tx, version, next);
      // Other replicas drop their cached list on this fact (DirectoryChangeListener) instead of when it ages out.
      await appendToOutbox(
        tx,
        ClassificationPublished,
        { version, ...(current === null ? {} : { basedOn: current }), size: next.length, by: { userId: c.by.userId, orgCode: c.by.orgCode }, at: at.toISOString() },
        { occurredAt: at },
      );
      return this.get(version, tx);
    });
    // Triage on this instance uses the new list at once; other replicas when the fact reaches them.
    this.directory.invalidate();
    this.relay?.kick();
    return view;
  }

  /** Rules in force that would point at a category the new list no longer has. */
  private async rulesLeftBehind(tx: Query, next: readonly CategorySeed[], removed: readonly string[]): Promise<FieldProblem[]> {
    const kept = new Set(next.map((x) => x.code));
    const orphaned = new Map<string, string[]>();
    for (const r of await this.repo.rulesOf(null, tx)) {
      if (!kept.has(r.categoryCode)) orphaned.set(r.categoryCode, [...(orphaned.get(r.categoryCode) ?? []), r.id]);
    }
    return [...orphaned].map(([code, ids]) => ({
      field: removed.includes(code) ? `remove.${removed.indexOf(code)}` : 'remove',
      problems: [`category_in_use: 现行分流规则仍使用 ${code}（${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ' …' : ''}），请先发布不含这些规则的新版本 (rules in force use ${code}: publish rules without them first)`],
    }));
  }

  private async newestVersion(tx: Query): Promise<number> {
    const [row] = (await tx.query('SELECT max(version) AS v FROM classification_list_version')) as { v: number | null }[];
    return Math.max(row?.v ?? 0, (await currentVersion(tx)) ?? 0);
  }
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError('BAD_REQUEST', `invalid_classification_list: ${problems.flatMap((p) => p.problems).join('; ')}`, problems);
}
