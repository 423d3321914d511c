import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MAX_PAGE_SIZE, type GrievancePage, type GrievanceRecord, type ListGrievances, type MaskedPetitioner } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { PetitionerVault } from '../petitioner/petitioner-vault';
import { Petitioner } from '../petitioner/petitioner.entity';
import { reporterProtectedFrom } from '../petitioner/reporter-protection';
import { Grievance } from './grievance.entity';
import { skipLevelView, toSummary } from './grievance.service';
import { grievanceWhere } from './list/grievance-filter';
import { decodeCursor, encodeCursor } from './list/list-cursor';

const DEFAULT_PAGE_SIZE = 20;

/** Staff reads of grievances: one by id, or a filtered page; petitioners always masked. */
@Injectable()
export class GrievanceReader {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PetitionerVault,
  ) {}

  async byId(grievanceId: string, viewerRole?: string): Promise<GrievanceRecord> {
    const g = await this.db.getRepository(Grievance).findOneBy({ id: grievanceId });
    if (!g) throw new DomainError('NOT_FOUND', `no grievance ${grievanceId}`);
    const [record] = await this.records(this.db.manager, [g], viewerRole);
    return record as GrievanceRecord;
  }

  /** Newest first, keyset-paginated on (receivedAt, id): a page never repeats or skips a row when new ones arrive. */
  async list(q: ListGrievances): Promise<GrievancePage> {
    const first = q.first ?? DEFAULT_PAGE_SIZE;
    if (first > MAX_PAGE_SIZE) throw new DomainError('BAD_REQUEST', `first may be at most ${MAX_PAGE_SIZE}`, [{ field: 'first', problems: [`at most ${MAX_PAGE_SIZE}`] }]);
    const after = q.after ? decodeCursor(q.after) : undefined;
    const filtered = grievanceWhere(q);
    const paged = grievanceWhere(q, after);
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const rows = await tx
        .getRepository(Grievance)
        .createQueryBuilder('g')
        .where(paged.sql, paged.params)
        .orderBy('g.receivedAt', 'DESC')
        .addOrderBy('g.id', 'DESC')
        .limit(first + 1)
        .getMany();
      const total = await tx.getRepository(Grievance).createQueryBuilder('g').where(filtered.sql, filtered.params).getCount();
      const page = rows.slice(0, first);
      const records = await this.records(tx, page, q.viewerRole);
      const edges = records.map((node) => ({ cursor: encodeCursor({ receivedAt: node.receivedAt, id: node.id }), node }));
      return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
    });
  }

  /** Petitioners and representatives loaded in two queries for the whole page. */
  private async records(tx: EntityManager, grievances: Grievance[], viewerRole?: string): Promise<GrievanceRecord[]> {
    if (grievances.length === 0) return [];
    const ids = grievances.map((g) => g.id);
    const petitionerIds = grievances.flatMap((g) => (g.petitionerId ? [g.petitionerId] : []));
    const people = new Map((petitionerIds.length ? await tx.findBy(Petitioner, { id: In(petitionerIds) }) : []).map((p) => [p.id, p]));
    const repRows: { grievance_id: string; petitioner_id: string }[] = await tx.query(
      'SELECT grievance_id, petitioner_id FROM grievance_representative WHERE grievance_id = ANY($1::uuid[]) ORDER BY grievance_id, position',
      [ids],
    );
    const reps = new Map((repRows.length ? await tx.findBy(Petitioner, { id: In(repRows.map((r) => r.petitioner_id)) }) : []).map((p) => [p.id, p]));
    return grievances.map((g) => {
      const withheld = g.accusation && reporterProtectedFrom(viewerRole);
      const person = g.petitionerId ? people.get(g.petitionerId) : undefined;
      const representatives: MaskedPetitioner[] = withheld
        ? []
        : repRows.filter((r) => r.grievance_id === g.id).flatMap((r) => {
            const rep = reps.get(r.petitioner_id);
            return rep ? [this.vault.masked(rep)] : [];
          });
      return {
        ...toSummary(g),
        description: g.description,
        receivedAtLevel: g.receivedAtLevel,
        skipLevel: skipLevelView(g),
        accusation: g.accusation,
        anonymous: g.petitionerId === null,
        petitioner: person && !withheld ? this.vault.masked(person) : null,
        petitionerWithheld: withheld && g.petitionerId !== null,
        representatives,
        mergedInto: g.mergedInto,
      };
    });
  }
}
