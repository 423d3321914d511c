import type { EntityManager } from 'typeorm';
import type { DeadlinePolicy } from '../deadline-policy';
import type { PolicyVersion, RulesSnapshot, StoredOverride } from './active-rules';

export interface OverrideRow {
  jurisdiction: string;
  date: string;
  kind: 'holiday' | 'workday';
  note: string;
  created_by: string;
  created_at: Date;
}

export interface PolicyRow {
  code: string;
  version: number;
  jurisdiction: string;
  policy: DeadlinePolicy;
  effective_from: Date;
  effective_until: Date | null;
  created_by: string;
}

/** `date` comes back as text: a calendar day, never shifted by the process's time zone. */
export const OVERRIDE_COLUMNS = `jurisdiction, to_char(date, 'YYYY-MM-DD') AS date, kind, note, created_by, created_at`;

export const toOverride = (r: OverrideRow): StoredOverride => ({ jurisdiction: r.jurisdiction, date: r.date, kind: r.kind, reason: r.note, createdBy: r.created_by, createdAt: r.created_at });
export const toVersion = (r: PolicyRow): PolicyVersion => ({ policy: r.policy, version: r.version, effectiveFrom: r.effective_from, effectiveUntil: r.effective_until, createdBy: r.created_by });

/** Every override and every policy version: small tables an administrator edits by hand. */
export async function loadRules(db: Pick<EntityManager, 'query'>): Promise<RulesSnapshot> {
  const overrides = (await db.query(`SELECT ${OVERRIDE_COLUMNS} FROM calendar_override ORDER BY jurisdiction, date`)) as OverrideRow[];
  const policies = (await db.query('SELECT code, version, jurisdiction, policy, effective_from, effective_until, created_by FROM local_deadline_policy ORDER BY code, version')) as PolicyRow[];
  return { overrides: overrides.map(toOverride), localPolicies: policies.map(toVersion) };
}
