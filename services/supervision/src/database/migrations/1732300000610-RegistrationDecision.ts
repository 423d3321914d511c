import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationDecision1732300000610 implements MigrationInterface {
  name = 'RegistrationDecision1732300000610';

  async up(q: QueryRunner): Promise<void> {
    // The first decision that ends registration (第二十二条 登记并转送、交办: an assignment, a
    // diversion, a merge, a withdrawal) and its cause. Kept on the case row because it may come
    // before intake's receipt: the receipt then starts the registration clock already stopped.
    await q.query('ALTER TABLE supervised_case ADD COLUMN registration_decided_at timestamptz, ADD COLUMN registration_decision text');
    // Cases whose lead assignment was applied but whose receipt is still on its way: without the
    // mark, that receipt would start a registration clock nobody stops. Cases already received get
    // no registration clock (their receipt is not applied again).
    await q.query(`UPDATE supervised_case s
      SET registration_decided_at = COALESCE((SELECT min(c.started_at) FROM clock c WHERE c.grievance_id = s.grievance_id AND c.step = 'handling'), s.updated_at),
          registration_decision = 'assigned before the registration clock existed'
      WHERE s.received_at IS NULL AND s.org_code <> ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE supervised_case DROP COLUMN registration_decision, DROP COLUMN registration_decided_at');
  }
}
