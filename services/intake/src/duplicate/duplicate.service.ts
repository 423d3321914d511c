import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GrievanceMerged } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { Grievance } from '../grievance/grievance.entity';
import { suggestDuplicates, type DuplicateCandidate, type DuplicateSuggestion } from './duplicate-finder';
import { boundingBox } from './geo';

/** How far back duplicates are looked for: the same pothole reported this season, not last year. */
const LOOKBACK_DAYS = 60;
const MAX_CANDIDATES = 500;

@Injectable()
export class DuplicateService {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async suggest(id: string): Promise<DuplicateSuggestion[]> {
    const g = await this.db.getRepository(Grievance).findOneBy({ id });
    if (!g) throw new DomainError('NOT_FOUND', `no grievance ${id}`);
    const since = new Date(g.receivedAt.getTime() - LOOKBACK_DAYS * 86_400_000);
    const box = g.latitude !== null && g.longitude !== null ? boundingBox({ lat: g.latitude, lng: g.longitude }, 1000) : null;
    // Candidates: same category (or any, when uncategorised) in the same county, recent, not withdrawn or merged.
    const rows: { id: string; tracking_code: string; category_code: string | null; description: string; latitude: number | null; longitude: number | null; received_at: Date }[] =
      await this.db.query(
        `SELECT id, tracking_code, category_code, description, latitude, longitude, received_at FROM grievance
         WHERE id <> $1 AND received_at >= $2 AND status <> 'withdrawn' AND merged_into IS NULL
           AND ($3::text IS NULL OR category_code = $3 OR category_code IS NULL)
           AND (left(region_code, 6) = left($4, 6) OR ($5::float8 IS NOT NULL AND latitude BETWEEN $5 AND $6 AND longitude BETWEEN $7 AND $8))
         ORDER BY received_at DESC LIMIT ${MAX_CANDIDATES}`,
        [g.id, since, g.categoryCode, g.regionCode, box?.minLat ?? null, box?.maxLat ?? null, box?.minLng ?? null, box?.maxLng ?? null],
      );
    const candidates: DuplicateCandidate[] = rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, categoryCode: r.category_code, description: r.description, latitude: r.latitude, longitude: r.longitude, receivedAt: r.received_at }));
    return suggestDuplicates({ id: g.id, trackingCode: g.trackingCode, categoryCode: g.categoryCode, description: g.description, latitude: g.latitude, longitude: g.longitude, receivedAt: g.receivedAt }, candidates);
  }

  /** Merges a duplicate into a primary: both records stay; the duplicate points at the primary. */
  async merge(id: string, intoId: string, now = new Date()): Promise<{ id: string; mergedInto: string }> {
    if (id === intoId) throw new DomainError('BAD_REQUEST', 'a grievance cannot be merged into itself', [{ field: 'intoId', problems: ['must differ from the grievance'] }]);
    await this.db.transaction(async (tx) => {
      // Lock both in a fixed order so two operators merging crosswise cannot deadlock.
      const rows: { id: string; merged_into: string | null; status: string }[] = await tx.query(
        'SELECT id, merged_into, status FROM grievance WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
        [[id, intoId]],
      );
      const dup = rows.find((r) => r.id === id);
      const primary = rows.find((r) => r.id === intoId);
      if (!dup) throw new DomainError('NOT_FOUND', `no grievance ${id}`);
      if (!primary) throw new DomainError('NOT_FOUND', `no grievance ${intoId}`, [{ field: 'intoId', problems: ['no such grievance'] }]);
      if (dup.merged_into) throw new DomainError('CONFLICT', `grievance ${id} is already merged`);
      if (primary.merged_into) throw new DomainError('CONFLICT', 'the primary grievance is itself merged; merge into its primary instead', [{ field: 'intoId', problems: [`merged into ${primary.merged_into}`] }]);
      await tx.query('UPDATE grievance SET merged_into = $2, updated_at = $3 WHERE id = $1', [id, intoId, now]);
      await appendToOutbox(tx, GrievanceMerged, { grievanceId: id, mergedIntoId: intoId, mergedAt: now.toISOString() });
    });
    this.relay?.kick();
    return { id, mergedInto: intoId };
  }
}
