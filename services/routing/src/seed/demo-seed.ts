import { DataSource, type DataSourceOptions } from 'typeorm';
import type { JsonLogger } from '@yikouban/observability';
import { seedClassificationList } from '../administration/classification-administration';
import { publications } from '../administration/publication-store';
import { DEFAULT_CLASSIFICATION_LIST, DEFAULT_CLASSIFICATION_VERSION } from '../classification/default-classification-list';
import { DEMO_ORGANISATIONS, DEMO_REGIONS } from '../directory/demo-county';
import { buildDefaultRoutingRules } from '../rules/rule-engine';

/**
 * Loads the demo county: regions, organisations, the default classification list and the
 * routing rules built from it. It runs at every development start, so it only adds what is
 * missing: a row that exists is left as it is, whoever changed it since (an administrator's
 * rename or deactivation survives), and newly shipped demo rows still arrive.
 */
export async function seedDemoCounty(options: DataSourceOptions, logger: JsonLogger): Promise<void> {
  const db = new DataSource(options);
  await db.initialize();
  try {
    await db.transaction(async (tx) => {
      // Parents before children: the tree's order by depth.
      const depth = (code: string | null): number => (code ? 1 + depth(DEMO_REGIONS.find((r) => r.code === code)?.parentCode ?? null) : 0);
      for (const r of [...DEMO_REGIONS].sort((a, b) => depth(a.parentCode) - depth(b.parentCode))) {
        await tx.query(
          `INSERT INTO region (code, name, level, parent_code) VALUES ($1,$2,$3,$4)
           ON CONFLICT (code) DO NOTHING`,
          [r.code, r.name, r.level, r.parentCode],
        );
      }
      for (const o of DEMO_ORGANISATIONS) {
        await tx.query(
          `INSERT INTO organisation (code, name, name_en, kind, region_code, department_type) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (code) DO NOTHING`,
          [o.code, o.name, o.nameEn, o.kind, o.regionCode, o.departmentType ?? null],
        );
      }
      // Versioned: left alone once an administrator has published a list.
      await seedClassificationList(tx, DEFAULT_CLASSIFICATION_LIST, DEFAULT_CLASSIFICATION_VERSION);
      const rules = buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, DEMO_ORGANISATIONS, 1);
      // Like the list: rules an administrator has published are theirs, and the seed adds none.
      const rulesSeeded = await publications.seedMayWrite(tx, 'routing_rule_set', 1);
      for (const r of rulesSeeded ? rules : []) {
        await tx.query(
          `INSERT INTO routing_rule (id, version, category_code, region_code, min_headcount, min_amount_yuan, collective_only, lead_org_code, co_org_codes, priority)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id, version) DO NOTHING`,
          [r.id, r.version, r.categoryCode, r.regionCode, r.minHeadcount ?? null, r.minAmountYuan ?? null, r.collectiveOnly ?? false, r.leadOrgCode, r.coOrgCodes, r.priority],
        );
      }
      if (rulesSeeded) await publications.recordSeeded(tx, 'routing_rule_set', 1);
      logger.event('info', 'demo county seeded', { regions: DEMO_REGIONS.length, organisations: DEMO_ORGANISATIONS.length, categories: DEFAULT_CLASSIFICATION_LIST.length, rules: rules.length }, 'Seed');
    });
  } finally {
    await db.destroy();
  }
}
