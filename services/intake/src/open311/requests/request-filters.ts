import { CODE_PATTERN, TRACKING_CODE_PATTERN, type GrievanceStatus } from '@yikouban/contracts';
import { grievanceStatusesFor, OPEN311_STATUSES, type Open311Status } from './status';
import { parseW3cDateTime } from './w3c-datetime';

/** GeoReport v2: without dates, the most recent 90 days; a range may not span more; at most 1000 answers. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;

export type RequestFilters =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'search'; serviceCodes: string[] | null; statuses: GrievanceStatus[] | null; from: Date; to: Date };

export type FilterParse = { ok: true; filters: RequestFilters } | { ok: false; problems: string[] };

/** `a,b`, or the parameter repeated (`?status=open&status=closed`): both mean a list. */
function list(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(','));
  const items = [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

function date(raw: unknown, key: string, problems: string[]): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const at = typeof raw === 'string' ? parseW3cDateTime(raw) : null;
  if (!at) problems.push(`${key} 须为带时区的 W3C 日期时间 (${key} must be a W3C date-time, e.g. 2024-11-22T00:00:00+08:00)`);
  return at ?? undefined;
}

/**
 * Reads GET requests' query. `service_request_id` overrides every other parameter, as the spec
 * says. Without dates the window is the last 90 days; with one date it is the 90 days from or to
 * it; with both it may not be wider than 90 days.
 */
export function parseRequestFilters(query: Record<string, unknown>, now: Date): FilterParse {
  const ids = list(query.service_request_id);
  if (ids) {
    if (ids.length > MAX_REQUESTS) return { ok: false, problems: [`service_request_id 最多 ${MAX_REQUESTS} 个 (at most ${MAX_REQUESTS} service_request_id)`] };
    // Anything that cannot be a tracking code cannot match: leave it out rather than fail the rest.
    return { ok: true, filters: { kind: 'ids', ids: ids.filter((id) => TRACKING_CODE_PATTERN.test(id)) } };
  }
  const problems: string[] = [];
  const serviceCodes = list(query.service_code) ?? null;
  for (const code of serviceCodes ?? []) {
    if (!CODE_PATTERN.test(code)) problems.push(`service_code ${code} 格式不正确 (service_code ${code} is not a service code)`);
  }
  let statuses: GrievanceStatus[] | null = null;
  const wanted = list(query.status);
  if (wanted) {
    const unknown = wanted.filter((s) => !OPEN311_STATUSES.includes(s as Open311Status));
    if (unknown.length) problems.push(`status 只能是 open 或 closed (status must be open or closed, not ${unknown.join(', ')})`);
    else statuses = (wanted as Open311Status[]).flatMap(grievanceStatusesFor);
  }
  const start = date(query.start_date, 'start_date', problems);
  const end = date(query.end_date, 'end_date', problems);
  const window = DEFAULT_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + window) : now);
  const from = start ?? new Date(to.getTime() - window);
  if (start && end) {
    if (end < start) problems.push('end_date 不得早于 start_date (end_date is before start_date)');
    else if (end.getTime() - start.getTime() > window) problems.push(`start_date 与 end_date 相隔不得超过 ${DEFAULT_WINDOW_DAYS} 天 (the range may not span more than ${DEFAULT_WINDOW_DAYS} days)`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, filters: { kind: 'search', serviceCodes, statuses, from, to } };
}
