import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GrievanceLocation1732300000140 implements MigrationInterface {
  name = 'GrievanceLocation1732300000140';

  async up(q: QueryRunner): Promise<void> {
    // Where the matter is (Open311 lat/long, grid reports): duplicates are searched by distance.
    await q.query('ALTER TABLE grievance ADD COLUMN latitude double precision, ADD COLUMN longitude double precision, ADD COLUMN address_text text');
    await q.query('ALTER TABLE grievance ADD CONSTRAINT grievance_location_pair CHECK ((latitude IS NULL) = (longitude IS NULL))');
    await q.query('CREATE INDEX grievance_category_location ON grievance (category_code, latitude, longitude) WHERE latitude IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE grievance DROP CONSTRAINT grievance_location_pair, DROP COLUMN address_text, DROP COLUMN longitude, DROP COLUMN latitude');
  }
}
