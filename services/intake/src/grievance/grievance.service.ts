import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { emergencyTermsIn, GrievanceReceived, GrievanceSkipLevelRedirected, type FieldProblem, type GrievanceSummary, type RegisteredGrievance, type SkipLevelView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { checkChannelDetails, ORAL_CHANNELS } from '../channel/channel-details';
import { PetitionerVault } from '../petitioner/petitioner-vault';
import { judgeRepeat, similarMatters } from '../repeat/repeat-detector';
import { judgeSkipLevel, type SkipLevelPolicy } from '../skip-level/skip-level';
import { addTimelineEntry } from '../tracking/timeline';
import { formatTrackingCode, hashSecret, newCitizenSecret } from '../tracking/tracking-code';
import type { CreateGrievanceDto } from './dto/create-grievance.dto';
import { Grievance } from './grievance.entity';
import { receiptInstant } from './received-at';

export type { RegisteredGrievance };

/** Collective grievances (群体访): five or more people. */
const COLLECTIVE_HEADCOUNT = 5;

export const INTAKE_POLICY = Symbol('INTAKE_POLICY');
export interface IntakePolicy {
  /** How far back a similar matter from the same person makes a grievance a repeat. */
  repeatWindowDays: number;
  /** 越级: only flag it, or also tell the petitioner to go to the competent level (逐级走访). */
  skipLevelPolicy: SkipLevelPolicy;
}

@Injectable()
export class GrievanceService {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PetitionerVault,
    @Inject(INTAKE_POLICY) private readonly policy: IntakePolicy,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** Stores the grievance, the petitioner and the `received` fact in one transaction. */
  async register(dto: CreateGrievanceDto, now = new Date()): Promise<RegisteredGrievance> {
    await this.checkChannelRules(dto);
    const receivedAt = receiptInstant(dto.receivedAt, now);
    const secret = newCitizenSecret();
    const saved = await this.db.transaction(async (tx) => {
      const petitioner = dto.petitioner ? await this.vault.store(tx, dto.petitioner, now) : null;
      const since = new Date(now.getTime() - this.policy.repeatWindowDays * 86_400_000);
      const earlier = petitioner ? await this.vault.earlierMatters(tx, petitioner, since) : [];
      const verdict = judgeRepeat(dto.description, dto.categoryCode ?? null, earlier);
      const skip = judgeSkipLevel({
        regionCode: dto.regionCode,
        receivedAtLevel: dto.receivedAtLevel ?? null,
        earlierLevels: similarMatters(dto.description, dto.categoryCode ?? null, earlier).map((m) => m.matter.receivedAtLevel ?? null),
      });
      const redirected = skip !== null && this.policy.skipLevelPolicy === 'redirect';
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
        firstTime: verdict.firstTime,
        repeatOf: verdict.repeatOf,
        statement: dto.statement ? { request: dto.statement.request, facts: dto.statement.facts, reasons: dto.statement.reasons } : null,
        latitude: dto.location?.lat ?? null,
        longitude: dto.location?.lng ?? null,
        addressText: dto.location?.address ?? null,
        leadUnitName: null,
        dueAt: null,
        withdrawnReason: null,
        accusation: dto.accusation ?? false,
        receivedAtLevel: dto.receivedAtLevel ?? null,
        skipLevel: skip !== null,
        competentLevel: skip?.competentLevel ?? null,
        competentRegionCode: skip?.competentRegionCode ?? null,
        skipLevelRedirected: redirected,
        mergedInto: null,
        receivedAt,
        updatedAt: now,
      });
      await tx.insert(Grievance, grievance);
      await addTimelineEntry(tx, grievance.id, receivedAt, 'received', { channel: grievance.channel });
      for (const [position, rep] of (dto.representatives ?? []).entries()) {
        const person = await this.vault.store(tx, rep, now);
        await tx.query('INSERT INTO grievance_representative (grievance_id, petitioner_id, position) VALUES ($1, $2, $3)', [grievance.id, person.id, position + 1]);
      }
      await appendToOutbox(tx, GrievanceReceived, {
        grievanceId: grievance.id,
        trackingCode: grievance.trackingCode,
        channel: grievance.channel,
        regionCode: grievance.regionCode,
        ...(grievance.categoryCode ? { categoryCode: grievance.categoryCode } : {}),
        headcount,
        collective: grievance.collective,
        firstTime: verdict.firstTime,
        ...(verdict.repeatOf ? { repeatOf: verdict.repeatOf } : {}),
        emergencyTerms: emergencyTermsIn(grievance.description),
        ...(skip ? { skipLevel: true } : {}),
        receivedAt: receivedAt.toISOString(),
      });
      if (skip && redirected) {
        // 逐级走访: the petitioner is told where to go; that level hears it is coming.
        await addTimelineEntry(tx, grievance.id, now, 'redirected_to_competent_level', { competentLevel: skip.competentLevel });
        await appendToOutbox(tx, GrievanceSkipLevelRedirected, { grievanceId: grievance.id, trackingCode: grievance.trackingCode, regionCode: grievance.regionCode, ...skip, redirectedAt: now.toISOString() });
      }
      return grievance;
    });
    this.relay?.kick();
    return {
      id: saved.id,
      trackingCode: saved.trackingCode,
      secret,
      status: 'received',
      receivedAt: saved.receivedAt.toISOString(),
      firstTime: saved.firstTime,
      repeatOf: saved.repeatOf,
      skipLevel: skipLevelView(saved),
    };
  }

  /** Rules that depend on the channel: its own reference fields, and a written record of oral petitions. */
  private async checkChannelRules(dto: CreateGrievanceDto): Promise<void> {
    const problems: FieldProblem[] = await checkChannelDetails(dto.channel, dto.channelDetails);
    if (ORAL_CHANNELS.includes(dto.channel) && dto.channel !== 'hotline_12345') {
      if (!dto.petitioner?.name) problems.push({ field: 'petitioner.name', problems: ['来访、视频接访须登记信访人姓名 (a walk-in or video petition records the name — Art 19)'] });
      if (!dto.petitioner?.address) problems.push({ field: 'petitioner.address', problems: ['来访、视频接访须登记住址 (… and the address — Art 19)'] });
      if (!dto.statement) problems.push({ field: 'statement', problems: ['口头信访须记录诉求、事实和理由 (an oral petition is recorded as request, facts and reasons — Art 19)'] });
    }
    if (problems.length) throw new DomainError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.problems.join('; ')}`).join(' | '), problems);
  }

  async summaryByTrackingCode(trackingCode: string): Promise<GrievanceSummary> {
    const g = await this.db.getRepository(Grievance).findOneBy({ trackingCode });
    if (!g) throw new DomainError('NOT_FOUND', `no grievance with tracking code ${trackingCode}`);
    return toSummary(g);
  }
}

export function skipLevelView(g: Grievance): SkipLevelView | null {
  if (!g.skipLevel || !g.receivedAtLevel || !g.competentLevel || !g.competentRegionCode) return null;
  return { receivedAtLevel: g.receivedAtLevel, competentLevel: g.competentLevel, competentRegionCode: g.competentRegionCode, redirected: g.skipLevelRedirected };
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
    collective: g.collective,
    firstTime: g.firstTime,
    repeatOf: g.repeatOf,
    receivedAt: g.receivedAt.toISOString(),
  };
}
