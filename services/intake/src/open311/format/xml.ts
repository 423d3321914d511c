/**
 * A tiny XML writer for Open311 responses: one JSON-shaped value in, one XML document out.
 * Arrays become a wrapper element holding one child per item, named from `itemNames`
 * (`services` → `<services><service>…</service></services>`), as GeoReport v2 lays them out.
 */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [key: string]: XmlValue };

/** Element names we write are ours, never user input; a bad one is a programming error. */
const NAME = /^(?!xml)[A-Za-z_][A-Za-z0-9_.-]*$/i;

/**
 * Characters XML 1.0 cannot carry at all, even as `&#x…;` references: C0 controls other than tab,
 * newline and carriage return, U+FFFE/U+FFFF and lone surrogate halves. C1 controls are legal but
 * "discouraged" and break some parsers. Each becomes U+FFFD, so the loss is visible, not silent.
 */
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a literal CR into LF; as a reference it survives the round trip.
  '\r': '&#xD;',
};

/** Text safe inside an element or an attribute value. */
export function escapeXmlText(text: string): string {
  return text.replace(UNREPRESENTABLE, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${JSON.stringify(name)}`);
  return name;
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as XML`);
    return String(value);
  }
  return typeof value === 'boolean' ? String(value) : escapeXmlText(value);
}

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  const tag = checkName(name);
  if (value === undefined) return '';
  if (value === null) return `<${tag}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    return `<${tag}>${value.map((v) => element(item, v, itemNames)).join('')}</${tag}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, XmlValue>).map(([k, v]) => element(k, v, itemNames));
    return `<${tag}>${children.join('')}</${tag}>`;
  }
  return `<${tag}>${scalar(value as string | number | boolean)}</${tag}>`;
}

/** A whole document: declaration, then `root` holding `value`. `undefined` fields are left out, `null` ones are empty. */
export function renderXml(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value ?? null, itemNames)}`;
}
