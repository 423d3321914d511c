import type { ListGrievances } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import type { ListPosition } from './list-cursor';

/** A WHERE clause for TypeORM's query builder (alias `g`) with named parameters. */
export interface WhereClause {
  sql: string;
  params: Record<string, unknown>;
}

/** `_` and `%` are LIKE wildcards; codes may contain `_`. */
function prefixPattern(code: string): string {
  return `${code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The staff list's filters, all ANDed; regions match their whole subtree by code prefix, the
 * caller's scope on top of the filter's region. `after` continues below a page's last row
 * (newest first). Pure: unit-tested without a database.
 */
export function grievanceWhere(f: ListGrievances, after?: ListPosition): WhereClause {
  if (f.receivedFrom && f.receivedTo && Date.parse(f.receivedFrom) >= Date.parse(f.receivedTo)) {
    throw new DomainError('BAD_REQUEST', 'receivedTo must be after receivedFrom', [{ field: 'receivedTo', problems: ['must be after receivedFrom'] }]);
  }
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    parts.push(sql);
    Object.assign(params, values);
  };
  if (f.status?.length) add('g.status = ANY(:status)', { status: f.status });
  if (f.channel?.length) add('g.channel = ANY(:channel)', { channel: f.channel });
  if (f.regionCode) add("g.region_code LIKE :region ESCAPE '\\'", { region: prefixPattern(f.regionCode) });
  if (f.scopeRegionCode) add("g.region_code LIKE :scope ESCAPE '\\'", { scope: prefixPattern(f.scopeRegionCode) });
  if (f.categoryCode) add('g.category_code = :category', { category: f.categoryCode });
  if (f.receivedFrom) add('g.received_at >= :from', { from: new Date(f.receivedFrom) });
  if (f.receivedTo) add('g.received_at < :to', { to: new Date(f.receivedTo) });
  if (f.repeat !== undefined) add(f.repeat ? 'g.repeat_of IS NOT NULL' : 'g.repeat_of IS NULL');
  if (f.skipLevel !== undefined) add('g.skip_level = :skipLevel', { skipLevel: f.skipLevel });
  if (f.collective !== undefined) add('g.collective = :collective', { collective: f.collective });
  if (after) add('(g.received_at, g.id) < (:afterAt, :afterId)', { afterAt: new Date(after.receivedAt), afterId: after.id });
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}
