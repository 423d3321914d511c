import type { Open311Attribute, Open311ServiceDefinition } from '../open311.types';
import { parseW3cDateTime } from '../requests/w3c-datetime';

/** An attribute value once checked: numbers as numbers, date-times as ISO, lists as key arrays. */
export type AttributeValue = string | number | string[];

export type AttributeCheck = { ok: true; values: Record<string, AttributeValue> } | { ok: false; problems: string[] };

const MAX_STRING = 255;
const MAX_TEXT = 4000;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** `attribute[code]=v` arrives (urlencoded, extended) as `{ code: 'v' }`, or `{ code: ['a','b'] }` for lists. */
function entries(raw: unknown): [string, unknown][] | string {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) return 'attribute 须按 attribute[代码]=值 提交 (send attributes as attribute[code]=value)';
  return Object.entries(raw as Record<string, unknown>);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

type One = { value: AttributeValue } | { problem: string };

function checkOne(a: Open311Attribute, raw: unknown): One {
  // A JSON body's numbers read as their text, like the form's.
  const v = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  const label = `attribute[${a.code}]`;
  if (a.datatype === 'multivaluelist') {
    const list: unknown[] = Array.isArray(v) ? v : [v];
    if (!list.every((x): x is string => typeof x === 'string')) return { problem: `${label} 的取值无效 (${label} must be a list of keys)` };
    const keys = (a.values ?? []).map((x) => x.key);
    const unknown = list.filter((x) => !keys.includes(x));
    if (unknown.length) return { problem: `${label} 不接受 ${unknown.join(', ')} (${label} takes only: ${keys.join(', ')})` };
    return { value: [...new Set(list)] };
  }
  if (typeof v !== 'string') return { problem: `${label} 只能有一个值 (${label} takes a single value)` };
  const text = v.trim();
  switch (a.datatype) {
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : { problem: `${label} 须为数字 (${label} must be a number)` };
    case 'datetime': {
      const at = parseW3cDateTime(text);
      return at ? { value: at.toISOString() } : { problem: `${label} 须为带时区的 W3C 日期时间 (${label} must be a W3C date-time with a zone, e.g. 2024-11-22T09:30:00+08:00)` };
    }
    case 'singlevaluelist': {
      const keys = (a.values ?? []).map((x) => x.key);
      return keys.includes(text) ? { value: text } : { problem: `${label} 不接受 ${text} (${label} takes only: ${keys.join(', ')})` };
    }
    case 'string':
    case 'text': {
      const max = a.datatype === 'string' ? MAX_STRING : MAX_TEXT;
      return text.length <= max ? { value: text } : { problem: `${label} 不得超过${max}个字符 (${label} is longer than ${max} characters)` };
    }
  }
}

/** Checks `attribute[…]` against a service definition: unknown codes, missing required ones, datatypes, list keys. */
export function checkAttributes(definition: Open311ServiceDefinition, raw: unknown): AttributeCheck {
  const given = entries(raw);
  if (typeof given === 'string') return { ok: false, problems: [given] };
  const byCode = new Map(definition.attributes.filter((a) => a.variable).map((a) => [a.code, a]));
  const problems: string[] = [];
  for (const [code] of given) {
    if (!byCode.has(code)) problems.push(`服务 ${definition.service_code} 没有属性 ${code} (service ${definition.service_code} has no attribute ${code})`);
  }
  const supplied = new Map(given);
  const values: Record<string, AttributeValue> = {};
  for (const a of byCode.values()) {
    const v = supplied.get(a.code);
    if (isBlank(v)) {
      if (a.required) problems.push(`attribute[${a.code}] 为必填项 (attribute[${a.code}] is required: ${a.description})`);
      continue;
    }
    const one = checkOne(a, v);
    if ('problem' in one) problems.push(one.problem);
    else values[a.code] = one.value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
