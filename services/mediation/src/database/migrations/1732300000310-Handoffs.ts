import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'requested','accepted','mediator_appointed','awaiting_consent','consented','in_session'`;

/**
 * Handoffs: the domain state as JSONB is the record; the columns beside it are maintained on
 * every save for the inbox, the sending side's list and the statistics. The timeline, the
 * agreements and the judicial confirmations are kept as rows too, for the file and the ledger.
 */
export class Handoffs1732300000310 implements MigrationInterface {
  name = 'Handoffs1732300000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE handoff (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('petition_mediation','litigation_mediation','procuratorate_mediation','police_mediation')),
      stage text CHECK (stage IN ('pre_filing','post_filing')),
      procedure text CHECK (procedure IN ('ordinary','simple')),
      status text NOT NULL,
      source_org_code text NOT NULL REFERENCES organisation (code),
      target_org_code text NOT NULL REFERENCES organisation (code),
      grievance_id uuid,
      source_reference text NOT NULL,
      region_code text NOT NULL,
      mediator_id text,
      parties jsonb NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      accepted_at timestamptz,
      concluded_at timestamptz,
      outcome text CHECK (outcome IN ('agreement','failure')),
      failure_end text,
      duration_days double precision,
      returned_at timestamptz,
      CHECK (kind <> 'petition_mediation' OR grievance_id IS NOT NULL),
      CHECK ((concluded_at IS NULL) = (outcome IS NULL))
    )`);
    // Inbox and the sending side's list: newest first, keyset-paged by (created_at, id).
    await q.query('CREATE INDEX handoff_inbox ON handoff (target_org_code, created_at DESC, id DESC)');
    await q.query('CREATE INDEX handoff_sent ON handoff (source_org_code, created_at DESC, id DESC)');
    await q.query('CREATE INDEX handoff_grievance ON handoff (grievance_id, created_at DESC) WHERE grievance_id IS NOT NULL');
    await q.query('CREATE INDEX handoff_status ON handoff (status)');
    // One open 访调 per petition case: a second request while one is open is a conflict.
    await q.query(`CREATE UNIQUE INDEX handoff_one_open_petition ON handoff (grievance_id) WHERE kind = 'petition_mediation' AND status IN (${OPEN})`);
    // Statistics read concluded handoffs by period, per kind and organisation, or per region.
    await q.query('CREATE INDEX handoff_stats ON handoff (kind, target_org_code, concluded_at) WHERE concluded_at IS NOT NULL');
    await q.query('CREATE INDEX handoff_stats_period ON handoff (concluded_at) WHERE concluded_at IS NOT NULL');
    await q.query('CREATE INDEX handoff_stats_region ON handoff (region_code text_pattern_ops, concluded_at) WHERE concluded_at IS NOT NULL');

    await q.query(`CREATE TABLE handoff_transition (
      handoff_id uuid NOT NULL REFERENCES handoff (id),
      seq int NOT NULL,
      at timestamptz NOT NULL,
      command text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      actor_user_id text NOT NULL,
      actor_org_code text NOT NULL,
      facts jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (handoff_id, seq)
    )`);

    // 人民调解法 Art 29: parties, facts and dispute, responsibilities, terms, manner and time of performance.
    await q.query(`CREATE TABLE agreement (
      id uuid PRIMARY KEY,
      handoff_id uuid NOT NULL UNIQUE REFERENCES handoff (id),
      parties jsonb NOT NULL,
      facts_and_dispute text NOT NULL,
      responsibilities text NOT NULL,
      terms jsonb NOT NULL,
      performance_manner text NOT NULL,
      performance_deadline text NOT NULL,
      mediator_id text NOT NULL,
      mediator_name text NOT NULL,
      org_code text NOT NULL,
      org_name text NOT NULL,
      signatures jsonb NOT NULL,
      effective_at timestamptz NOT NULL,
      performance_status text,
      concluded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE judicial_confirmation (
      agreement_id uuid PRIMARY KEY REFERENCES agreement (id),
      handoff_id uuid NOT NULL REFERENCES handoff (id),
      court_org_code text NOT NULL,
      requested_at timestamptz NOT NULL,
      decision text CHECK (decision IN ('confirmed','rejected')),
      decided_at timestamptz
    )`);
    await q.query('CREATE INDEX judicial_confirmation_court ON judicial_confirmation (court_org_code, requested_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE judicial_confirmation');
    await q.query('DROP TABLE agreement');
    await q.query('DROP TABLE handoff_transition');
    await q.query('DROP TABLE handoff');
  }
}
