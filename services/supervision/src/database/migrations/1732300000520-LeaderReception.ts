import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LeaderReception1732300000520 implements MigrationInterface {
  name = 'LeaderReception1732300000520';

  async up(q: QueryRunner): Promise<void> {
    // The rota: one half-day slot per leader, always with a legal adviser (海门 “1+1”); the adviser
    // sits with one leader at a time; `booked` can never pass `capacity`.
    await q.query(`CREATE TABLE reception_day (
      id uuid PRIMARY KEY,
      leader_id text NOT NULL,
      leader_name text NOT NULL,
      org_code text NOT NULL,
      region_code text,
      day date NOT NULL,
      slot text NOT NULL CHECK (slot IN ('morning', 'afternoon')),
      slot_starts_at timestamptz NOT NULL,
      place text NOT NULL,
      legal_adviser_id text NOT NULL,
      legal_adviser_name text NOT NULL,
      capacity int NOT NULL CHECK (capacity > 0),
      booked int NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
      scheduled_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reception_day_leader_slot UNIQUE (leader_id, day, slot),
      CONSTRAINT reception_day_adviser_slot UNIQUE (legal_adviser_id, day, slot)
    )`);
    await q.query('CREATE INDEX reception_day_day ON reception_day (day, slot)');
    // A grievance holds at most one appointment that has not yet been received (no double booking).
    await q.query(`CREATE TABLE reception_appointment (
      id uuid PRIMARY KEY,
      reception_day_id uuid NOT NULL REFERENCES reception_day (id),
      grievance_id uuid NOT NULL,
      tracking_code text,
      first_time boolean NOT NULL DEFAULT false,
      reception_due_at timestamptz,
      policy_code text,
      status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'received')),
      booked_by text,
      booked_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX reception_appointment_one_open ON reception_appointment (grievance_id) WHERE status = 'booked'`);
    await q.query('CREATE INDEX reception_appointment_day ON reception_appointment (reception_day_id)');
    // The ledger (接访台账): one entry per appointment; a promise always carries its date.
    await q.query(`CREATE TABLE reception_record (
      id uuid PRIMARY KEY,
      appointment_id uuid NOT NULL UNIQUE REFERENCES reception_appointment (id),
      grievance_id uuid NOT NULL,
      who_received text NOT NULL,
      headcount int NOT NULL CHECK (headcount > 0),
      summary text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('resolved_on_site', 'promise_made', 'referred_to_legal_channel', 'explained')),
      legal_advice text,
      promise text,
      promised_by timestamptz,
      clock_id uuid,
      received_at timestamptz NOT NULL,
      recorded_by text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((promise IS NULL) = (promised_by IS NULL)),
      CHECK (outcome <> 'promise_made' OR promise IS NOT NULL)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reception_record');
    await q.query('DROP TABLE reception_appointment');
    await q.query('DROP TABLE reception_day');
  }
}
