import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RuleSetPublished, type PublicationView, type PublishRuleSet, type RoutingRuleDefinition, type RuleSetView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { CategorySeed } from '../classification/classification.types';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { routingRuleProblems } from '../rules/rule-set-check';
import type { RoutingRule } from '../rules/routing-rule.types';
import { applyChanges } from './apply-changes';
import { fieldsOfProblems, staleVersion } from './administration-errors';
import { publications } from './publication-store';

type Query = Pick<EntityManager, 'query'>;

/** Only the fields of a rule, in the version being made; absent scale conditions stay absent. */
function toRule(r: RoutingRuleDefinition, version: number): RoutingRule {
  return {
    id: r.id,
    version,
    categoryCode: r.categoryCode,
    regionCode: r.regionCode,
    ...(r.minHeadcount !== undefined ? { minHeadcount: r.minHeadcount } : {}),
    ...(r.minAmountYuan !== undefined ? { minAmountYuan: r.minAmountYuan } : {}),
    ...(r.collectiveOnly ? { collectiveOnly: true } : {}),
    leadOrgCode: r.leadOrgCode,
    coOrgCodes: [...r.coOrgCodes],
    priority: r.priority,
  };
}

async function currentVersion(db: Query): Promise<number | null> {
  const [row] = (await db.query('SELECT max(version) AS v FROM routing_rule')) as { v: number | null }[];
  return row?.v ?? null;
}

/**
 * The routing rules as administrators see and publish them. A new version is the current set
 * with changes, checked as a whole (rule-set-check: known regions, categories of the current
 * list, organisations serving the rule's place); routing uses the newest version, and every
 * assignment keeps the rule version that made it.
 */
@Injectable()
export class RuleSetAdministration {
  constructor(
    private readonly db: DataSource,
    private readonly directory: DirectoryCache,
    private readonly repo: DirectoryRepository,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async versions(): Promise<PublicationView[]> {
    return publications.list(this.db, 'routing_rule_set', await currentVersion(this.db));
  }

  async get(q: { version?: number; categoryCode?: string; regionCode?: string }, db: Query = this.db): Promise<RuleSetView> {
    const current = await currentVersion(db);
    const wanted = q.version ?? current;
    const [meta] = wanted === null ? [] : await publications.list(db, 'routing_rule_set', current, wanted);
    if (!meta) throw new DomainError('NOT_FOUND', `not_found: 没有第 ${wanted ?? '?'} 版分流规则 (no such rule set version)`, [{ field: 'version', problems: ['not_found'] }]);
    const rules = (await this.repo.rulesOf(meta.version, db)).filter(
      (r) => (q.categoryCode === undefined || r.categoryCode === q.categoryCode) && (q.regionCode === undefined || r.regionCode === q.regionCode),
    );
    return { ...meta, rules: rules.map((r) => ({ ...r, coOrgCodes: [...r.coOrgCodes] })) };
  }

  async publish(c: PublishRuleSet): Promise<RuleSetView> {
    const snapshot = await this.directory.current();
    const view = await this.db.transaction(async (tx) => {
      await publications.lock(tx, 'routing_rule_set');
      const current = await currentVersion(tx);
      if ((current ?? 0) !== c.basedOnVersion) throw staleVersion('分流规则', c.basedOnVersion, current);
      const version = (current ?? 0) + 1;
      const base = current === null ? [] : (await this.repo.rulesOf(current, tx)).map((r) => ({ ...r, version }));
      const { next, problems } = applyChanges(base, { upsert: c.upsert.map((r) => toRule(r, version)), remove: c.remove }, (r) => r.id, 'rule');
      // Checked against the list in force (read in this transaction), the directory's regions and organisations.
      const categories = ((await tx.query('SELECT definition FROM category')) as { definition: CategorySeed }[]).map((r) => r.definition);
      const found = routingRuleProblems(next, snapshot.tree, [...snapshot.organisations.values()], categories);
      problems.push(...fieldsOfProblems(found, c.upsert.map((u) => u.id), (p) => p.split(' ')[1] ?? ''));
      if (problems.length > 0) {
        throw new DomainError('BAD_REQUEST', `invalid_rule_set: ${problems.flatMap((p) => p.problems).join('; ')}`, problems);
      }
      const at = new Date();
      await publications.record(tx, 'routing_rule_set', { version, basedOn: current, at, by: c.by, note: c.note });
      for (const r of next) {
        await tx.query(
          `INSERT INTO routing_rule (id, version, category_code, region_code, min_headcount, min_amount_yuan, collective_only, lead_org_code, co_org_codes, priority)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
          [r.id, version, r.categoryCode, r.regionCode, r.minHeadcount ?? null, r.minAmountYuan ?? null, r.collectiveOnly ?? false, r.leadOrgCode, r.coOrgCodes, r.priority],
        );
      }
      // Other replicas drop their cached rules on this fact (DirectoryChangeListener) instead of when they age out.
      await appendToOutbox(
        tx,
        RuleSetPublished,
        { version, ...(current === null ? {} : { basedOn: current }), size: next.length, by: { userId: c.by.userId, orgCode: c.by.orgCode }, at: at.toISOString() },
        { occurredAt: at },
      );
      return this.get({ version }, tx);
    });
    // Routing on this instance uses the new rules at once; other replicas when the fact reaches them.
    this.directory.invalidate();
    this.relay?.kick();
    return view;
  }
}
