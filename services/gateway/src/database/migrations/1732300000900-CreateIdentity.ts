import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may sign in (staff users, API clients), their refresh tokens, failed sign-ins, and the audit trail. */
export class CreateIdentity1732300000900 implements MigrationInterface {
  name = 'CreateIdentity1732300000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_user (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL,
      org_code text NOT NULL,
      region_code text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // family_id ties every token descended from one sign-in, so a replayed one revokes them all.
    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX refresh_token_family ON refresh_token (family_id) WHERE revoked_at IS NULL');
    await q.query('CREATE INDEX refresh_token_user ON refresh_token (user_id)');
    await q.query(`CREATE TABLE api_client (
      id uuid PRIMARY KEY,
      client_id text NOT NULL UNIQUE CHECK (client_id ~ '^[a-z0-9][a-z0-9_.-]{2,63}$'),
      secret_hash text NOT NULL,
      name text NOT NULL,
      scopes text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id text,
      actor_role text,
      action text NOT NULL,
      subject text,
      reason text,
      correlation_id text
    )`);
    await q.query('CREATE INDEX audit_log_at ON audit_log (at)');
    await q.query('CREATE INDEX audit_log_actor ON audit_log (actor_id, at)');
    // Shared by every gateway replica, so the sign-in throttle holds however many run.
    await q.query(`CREATE TABLE login_failure (
      id bigserial PRIMARY KEY,
      throttle_key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX login_failure_key_at ON login_failure (throttle_key, at)');
    await q.query('CREATE INDEX login_failure_at ON login_failure (at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failure');
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE api_client');
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE staff_user');
  }
}
