import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectoryAndAssignments1732300000200 implements MigrationInterface {
  name = 'CreateDirectoryAndAssignments1732300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region (
      code text PRIMARY KEY,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('city','county','town','village','grid')),
      parent_code text REFERENCES region (code)
    )`);
    await q.query(`CREATE TABLE organisation (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL,
      kind text NOT NULL,
      region_code text NOT NULL REFERENCES region (code),
      department_type text
    )`);
    await q.query('CREATE INDEX organisation_region ON organisation (region_code)');
    await q.query(`CREATE TABLE category (
      code text PRIMARY KEY,
      list_version int NOT NULL,
      name text NOT NULL,
      name_en text NOT NULL,
      definition jsonb NOT NULL
    )`);
    // Rules are versioned: a new version is a new set of rows; decisions record the version used.
    await q.query(`CREATE TABLE routing_rule (
      id text NOT NULL,
      version int NOT NULL,
      category_code text NOT NULL,
      region_code text NOT NULL REFERENCES region (code),
      min_headcount int,
      min_amount_yuan numeric,
      collective_only boolean NOT NULL DEFAULT false,
      lead_org_code text NOT NULL REFERENCES organisation (code),
      co_org_codes text[] NOT NULL DEFAULT '{}',
      priority int NOT NULL DEFAULT 0,
      PRIMARY KEY (id, version)
    )`);
    await q.query(`CREATE TABLE assignment (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      tracking_code text NOT NULL,
      role text NOT NULL CHECK (role IN ('lead','co')),
      org_code text NOT NULL REFERENCES organisation (code),
      org_name text NOT NULL,
      region_code text NOT NULL,
      status text NOT NULL,
      rule_id text NOT NULL,
      rule_version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (grievance_id, role, org_code)
    )`);
    await q.query('CREATE INDEX assignment_org_status ON assignment (org_code, status, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assignment', 'routing_rule', 'category', 'organisation', 'region']) await q.query(`DROP TABLE ${t}`);
  }
}
