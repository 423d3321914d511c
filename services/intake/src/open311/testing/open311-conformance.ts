// Test support only (imported by *.int-spec.ts): the published-schema check, a strict little XML
// reader, and a catalogue a test can switch off. `ajv` is there through eslint; tests only.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CategorySummary } from '@yikouban/contracts';
import type { CategoryCatalogue } from '../catalogue/category-catalogue';
import { CatalogueUnavailableError } from '../open311.errors';

export type SchemaName = 'discovery' | 'services' | 'service-definition' | 'requests' | 'post-response' | 'tokens' | 'errors';

const ajv = new Ajv({ allErrors: true, format: 'full' });
const compiled = new Map<SchemaName, Ajv.ValidateFunction>();

/** The problems of `body` against schemas/<name>.schema.json; empty when it conforms. */
export function schemaProblems(name: SchemaName, body: unknown): string[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', 'schemas', `${name}.schema.json`), 'utf8')));
    compiled.set(name, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
  selfClosing: boolean;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  if (/[<>]/.test(text)) throw new Error(`raw markup in text: ${text}`);
  return text.replace(/&([^;]*);|&/g, (whole, e?: string) => {
    if (e === undefined) throw new Error('bare & in text');
    if (e in ENTITY) return ENTITY[e];
    const hex = /^#x([0-9a-f]+)$/i.exec(e);
    if (hex) return String.fromCodePoint(parseInt(hex[1], 16));
    throw new Error(`unknown entity ${whole}`);
  });
}

/** Reads the XML we write: a declaration, then elements holding either text or elements (no mixing). */
export function parseXml(doc: string): XmlNode {
  if (!doc.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('no XML declaration');
  const s = doc.replace(/^<\?xml[^?]*\?>\s*/, '');
  let i = 0;
  const element = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)(\/?)>/.exec(s.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${s.slice(i, i + 30)}`);
    i += open[0].length;
    const node: XmlNode = { name: open[1], children: [], text: '', selfClosing: open[2] === '/' };
    if (node.selfClosing) return node;
    for (;;) {
      if (s.startsWith(`</${node.name}>`, i)) {
        i += node.name.length + 3;
        if (node.text && node.children.length) throw new Error(`mixed content in ${node.name}`);
        return node;
      }
      if (s[i] === '<') node.children.push(element());
      else {
        const next = s.indexOf('<', i);
        if (next < 0) throw new Error(`unclosed ${node.name}`);
        node.text += unescape(s.slice(i, next));
        i = next;
      }
    }
  };
  const root = element();
  if (i !== s.length) throw new Error('content after the root element');
  return root;
}

/** The list wrappers of GeoReport v2 XML; everything else with children is a record. */
const LISTS = new Set(['services', 'service_requests', 'errors', 'attributes', 'values', 'endpoints', 'formats']);

/** An XML element as plain data: lists as arrays, records as objects, text as strings, empty as null. */
export function xmlToPlain(node: XmlNode): unknown {
  if (LISTS.has(node.name)) return node.children.map(xmlToPlain);
  if (node.children.length) return Object.fromEntries(node.children.map((c) => [c.name, xmlToPlain(c)]));
  return node.selfClosing || node.text === '' ? null : node.text;
}

/** The JSON answer as XML would carry it: every scalar a string, absent fields left out. */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asXmlText(v)]));
  return String(value);
}

/** A fixed catalogue a test can make unavailable, as routing would be when it is down. */
export class SwitchableCatalogue implements CategoryCatalogue {
  available = true;
  constructor(private readonly categories: CategorySummary[]) {}
  async list(): Promise<CategorySummary[]> {
    if (!this.available) throw new CatalogueUnavailableError('switched off by the test');
    return [...this.categories];
  }
}

export const TEST_CATEGORIES: CategorySummary[] = [
  { code: 'road_damage', name: '道路损坏', nameEn: 'Road damage', matterClass: 'suggestion', statutoryPaths: [], keywords: ['路面', '坑洼'], listVersion: 1 },
  { code: 'wage_arrears', name: '拖欠工资', nameEn: 'Wage arrears', matterClass: 'claim', statutoryPaths: ['arbitration', 'litigation'], keywords: ['欠薪'], listVersion: 1 },
  { code: 'official_misconduct', name: '干部作风', nameEn: 'Official misconduct', matterClass: 'accusation', statutoryPaths: [], keywords: ['作风'], listVersion: 1 },
];
