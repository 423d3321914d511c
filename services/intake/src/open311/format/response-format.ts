import type { Response } from 'express';
import { renderXml, type XmlValue } from './xml';

/** GeoReport v2 names the format in the path: `services.json`, `requests/330621-26-2223F.xml`. */
export type Open311Format = 'json' | 'xml';

/** The XML element of one item in each list the spec defines. */
export const OPEN311_XML_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const CONTENT_TYPE: Record<Open311Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

export function isOpen311Format(value: string): value is Open311Format {
  return value === 'json' || value === 'xml';
}

/**
 * Splits `name.format` at the last dot, whatever the router left in the parameter
 * (`wage_arrears.json` → wage_arrears, json). Null when there is no known suffix.
 */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = file.slice(dot + 1).toLowerCase();
  return isOpen311Format(format) ? { name: file.slice(0, dot), format } : null;
}

/** The format an error answers in: the one the path asked for, JSON otherwise. */
export function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** Writes one Open311 body: the JSON value as is, or the same value as XML under `root`. */
export function sendOpen311(res: Response, format: Open311Format, status: number, root: string, body: XmlValue): void {
  const text = format === 'xml' ? renderXml(root, body, OPEN311_XML_ITEMS) : JSON.stringify(body);
  res.status(status).type(CONTENT_TYPE[format]).send(text);
}
