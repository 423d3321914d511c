import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GrievanceReceived, type GrievanceSummary } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { PetitionerVault } from '../petitioner/petitioner-vault';
import { formatTrackingCode, hashSecret, newCitizenSecret } from '../tracking/tracking-code';
import type { CreateGrievanceDto } from './dto/create-grievance.dto';
import { Grievance } from './grievance.entity';

export interface RegisteredGrievance {
  id: string;
  trackingCode: string;
  /** Shown to the citizen once, with the tracking code; only its hash is kept. */
  secret: string;
  status: 'received';
  receivedAt: string;
}

/** Collective grievances (群体访): five or more people. */
const COLLECTIVE_HEADCOUNT = 5;

@Injectable()
export class GrievanceService {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PetitionerVault,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** Stores the grievance, the petitioner and the `received` fact in one transaction. */
  async register(dto: CreateGrievanceDto, now = new Date()): Promise<RegisteredGrievance> {
    const secret = newCitizenSecret();
    const saved = await this.db.transaction(async (tx) => {
      const petitioner = dto.petitioner ? await this.vault.store(tx, dto.petitioner, now) : null;
      const [{ seq }] = (await tx.query(`SELECT nextval('tracking_seq')::text AS seq`)) as { seq: string }[];
      const headcount = dto.headcount ?? 1;
      const grievance = tx.create(Grievance, {
        id: randomUUID(),
        trackingCode: formatTrackingCode(dto.regionCode, now.getUTCFullYear(), BigInt(seq)),
        secretHash: hashSecret(secret),
        channel: dto.channel,
        status: 'received',
        regionCode: dto.regionCode,
        categoryCode: dto.categoryCode ?? null,
        description: dto.description.trim(),
        headcount,
        collective: headcount >= COLLECTIVE_HEADCOUNT,
        petitionerId: petitioner?.id ?? null,
        channelDetails: dto.channelDetails ?? {},
        receivedAt: now,
        updatedAt: now,
      });
      await tx.insert(Grievance, grievance);
      await appendToOutbox(tx, GrievanceReceived, {
        grievanceId: grievance.id,
        trackingCode: grievance.trackingCode,
        channel: grievance.channel,
        regionCode: grievance.regionCode,
        ...(grievance.categoryCode ? { categoryCode: grievance.categoryCode } : {}),
        headcount,
        collective: grievance.collective,
        receivedAt: now.toISOString(),
      });
      return grievance;
    });
    this.relay?.kick();
    return { id: saved.id, trackingCode: saved.trackingCode, secret, status: 'received', receivedAt: saved.receivedAt.toISOString() };
  }

  async summaryByTrackingCode(trackingCode: string): Promise<GrievanceSummary> {
    const g = await this.db.getRepository(Grievance).findOneBy({ trackingCode });
    if (!g) throw new DomainError('NOT_FOUND', `no grievance with tracking code ${trackingCode}`);
    return toSummary(g);
  }
}

export function toSummary(g: Grievance): GrievanceSummary {
  return {
    id: g.id,
    trackingCode: g.trackingCode,
    status: g.status,
    channel: g.channel,
    regionCode: g.regionCode,
    categoryCode: g.categoryCode,
    headcount: g.headcount,
    receivedAt: g.receivedAt.toISOString(),
  };
}
