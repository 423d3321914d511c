import { Injectable } from '@nestjs/common';
import {
  SupervisionAcknowledgeEarlyWarning,
  SupervisionBulletinLedger,
  SupervisionGenerateBulletin,
  SupervisionListBulletins,
  SupervisionListEarlyWarnings,
  type BulletinView as Bulletin,
  type EarlyWarningView as EarlyWarning,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import type { Principal } from '../auth/roles';
import { scopedFilter } from '../supervision/supervision-access';
import { toIndicatorRow } from '../supervision/supervision-view.mapper';
import type { AcknowledgeEarlyWarningArgs, BulletinLedgerArgs, BulletinsArgs, EarlyWarningFilter, GenerateBulletinArgs } from './dto/bulletin.inputs';
import type { BulletinPageView, BulletinView, EarlyWarningPageView, EarlyWarningView, LedgerFileView } from './dto/bulletin.views';

const optional = <K extends string, V>(key: K, v: V | undefined | null): Partial<Record<K, V>> => (v === undefined || v === null ? {} : ({ [key]: v } as Record<K, V>));

const toWarning = ({ alertId, ...w }: EarlyWarning): EarlyWarningView => ({ id: alertId, ...w });
const toBulletin = ({ bulletinId, totals, regions, units, topCategories, ...b }: Bulletin): BulletinView => ({
  id: bulletinId,
  ...b,
  totals: toIndicatorRow(totals),
  regions: regions.map(toIndicatorRow),
  units: units.map(toIndicatorRow),
  topCategories: topCategories.map(toIndicatorRow),
});

/** The gateway's side of 苗头预警 and 通报: scopes the caller, asks supervision. */
@Injectable()
export class BulletinDesk {
  constructor(private readonly rpc: RpcClient) {}

  /** Alerts in the caller's region subtree (the region defaults to it). */
  async earlyWarnings(p: Principal, f: EarlyWarningFilter): Promise<EarlyWarningPageView> {
    const s = scopedFilter(p, f, 'filter');
    const page = await this.rpc.request(SupervisionListEarlyWarnings, {
      ...optional('regionCode', s.regionCode),
      ...optional('categoryCode', s.categoryCode),
      ...optional('state', s.state),
      ...optional('limit', s.first),
      ...optional('cursor', s.after),
    });
    return { items: page.items.map(toWarning), nextCursor: page.nextCursor };
  }

  async acknowledge(p: Principal, a: AcknowledgeEarlyWarningArgs): Promise<EarlyWarningView> {
    return toWarning(await this.rpc.request(SupervisionAcknowledgeEarlyWarning, { alertId: a.id, userId: p.id, ...optional('note', a.note) }));
  }

  async bulletins(a: BulletinsArgs): Promise<BulletinPageView> {
    const page = await this.rpc.request(SupervisionListBulletins, { ...optional('kind', a.kind), ...optional('limit', a.first), ...optional('cursor', a.after) });
    return { items: page.items.map(toBulletin), nextCursor: page.nextCursor };
  }

  async generate(p: Principal, a: GenerateBulletinArgs): Promise<BulletinView> {
    return toBulletin(await this.rpc.request(SupervisionGenerateBulletin, { kind: a.kind, periodStart: a.periodStart, requestedBy: p.id }));
  }

  /** The ledger file as base64: it travels inside the signed-in GraphQL call, so no second way in to secure. */
  async ledger(a: BulletinLedgerArgs): Promise<LedgerFileView> {
    return this.rpc.request(SupervisionBulletinLedger, { bulletinId: a.id, format: a.format, ...optional('sheet', a.sheet) });
  }
}
