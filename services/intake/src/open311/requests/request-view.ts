import type { CategorySummary, GrievanceStatus } from '@yikouban/contracts';
import type { Open311Request } from '../open311.types';
import { statusNotes, toOpen311Status } from './status';

/** One grievance as the Open311 read queries select it (snake_case, as PostgreSQL answers). */
export interface Open311Row {
  tracking_code: string;
  status: GrievanceStatus;
  category_code: string | null;
  description: string;
  lead_unit_name: string | null;
  due_at: Date | null;
  withdrawn_reason: string | null;
  latitude: number | null;
  longitude: number | null;
  address_text: string | null;
  received_at: Date;
  updated_at: Date;
  address_string: string | null;
  address_id: string | null;
  media_url: string | null;
}

/** The columns behind Open311Row; `g` is grievance, `r` its open311_request. */
export const OPEN311_ROW_COLUMNS = `g.tracking_code, g.status, g.category_code, g.description, g.lead_unit_name, g.due_at, g.withdrawn_reason,
  g.latitude, g.longitude, g.address_text, g.received_at, g.updated_at, r.address_string, r.address_id, r.media_url`;

/**
 * A grievance as a GeoReport v2 service request. Public by the spec, so it carries nothing of the
 * petitioner: no name, no phone, no internal id — the tracking code is the request id. The lead
 * unit is the agency responsible; the handling deadline is the expected date.
 */
export function toOpen311Request(row: Open311Row, serviceName: string | null, description: string): Open311Request {
  return {
    service_request_id: row.tracking_code,
    status: toOpen311Status(row.status),
    status_notes: statusNotes(row.status, row.withdrawn_reason),
    service_name: serviceName,
    service_code: row.category_code,
    description,
    agency_responsible: row.lead_unit_name,
    service_notice: null,
    requested_datetime: row.received_at.toISOString(),
    updated_datetime: row.updated_at.toISOString(),
    expected_datetime: row.due_at?.toISOString() ?? null,
    address: row.address_text ?? row.address_string,
    address_id: row.address_id,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: row.media_url,
  };
}

export const WITHHELD_ACCUSATION = '检举控告类事项不公开内容 (the text of a report or accusation is not published)';
export const WITHHELD_UNKNOWN = '暂无法确认事项类别，内容暂不公开 (the text is not published while the kind of matter cannot be told)';

/**
 * The text shown to the public. An accuser's identity must never reach the accused (信访工作条例
 * 第三十条), and an accusation's own words often give it away: so accusations — and matters whose
 * class cannot be told right now — show a notice instead. Fail closed.
 */
export function publishedDescription(text: string, category: Pick<CategorySummary, 'matterClass'> | undefined): string {
  if (!category) return WITHHELD_UNKNOWN;
  return category.matterClass === 'accusation' ? WITHHELD_ACCUSATION : text;
}
