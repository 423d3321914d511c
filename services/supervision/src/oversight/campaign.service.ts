import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AddToCampaign, CampaignQuery, CampaignView, CreateCampaign, SupervisionActor } from '@yikouban/contracts';
import { regionPrefix } from '../indicators/indicator-reader';
import { OversightError } from './oversight.errors';

interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  region_code: string | null;
  created_by: string;
  created_at: Date;
  total: number;
  closed: number;
  overdue: number;
  tracking_codes: string[] | null;
}

type CaseRef = { grievanceId: string; trackingCode: string };

const staffId = (by: SupervisionActor): string => {
  if (by.kind !== 'staff' || !by.userId) throw new OversightError('actor_not_permitted', '只有工作人员可以管理专项治理 / only staff manage campaigns', 'by.kind');
  return by.userId;
};

/**
 * 专项治理: a named set of cases tracked together. Progress is counted over the campaign's own
 * cases from the maintained case projection and clocks: closed = no longer open, overdue = open
 * with a deadline passed (breached, or past due before the sweeper marks it).
 */
@Injectable()
export class CampaignService {
  constructor(private readonly db: DataSource) {}

  create(cmd: CreateCampaign, now = new Date()): Promise<CampaignView> {
    const userId = staffId(cmd.by);
    return this.db.transaction(async (tx) => {
      const id = randomUUID();
      const inserted = (await tx.query(
        `INSERT INTO campaign (id, name, description, region_code, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING RETURNING id`,
        [id, cmd.name, cmd.description ?? null, cmd.regionCode ?? null, userId, now],
      )) as unknown[];
      if (inserted.length === 0) throw new OversightError('campaign_name_taken', '已有同名专项治理 / a campaign of that name exists', 'name');
      await addCases(tx, id, cmd.cases ?? [], userId, now);
      return readCampaign(tx, id);
    });
  }

  add(cmd: AddToCampaign, now = new Date()): Promise<CampaignView> {
    const userId = staffId(cmd.by);
    return this.db.transaction(async (tx) => {
      const found = (await tx.query('SELECT id FROM campaign WHERE id = $1 FOR UPDATE', [cmd.campaignId])) as unknown[];
      if (found.length === 0) throw new OversightError('campaign_not_found', '专项治理不存在 / no such campaign', 'campaignId');
      await addCases(tx, cmd.campaignId, cmd.cases, userId, now);
      return readCampaign(tx, cmd.campaignId);
    });
  }

  async list(q: CampaignQuery): Promise<CampaignView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.campaignId) {
      params.push(q.campaignId);
      where.push(`p.id = $${params.length}`);
    }
    if (q.regionCode) {
      params.push(regionPrefix(q.regionCode));
      where.push(`(p.region_code IS NULL OR p.region_code LIKE $${params.length})`);
    }
    return (await progress(this.db.manager, where, params)).map(toView);
  }
}

/** Adding a case twice is harmless: a campaign holds each case once. */
async function addCases(tx: EntityManager, campaignId: string, cases: CaseRef[], by: string, now: Date): Promise<void> {
  for (const c of cases) {
    await tx.query(
      `INSERT INTO campaign_case (campaign_id, grievance_id, tracking_code, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [campaignId, c.grievanceId, c.trackingCode, by, now],
    );
  }
}

async function readCampaign(tx: EntityManager, id: string): Promise<CampaignView> {
  const [row] = await progress(tx, ['p.id = $1'], [id]);
  return toView(row as CampaignRow);
}

function progress(tx: EntityManager, where: string[], params: unknown[]): Promise<CampaignRow[]> {
  return tx.query(
    `SELECT p.*, count(cc.grievance_id)::int AS total,
            count(cc.grievance_id) FILTER (WHERE s.open IS FALSE)::int AS closed,
            count(cc.grievance_id) FILTER (WHERE s.open AND EXISTS (SELECT 1 FROM clock k WHERE k.grievance_id = cc.grievance_id
              AND (k.state = 'breached' OR (k.state IN ('running','paused') AND k.due_at < now()))))::int AS overdue,
            array_agg(cc.tracking_code ORDER BY cc.added_at, cc.tracking_code) FILTER (WHERE cc.grievance_id IS NOT NULL) AS tracking_codes
       FROM campaign p
       LEFT JOIN campaign_case cc ON cc.campaign_id = p.id
       LEFT JOIN supervised_case s ON s.grievance_id = cc.grievance_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY p.id ORDER BY p.created_at DESC, p.id`,
    params,
  ) as Promise<CampaignRow[]>;
}

const toView = (r: CampaignRow): CampaignView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  regionCode: r.region_code,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  total: r.total,
  closed: r.closed,
  overdue: r.overdue,
  trackingCodes: r.tracking_codes ?? [],
});
