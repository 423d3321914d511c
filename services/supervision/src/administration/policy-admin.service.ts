import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeadlinePolicyListQuery, DeadlinePolicyView, RetireLocalDeadlinePolicy, SaveLocalDeadlinePolicy } from '@yikouban/contracts';
import { STATUTORY_POLICIES } from '../deadline-policy';
import { jurisdictionChain, toVersionView, type PolicyVersion } from './active-rules';
import { AdministrationError } from './administration.errors';
import { staffId } from './actor';
import { effectiveFrom, localCode, localPolicyFrom } from './local-policy-rules';
import { ActiveRulesRefresher } from './rules-refresher';
import { toVersion, type PolicyRow } from './rules.store';

const COLUMNS = 'code, version, jurisdiction, policy, effective_from, effective_until, created_by';

/**
 * Deadline policies as an administrator sees and changes them: the statutory ones read-only with
 * their article, and the jurisdiction's own (and those above it) as versions. A save or a
 * retirement takes effect from a moment not in the past, so clocks already running keep theirs.
 */
@Injectable()
export class PolicyAdministration {
  constructor(
    private readonly db: DataSource,
    private readonly refresher: ActiveRulesRefresher,
  ) {}

  async list(q: DeadlinePolicyListQuery, now = new Date()): Promise<DeadlinePolicyView[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM local_deadline_policy WHERE jurisdiction = ANY($1) AND ($2 OR effective_until IS NULL OR effective_until > $3) ORDER BY jurisdiction, code, version`,
      [jurisdictionChain(q.jurisdiction), q.includeHistory ?? false, now],
    )) as PolicyRow[];
    return [...STATUTORY_POLICIES.map((p) => toVersionView(p, null)), ...rows.map((r) => toVersionView(r.policy, toVersion(r)))];
  }

  async save(cmd: SaveLocalDeadlinePolicy, now = new Date()): Promise<DeadlinePolicyView> {
    const by = staffId(cmd.by);
    const policy = localPolicyFrom(cmd);
    const from = effectiveFrom(cmd.effectiveFrom, now);
    const view = await this.db.transaction(async (tx) => {
      const latest = await this.latest(tx, policy.code);
      if (latest && latest.effectiveFrom.getTime() > from.getTime()) {
        throw new AdministrationError('version_conflict', `已有一个更晚生效的版本 v${latest.version} / version ${latest.version} already takes effect later`, 'effectiveFrom');
      }
      if (latest && (latest.effectiveUntil === null || latest.effectiveUntil.getTime() > from.getTime())) {
        await tx.query('UPDATE local_deadline_policy SET effective_until = $3 WHERE code = $1 AND version = $2', [policy.code, latest.version, from]);
      }
      const [row] = (await tx.query(
        `INSERT INTO local_deadline_policy (code, version, jurisdiction, policy, effective_from, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [policy.code, (latest?.version ?? 0) + 1, cmd.jurisdiction, JSON.stringify(policy), from, by, now],
      )) as PolicyRow[];
      return toVersionView(row.policy, toVersion(row));
    });
    await this.refresher.refreshNow();
    return view;
  }

  async retire(cmd: RetireLocalDeadlinePolicy, now = new Date()): Promise<DeadlinePolicyView> {
    staffId(cmd.by);
    if (STATUTORY_POLICIES.some((p) => p.code === cmd.code)) {
      throw new AdministrationError('statutory_read_only', '法定期限不能停用 / a statutory policy cannot be retired', 'code');
    }
    const code = localCode(cmd.jurisdiction, cmd.code);
    const at = effectiveFrom(cmd.effectiveFrom, now);
    const view = await this.db.transaction(async (tx) => {
      const latest = await this.latest(tx, code);
      if (!latest) throw new AdministrationError('policy_not_found', `没有该地方规则 / no local policy ${code}`, 'code');
      if (latest.effectiveUntil !== null) throw new AdministrationError('version_conflict', `该规则已停用 / ${code} is already retired`, 'code');
      if (latest.effectiveFrom.getTime() > at.getTime()) {
        throw new AdministrationError('version_conflict', `版本 v${latest.version} 尚未生效 / version ${latest.version} takes effect after that`, 'effectiveFrom');
      }
      const [[row]] = (await tx.query(`UPDATE local_deadline_policy SET effective_until = $3 WHERE code = $1 AND version = $2 RETURNING ${COLUMNS}`, [code, latest.version, at])) as [PolicyRow[], number];
      return toVersionView(row.policy, toVersion(row));
    });
    await this.refresher.refreshNow();
    return view;
  }

  /** The code's latest version, locked (with an advisory lock, so the first version is serialised too). */
  private async latest(tx: { query: DataSource['query'] }, code: string): Promise<PolicyVersion | undefined> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policy:${code}`]);
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM local_deadline_policy WHERE code = $1 ORDER BY version DESC LIMIT 1`, [code])) as PolicyRow[];
    return row ? toVersion(row) : undefined;
  }
}
