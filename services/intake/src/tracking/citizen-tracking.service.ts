import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type CitizenTrackingView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { Grievance } from '../grievance/grievance.entity';
import { addTimelineEntry, readTimeline, type TimelineEntry } from './timeline';
import { secretMatches } from './tracking-code';

/** What a citizen holding the code and secret may see: public facts only, no identity, no staff. */
export type CitizenView = CitizenTrackingView & { timeline: TimelineEntry[] };

const NOT_YOURS = 'no grievance matches this tracking code and secret';

@Injectable()
export class CitizenTrackingService {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async view(trackingCode: string, secret: string): Promise<CitizenView> {
    return this.db.transaction(async (tx) => {
      const g = await this.owned(tx, trackingCode, secret);
      return {
        trackingCode: g.trackingCode,
        status: g.status,
        channel: g.channel,
        receivedAt: g.receivedAt.toISOString(),
        leadUnitName: g.leadUnitName,
        dueAt: g.dueAt?.toISOString() ?? null,
        timeline: await readTimeline(tx, g.id),
      };
    });
  }

  /** 撤回: allowed until the matter is closed; the fact goes out so clocks stop. */
  async withdraw(trackingCode: string, secret: string, reason: string, now = new Date()): Promise<CitizenView> {
    await this.db.transaction(async (tx) => {
      const g = await this.owned(tx, trackingCode, secret, true);
      if (g.status === 'withdrawn') return;
      if (g.status === 'closed') throw new DomainError('CONFLICT', 'a closed grievance cannot be withdrawn');
      await tx.update(Grievance, { id: g.id }, { status: 'withdrawn', withdrawnReason: reason, updatedAt: now });
      await addTimelineEntry(tx, g.id, now, 'withdrawn', {});
      await appendToOutbox(tx, GrievanceWithdrawn, { grievanceId: g.id, trackingCode: g.trackingCode, reason, withdrawnAt: now.toISOString() });
    });
    this.relay?.kick();
    return this.view(trackingCode, secret);
  }

  /** Unknown code and wrong secret answer the same, so codes cannot be probed. */
  private async owned(tx: EntityManager, trackingCode: string, secret: string, lock = false): Promise<Grievance> {
    const g = await tx.getRepository(Grievance).findOne({ where: { trackingCode }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!g || !secretMatches(secret, g.secretHash)) throw new DomainError('NOT_FOUND', NOT_YOURS);
    return g;
  }
}
