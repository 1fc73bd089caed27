/**
 * A small, tolerant XML reader for device payloads: namespaces are kept as prefixes but looked up by
 * local name, a bare `&` (common in camera firmware) stays literal text, comments, processing
 * instructions, DOCTYPE and CDATA are handled. Structure is strict: a truncated or mismatched document
 * is an error, never a guess. Iterative, so deep nesting cannot overflow the stack.
 */

export interface XmlElement {
  /** Local name, without the namespace prefix. */
  readonly name: string;
  readonly prefix?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data, entity-decoded, not trimmed. */
  readonly text: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; reason: string; offset: number };

interface Building {
  qname: string;
  name: string;
  prefix?: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.\-:]*$/;
const MAX_DEPTH = 128;

export function parseXml(source: string): XmlParseResult {
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (reason: string, offset = i): XmlParseResult => ({ ok: false, reason, offset });

  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i) {
      const text = source.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(text);
      else if (text.trim() !== '') return fail(root ? 'content after the root element' : 'content before the root');
    }
    if (lt === -1) break;
    i = lt;
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end === -1) return fail('unterminated processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end === -1) return fail('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      const top = stack[stack.length - 1];
      if (end === -1 || !top) return fail('unterminated or misplaced CDATA');
      top.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      const bracket = source.indexOf('[', i);
      const close = source.indexOf('>', i);
      if (close === -1) return fail('unterminated declaration');
      const end = bracket !== -1 && bracket < close ? source.indexOf(']>', bracket) : close - 1;
      if (end === -1) return fail('unterminated declaration');
      i = bracket !== -1 && bracket < close ? end + 2 : close + 1;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i + 2);
      if (end === -1) return fail('unterminated end tag');
      const qname = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.qname !== qname) return fail(`end tag </${qname}> does not match`);
      const element = finish(open);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      i = end + 1;
    } else {
      if (root && stack.length === 0) return fail('a second root element');
      const tag = readStartTag(source, i);
      if (!tag.ok) return fail(tag.reason);
      const [prefix, name] = splitName(tag.qname);
      const building: Building = { qname: tag.qname, name, attributes: tag.attributes, children: [], text: '' };
      if (prefix !== undefined) building.prefix = prefix;
      i = tag.end;
      if (tag.selfClosing) {
        const element = finish(building);
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else root = element;
      } else {
        if (stack.length >= MAX_DEPTH) return fail('nesting too deep');
        stack.push(building);
      }
    }
  }
  if (stack.length > 0) return fail(`unclosed <${stack[stack.length - 1]!.qname}>`, source.length);
  if (!root) return fail('no root element', source.length);
  return { ok: true, root };
}

function finish(b: Building): XmlElement {
  return b.prefix === undefined
    ? { name: b.name, attributes: b.attributes, children: b.children, text: b.text }
    : { name: b.name, prefix: b.prefix, attributes: b.attributes, children: b.children, text: b.text };
}

function splitName(qname: string): [string | undefined, string] {
  const colon = qname.indexOf(':');
  return colon === -1 ? [undefined, qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

type StartTag =
  | { ok: true; qname: string; attributes: Record<string, string>; selfClosing: boolean; end: number }
  | { ok: false; reason: string };

function readStartTag(source: string, start: number): StartTag {
  let i = start + 1;
  while (i < source.length && !/[\s/>]/.test(source[i]!)) i++;
  const qname = source.slice(start + 1, i);
  if (!NAME.test(qname)) return { ok: false, reason: `bad element name "${qname.slice(0, 40)}"` };
  const attributes: Record<string, string> = {};
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (i >= source.length) return { ok: false, reason: 'unterminated start tag' };
    if (source[i] === '>') return { ok: true, qname, attributes, selfClosing: false, end: i + 1 };
    if (source.startsWith('/>', i)) return { ok: true, qname, attributes, selfClosing: true, end: i + 2 };
    const nameStart = i;
    while (i < source.length && !/[\s=/>]/.test(source[i]!)) i++;
    const attr = source.slice(nameStart, i);
    if (!NAME.test(attr)) return { ok: false, reason: `bad attribute name "${attr.slice(0, 40)}"` };
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source[i] !== '=') {
      attributes[attr] = '';
      continue;
    }
    i++;
    while (i < source.length && /\s/.test(source[i]!)) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") return { ok: false, reason: `unquoted value of ${attr}` };
    const close = source.indexOf(quote, i + 1);
    if (close === -1) return { ok: false, reason: 'unterminated attribute value' };
    attributes[attr] = decodeEntities(source.slice(i + 1, close));
    i = close + 1;
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric references; anything else (a bare `&`) stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
