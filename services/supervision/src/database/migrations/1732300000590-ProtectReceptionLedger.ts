import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LedgerIdentity } from '../../reception/ledger-identity';

const BATCH = 500;
const BEFORE_FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The reception ledger's personal information goes to ciphertext (who was received, and now a
 * phone and an ID number), and every unmasked read gets an append-only audit record. Entries
 * written before are encrypted here with the service's key ring, hence a factory that takes it.
 */
export function protectReceptionLedger(keyRing: string) {
  const identity = LedgerIdentity.fromKeyRing(keyRing);

  return class ProtectReceptionLedger1732300000590 implements MigrationInterface {
    name = 'ProtectReceptionLedger1732300000590';

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE reception_record ADD COLUMN who_received_cipher text, ADD COLUMN phone_cipher text, ADD COLUMN id_number_cipher text');
      await forEachBatch(q, 'who_received', async (rows) => {
        const tokens = rows.map((r) => identity.seal(r.id, { whoReceived: r.value, phone: null, idNumber: null }).who_received_cipher);
        await q.query('UPDATE reception_record r SET who_received_cipher = u.token FROM unnest($1::uuid[], $2::text[]) AS u(id, token) WHERE r.id = u.id', [rows.map((r) => r.id), tokens]);
      });
      // The plaintext column goes in the same transaction. (Its dead tuples stay on disk until
      // autovacuum reclaims them; an operator may run VACUUM FULL reception_record to hurry it.)
      await q.query('ALTER TABLE reception_record ALTER COLUMN who_received_cipher SET NOT NULL, DROP COLUMN who_received');

      // Every unmasked read of a ledger entry: who, role, organisation, when, which entry, why.
      await q.query(`CREATE TABLE reception_record_access_audit (
        id uuid PRIMARY KEY,
        reception_record_id uuid NOT NULL REFERENCES reception_record (id),
        grievance_id uuid NOT NULL,
        actor_user_id text NOT NULL,
        actor_role text NOT NULL,
        actor_org_code text NOT NULL,
        reason text NOT NULL,
        at timestamptz NOT NULL
      )`);
      await q.query('CREATE INDEX reception_record_access_audit_record ON reception_record_access_audit (reception_record_id, at)');
      // Append-only: an audit trail that can be edited proves nothing.
      await q.query(`CREATE FUNCTION reception_record_access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'reception_record_access_audit is append-only'; END $$`);
      await q.query(`CREATE TRIGGER reception_record_access_audit_append_only BEFORE UPDATE OR DELETE ON reception_record_access_audit
        FOR EACH ROW EXECUTE FUNCTION reception_record_access_audit_append_only()`);
    }

    /** Back to plaintext names; phones and ID numbers are dropped, as the earlier schema has no place for them. */
    async down(q: QueryRunner): Promise<void> {
      await q.query('DROP TABLE reception_record_access_audit');
      await q.query('DROP FUNCTION reception_record_access_audit_append_only()');
      await q.query('ALTER TABLE reception_record ADD COLUMN who_received text');
      await forEachBatch(q, 'who_received_cipher', async (rows) => {
        const names = rows.map((r) => identity.open(r.id, { who_received_cipher: r.value, phone_cipher: null, id_number_cipher: null }).whoReceived);
        await q.query('UPDATE reception_record r SET who_received = u.name FROM unnest($1::uuid[], $2::text[]) AS u(id, name) WHERE r.id = u.id', [rows.map((r) => r.id), names]);
      });
      await q.query('ALTER TABLE reception_record ALTER COLUMN who_received SET NOT NULL, DROP COLUMN who_received_cipher, DROP COLUMN phone_cipher, DROP COLUMN id_number_cipher');
    }
  };
}

/** Walks reception_record in id order, a batch at a time, handing each batch's id and `column`. */
async function forEachBatch(q: QueryRunner, column: 'who_received' | 'who_received_cipher', apply: (rows: { id: string; value: string }[]) => Promise<void>): Promise<void> {
  let after = BEFORE_FIRST_UUID;
  for (;;) {
    const rows = (await q.query(`SELECT id, ${column} AS value FROM reception_record WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [after])) as { id: string; value: string }[];
    if (rows.length === 0) return;
    await apply(rows);
    after = rows[rows.length - 1].id;
  }
}
