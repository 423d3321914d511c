import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CategorySummary } from '@yikouban/contracts';
import { DataSource } from 'typeorm';
import { isWellFormedTrackingCode } from '../../tracking/tracking-code';
import { CATEGORY_CATALOGUE, type CategoryCatalogue } from '../catalogue/category-catalogue';
import { Open311Error } from '../open311.errors';
import type { Open311Request, Open311TokenAnswer } from '../open311.types';
import { toOpen311Service } from '../services/service-definitions';
import { MAX_REQUESTS, parseRequestFilters } from './request-filters';
import { OPEN311_ROW_COLUMNS, publishedDescription, toOpen311Request, type Open311Row } from './request-view';

const TOKEN = /^[0-9a-f]{32}$/;
const FROM = `FROM grievance g LEFT JOIN open311_request r ON r.grievance_id = g.id WHERE g.channel = 'open311'`;

/**
 * The public read side. Only grievances that arrived by Open311 are listed: petitions from the
 * other channels were not made in public and never leave through this door.
 */
@Injectable()
export class Open311RequestQueries {
  private readonly logger = new Logger('Open311');

  constructor(
    private readonly db: DataSource,
    @Inject(CATEGORY_CATALOGUE) private readonly catalogue: CategoryCatalogue,
  ) {}

  async list(query: Record<string, unknown>, now = new Date()): Promise<Open311Request[]> {
    const parsed = parseRequestFilters(query, now);
    if (!parsed.ok) throw new Open311Error(400, parsed.problems);
    const f = parsed.filters;
    const rows: Open311Row[] =
      f.kind === 'ids'
        ? await this.db.query(`SELECT ${OPEN311_ROW_COLUMNS} ${FROM} AND g.tracking_code = ANY($1) ORDER BY g.received_at DESC LIMIT ${MAX_REQUESTS}`, [f.ids])
        : await this.db.query(
            `SELECT ${OPEN311_ROW_COLUMNS} ${FROM} AND g.received_at >= $1 AND g.received_at <= $2
               AND ($3::text[] IS NULL OR g.category_code = ANY($3)) AND ($4::text[] IS NULL OR g.status = ANY($4))
             ORDER BY g.received_at DESC LIMIT ${MAX_REQUESTS}`,
            [f.from, f.to, f.serviceCodes, f.statuses],
          );
    return this.present(rows);
  }

  /** GET requests/{id}: a list of one, as the spec has it; 404 for a code we never gave out here. */
  async byId(trackingCode: string): Promise<Open311Request[]> {
    if (!isWellFormedTrackingCode(trackingCode)) throw Open311Error.notFound(notFound(trackingCode));
    const rows: Open311Row[] = await this.db.query(`SELECT ${OPEN311_ROW_COLUMNS} ${FROM} AND g.tracking_code = $1`, [trackingCode]);
    if (!rows.length) throw Open311Error.notFound(notFound(trackingCode));
    return this.present(rows);
  }

  async byToken(token: string): Promise<Open311TokenAnswer[]> {
    const rows: { tracking_code: string }[] = TOKEN.test(token)
      ? await this.db.query('SELECT g.tracking_code FROM open311_request r JOIN grievance g ON g.id = r.grievance_id WHERE r.token = $1', [token])
      : [];
    if (!rows.length) throw Open311Error.notFound(`token ${token} 不存在 (token not found)`);
    return [{ token, service_request_id: rows[0].tracking_code }];
  }

  /**
   * Service names come from the catalogue; reading requests does not fail when routing is away.
   * Texts of accusations — or of any matter whose class cannot be told — are withheld (see publishedDescription).
   */
  private async present(rows: Open311Row[]): Promise<Open311Request[]> {
    const categories = new Map<string, CategorySummary>();
    if (rows.length) {
      try {
        for (const c of await this.catalogue.list()) categories.set(c.code, c);
      } catch (err) {
        this.logger.warn(`service names unavailable: ${(err as Error).message}`);
      }
    }
    return rows.map((r) => {
      const category = r.category_code ? categories.get(r.category_code) : undefined;
      return toOpen311Request(r, category ? toOpen311Service(category).service_name : null, publishedDescription(r.description, category));
    });
  }
}

function notFound(id: string): string {
  return `service_request_id ${id} 不存在 (service_request_id not found)`;
}
