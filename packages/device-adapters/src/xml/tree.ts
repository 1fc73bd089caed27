/** Lookups on a parsed XML tree by local name, case-insensitive (device firmware varies `DeviceID`/`DeviceId`). */
import type { XmlElement } from './reader.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => same(c.name, name));
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => same(c.name, name)) : [];
}

/** The trimmed text of the first child called `name`, or undefined when absent or empty. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text === '' ? undefined : text;
}

/** The first element called `name` at any depth (depth-first, the element itself included). */
export function descendant(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  const pending: XmlElement[] = [element];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (same(next.name, name)) return next;
    for (let k = next.children.length - 1; k >= 0; k--) pending.push(next.children[k]!);
  }
  return undefined;
}

/** Every element called `name` at any depth, in document order. */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlElement[] = element ? [element] : [];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (same(next.name, name)) found.push(next);
    for (let k = next.children.length - 1; k >= 0; k--) pending.push(next.children[k]!);
  }
  return found;
}

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  readonly [key: string]: XmlValue;
}

/**
 * A JSON-like view: leaf elements become their trimmed text, repeated children become arrays,
 * attributes are dropped. Lets one converter read the XML and JSON variants of a format.
 */
export function xmlToObject(element: XmlElement): XmlValue {
  if (element.children.length === 0) return element.text.trim();
  const out: Record<string, XmlValue> = {};
  for (const c of element.children) {
    const value = xmlToObject(c);
    const existing = out[c.name];
    if (existing === undefined) out[c.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[c.name] = [existing, value];
  }
  return out;
}
