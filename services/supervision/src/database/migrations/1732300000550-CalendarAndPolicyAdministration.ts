import type { MigrationInterface, QueryRunner } from 'typeorm';
import { demoCountyPolicies } from '../../deadline-policy/local-policies';

export class CalendarAndPolicyAdministration1732300000550 implements MigrationInterface {
  name = 'CalendarAndPolicyAdministration1732300000550';

  async up(q: QueryRunner): Promise<void> {
    // An administrator's correction of one day of a jurisdiction's calendar: at most one per date.
    await q.query(`CREATE TABLE calendar_override (
      jurisdiction text NOT NULL,
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      note text NOT NULL CHECK (length(note) BETWEEN 1 AND 200),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (jurisdiction, date)
    )`);
    // Local deadline policies, versioned: a version is in force over [effective_from, effective_until);
    // clocks look up the version in force at their start, so a new version never moves them.
    await q.query(`CREATE TABLE local_deadline_policy (
      code text NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      jurisdiction text NOT NULL,
      policy jsonb NOT NULL,
      effective_from timestamptz NOT NULL,
      effective_until timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (code, version),
      CHECK (effective_until IS NULL OR effective_until >= effective_from)
    )`);
    await q.query('CREATE INDEX local_deadline_policy_jurisdiction ON local_deadline_policy (jurisdiction)');
    // The demo county's rules, which shipped as code until now, become its first stored versions.
    for (const p of demoCountyPolicies()) {
      await q.query(`INSERT INTO local_deadline_policy (code, version, jurisdiction, policy, effective_from, created_by) VALUES ($1, 1, $2, $3, 'epoch', 'seed')`, [p.code, p.jurisdiction, JSON.stringify(p)]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE local_deadline_policy');
    await q.query('DROP TABLE calendar_override');
  }
}
