import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ListMediationOrganisations, ListMediators, MediationOrganisationKindName, MediationOrganisationSummary, MediatorSummary } from '@yikouban/contracts';

export type OrganisationRecord = MediationOrganisationSummary & { active: boolean };
export type MediatorRecord = MediatorSummary;

const ORG_COLUMNS = 'code, name, name_en AS "nameEn", kind, region_code AS "regionCode", specialities, active';
const MEDIATOR_COLUMNS = 'id, name, org_code AS "orgCode", specialities, active';

/** Reads and writes the mediation directory: organisations that send or mediate, and mediators. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly db: DataSource) {}

  async organisation(code: string, m: EntityManager = this.db.manager): Promise<OrganisationRecord | undefined> {
    const rows: OrganisationRecord[] = await m.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE code = $1`, [code]);
    return rows[0];
  }

  async mediator(id: string, m: EntityManager = this.db.manager): Promise<MediatorRecord | undefined> {
    const rows: MediatorRecord[] = await m.query(`SELECT ${MEDIATOR_COLUMNS} FROM mediator WHERE id = $1`, [id]);
    return rows[0];
  }

  async listOrganisations(f: ListMediationOrganisations): Promise<MediationOrganisationSummary[]> {
    const where = ['active'];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (f.kind) where.push(`kind = ${arg(f.kind)}`);
    if (f.regionCode) where.push(`region_code LIKE ${arg(`${f.regionCode}%`)}`);
    if (f.speciality) where.push(`${arg(f.speciality)} = ANY (specialities)`);
    const rows: OrganisationRecord[] = await this.db.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE ${where.join(' AND ')} ORDER BY region_code, code`, args);
    return rows.map(({ active: _active, ...o }) => o);
  }

  listMediators(f: ListMediators): Promise<MediatorSummary[]> {
    const where = f.includeInactive ? ['true'] : ['active'];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (f.orgCode) where.push(`org_code = ${arg(f.orgCode)}`);
    if (f.speciality) where.push(`${arg(f.speciality)} = ANY (specialities)`);
    return this.db.query(`SELECT ${MEDIATOR_COLUMNS} FROM mediator WHERE ${where.join(' AND ')} ORDER BY org_code, id`, args);
  }

  /**
   * Takes routing's current record of an organisation routing owns: name, kind, region and whether
   * it is active follow routing; what only mediation keeps (specialities, mediators) stays.
   */
  async followRouting(m: EntityManager, o: RoutingOrganisationCopy): Promise<void> {
    await m.query(
      `INSERT INTO organisation (code, name, name_en, kind, region_code, active) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind, region_code = EXCLUDED.region_code, active = EXCLUDED.active`,
      [o.code, o.name, o.nameEn, o.kind, o.regionCode, o.active],
    );
  }

  /** No new handoff from or to it; the handoffs it already has go on as they are. */
  async deactivate(m: EntityManager, code: string): Promise<void> {
    await m.query('UPDATE organisation SET active = false WHERE code = $1', [code]);
  }
}

export type RoutingOrganisationCopy = Omit<OrganisationRecord, 'specialities'>;

export interface OrganisationSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: MediationOrganisationKindName;
  regionCode: string;
  specialities: string[];
}

export interface MediatorSeed {
  id: string;
  orgCode: string;
  name: string;
  specialities: string[];
}

/**
 * Adds the directory entries that are missing; an entry that exists is left as it is (the demo seed
 * runs at every development start and must not undo a change made since).
 */
export async function insertMissingDirectory(m: EntityManager, organisations: readonly OrganisationSeed[], mediators: readonly MediatorSeed[]): Promise<void> {
  for (const o of organisations) {
    await m.query(
      `INSERT INTO organisation (code, name, name_en, kind, region_code, specialities) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (code) DO NOTHING`,
      [o.code, o.name, o.nameEn, o.kind, o.regionCode, o.specialities],
    );
  }
  for (const p of mediators) {
    await m.query(`INSERT INTO mediator (id, org_code, name, specialities) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`, [p.id, p.orgCode, p.name, p.specialities]);
  }
}
