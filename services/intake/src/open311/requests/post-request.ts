import { PHONE_ERROR_MESSAGES, validatePhone, type CategorySummary } from '@yikouban/contracts';
import type { CreateGrievanceDto } from '../../grievance/dto/create-grievance.dto';
import { ATTRIBUTE, serviceDefinition } from '../services/service-definitions';
import { checkAttributes, type AttributeValue } from '../services/attribute-check';

/** What an Open311 submission carries that the grievance itself has no field for. */
export interface Open311Extras {
  addressString: string | null;
  addressId: string | null;
  mediaUrl: string | null;
  /** Checked attributes other than those that became grievance fields (headcount). */
  attributes: Record<string, AttributeValue>;
}

export type PostMapping = { ok: true; dto: CreateGrievanceDto; extras: Open311Extras } | { ok: false; problems: string[] };

/** The spec caps the description at 4,000 characters; ours asks for at least five. */
const DESCRIPTION = { min: 5, max: 4000 };
const MAX_NAME = 50;
const MAX_ADDRESS = 300;
const MAX_ADDRESS_ID = 100;
const MAX_URL = 2048;
const MAX_ACCOUNT = 128;
const MAX_HEADCOUNT = 100_000;
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff·]+$/;

type Body = Record<string, unknown>;

/**
 * One form value: absent, or a single string (a repeated field is a mistake worth naming).
 * A JSON body's numbers are taken as their text, so `"lat": 29.98` reads like `lat=29.98`.
 */
function single(body: Body, key: string, problems: string[]): string | undefined {
  const raw = body[key];
  const v = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    problems.push(`${key} 只能有一个值 (${key} takes a single value)`);
    return undefined;
  }
  const text = v.trim();
  return text === '' ? undefined : text;
}

function tooLong(key: string, max: number): string {
  return `${key} 不得超过${max}个字符 (${key} is longer than ${max} characters)`;
}

/** Chinese names read family name first with no space (张 + 伟 → 张伟); others "first last". */
export function composeName(first: string | undefined, last: string | undefined): string | undefined {
  if (first && last) return CJK.test(first) && CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last;
}

function coordinate(raw: string | undefined, key: 'lat' | 'long', limit: number, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(n) || Math.abs(n) > limit) {
    problems.push(`${key} 须为 -${limit} 至 ${limit} 之间的十进制度数 (${key} must be decimal degrees between -${limit} and ${limit}, WGS-84)`);
    return undefined;
  }
  return n;
}

function httpUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push('media_url 须为 http(s) 网址 (media_url must be an http or https URL)');
    return null;
  }
  if (raw.length > MAX_URL) problems.push(tooLong('media_url', MAX_URL));
  return raw;
}

/**
 * Maps a POST Service Request (form fields as GeoReport v2 names them) onto our registration,
 * collecting every problem at once. Identity goes to the petitioner (encrypted by the vault);
 * email and device_id are checked but not kept — the vault has no place for them.
 */
export function mapPostRequest(body: Body, catalogue: readonly CategorySummary[], regionCode: string): PostMapping {
  const problems: string[] = [];
  const serviceCode = single(body, 'service_code', problems);
  const category = serviceCode ? catalogue.find((c) => c.code === serviceCode) : undefined;
  if (!serviceCode) problems.push('service_code 为必填项 (service_code was not provided)');
  else if (!category) problems.push(`service_code ${serviceCode} 不存在，请先查询 services (service_code ${serviceCode} was not found; see services.json)`);

  const latText = single(body, 'lat', problems);
  const lngText = single(body, 'long', problems);
  const lat = coordinate(latText, 'lat', 90, problems);
  const lng = coordinate(lngText, 'long', 180, problems);
  const addressString = single(body, 'address_string', problems);
  const addressId = single(body, 'address_id', problems);
  const hasLat = latText !== undefined;
  const hasLng = lngText !== undefined;
  if (hasLat !== hasLng) problems.push('lat 与 long 须同时提供 (lat and long go together)');
  if (!hasLat && !hasLng && !addressString && !addressId) {
    problems.push('须提供位置：lat 和 long，或 address_string，或 address_id (a location is required: lat & long, address_string or address_id)');
  }
  if (addressString && addressString.length > MAX_ADDRESS) problems.push(tooLong('address_string', MAX_ADDRESS));
  if (addressId && addressId.length > MAX_ADDRESS_ID) problems.push(tooLong('address_id', MAX_ADDRESS_ID));

  const description = single(body, 'description', problems);
  if (!description) problems.push('description 为必填项，请描述诉求 (description is required: say what the matter is)');
  else if (description.length < DESCRIPTION.min || description.length > DESCRIPTION.max) {
    problems.push(`description 须为 ${DESCRIPTION.min} 至 ${DESCRIPTION.max} 个字符 (description must be ${DESCRIPTION.min} to ${DESCRIPTION.max} characters)`);
  }

  const name = composeName(single(body, 'first_name', problems), single(body, 'last_name', problems));
  if (name && name.length > MAX_NAME) problems.push(tooLong('first_name + last_name', MAX_NAME));
  const phone = single(body, 'phone', problems);
  if (phone !== undefined) {
    const checked = validatePhone(phone);
    if (!checked.ok) problems.push(`phone: ${PHONE_ERROR_MESSAGES[checked.reason].zh} (${PHONE_ERROR_MESSAGES[checked.reason].en})`);
    else if (!name) problems.push('留电话时须同时填写姓名 first_name 或 last_name (a phone number needs a name: first_name or last_name)');
  }
  const email = single(body, 'email', problems);
  if (email !== undefined && (email.length > 254 || !EMAIL.test(email))) problems.push('email 格式不正确 (email is not a valid address)');
  single(body, 'device_id', problems);
  const accountId = single(body, 'account_id', problems);
  if (accountId && accountId.length > MAX_ACCOUNT) problems.push(tooLong('account_id', MAX_ACCOUNT));
  const mediaUrl = httpUrl(single(body, 'media_url', problems), problems);

  let attributes: Record<string, AttributeValue> = {};
  if (category) {
    const checked = checkAttributes(serviceDefinition(category), body.attribute);
    if (checked.ok) attributes = checked.values;
    else problems.push(...checked.problems);
  }
  const { [ATTRIBUTE.headcount]: headcount, ...rest } = attributes;
  if (headcount !== undefined && (typeof headcount !== 'number' || !Number.isInteger(headcount) || headcount < 1 || headcount > MAX_HEADCOUNT)) {
    problems.push(`attribute[${ATTRIBUTE.headcount}] 须为 1 至 ${MAX_HEADCOUNT} 的整数 (attribute[${ATTRIBUTE.headcount}] must be a whole number from 1 to ${MAX_HEADCOUNT})`);
  }

  if (problems.length || !category || !description) return { ok: false, problems };
  const dto: CreateGrievanceDto = {
    channel: 'open311',
    regionCode,
    categoryCode: category.code,
    description,
    ...(name ? { petitioner: { name, ...(phone ? { phone } : {}) } } : {}),
    ...(lat !== undefined && lng !== undefined ? { location: { lat, lng, ...(addressString ? { address: addressString } : {}) } } : {}),
    ...(typeof headcount === 'number' ? { headcount } : {}),
    ...(accountId ? { channelDetails: { account: accountId } } : {}),
  };
  return { ok: true, dto, extras: { addressString: addressString ?? null, addressId: addressId ?? null, mediaUrl, attributes: rest } };
}
