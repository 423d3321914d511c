import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who sends and who mediates: petition offices, courts, procuratorates and police stations;
 * people's mediation committees (by region and speciality), lawyer mediation rooms and specially
 * invited organisations; and the mediators with their specialities.
 */
export class MediationDirectory1732300000300 implements MigrationInterface {
  name = 'MediationDirectory1732300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisation (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('petition_office','court','procuratorate','police_station',
        'people_mediation_committee','lawyer_mediation_room','professional_mediation_organisation')),
      region_code text NOT NULL,
      specialities text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true
    )`);
    // Region codes nest by prefix (county 330621 ⊃ town 330621101): pattern ops let LIKE 'x%' use the index.
    await q.query('CREATE INDEX organisation_kind_region ON organisation (kind, region_code text_pattern_ops)');
    await q.query(`CREATE TABLE mediator (
      id text PRIMARY KEY,
      org_code text NOT NULL REFERENCES organisation (code),
      name text NOT NULL,
      specialities text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true
    )`);
    await q.query('CREATE INDEX mediator_org ON mediator (org_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mediator');
    await q.query('DROP TABLE organisation');
  }
}
