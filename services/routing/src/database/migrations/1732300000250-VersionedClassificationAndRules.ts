import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrators publish new versions of the classification list and the rule set; the old
 * versions stay. `category` keeps holding the current list (what routing reads); every version's
 * categories are kept in `category_version`. Publications record who, when, from which version
 * and why. Triage decisions record the list version that classified them, as assignments record
 * their rule version. The queue index serves the command centre's list of returned and disputed work.
 */
export class VersionedClassificationAndRules1732300000250 implements MigrationInterface {
  name = 'VersionedClassificationAndRules1732300000250';

  async up(q: QueryRunner): Promise<void> {
    for (const kind of ['classification_list', 'routing_rule_set']) {
      await q.query(`CREATE TABLE ${kind}_version (
        version int PRIMARY KEY CHECK (version >= 1),
        based_on int,
        published_at timestamptz,
        published_by_user_id text,
        published_by_org_code text,
        note text
      )`);
    }
    await q.query(`CREATE TABLE category_version (
      list_version int NOT NULL REFERENCES classification_list_version (version),
      code text NOT NULL,
      definition jsonb NOT NULL,
      PRIMARY KEY (list_version, code)
    )`);
    // Whatever the seed already loaded becomes the first versions, without a publisher.
    await q.query('INSERT INTO classification_list_version (version) SELECT DISTINCT list_version FROM category');
    await q.query('INSERT INTO category_version (list_version, code, definition) SELECT list_version, code, definition FROM category');
    await q.query('INSERT INTO routing_rule_set_version (version) SELECT DISTINCT version FROM routing_rule');
    await q.query('ALTER TABLE triage_decision ADD COLUMN list_version int');
    await q.query(`CREATE INDEX assignment_queue ON assignment (created_at DESC, id DESC) WHERE status IN ('awaiting_reassignment', 'disputed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX assignment_queue');
    await q.query('ALTER TABLE triage_decision DROP COLUMN list_version');
    await q.query('DROP TABLE category_version');
    await q.query('DROP TABLE routing_rule_set_version');
    await q.query('DROP TABLE classification_list_version');
  }
}
