import { describe, expect, it } from 'vitest';
import { parseXml } from './reader.js';
import { childText, descendants, xmlToObject } from './tree.js';

describe('parseXml', () => {
  it('reads namespaces by local name, attributes, entities, CDATA, comments', () => {
    const result = parseXml(
      '<?xml version="1.0"?><!-- c --><a:Root xmlns:a="x" n="1 &amp; 2"><a:Item>x &lt; y &#x4E2D;</a:Item><Item><![CDATA[<raw>]]></Item></a:Root>',
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.root).toMatchObject({ name: 'Root', prefix: 'a', attributes: { 'xmlns:a': 'x', n: '1 & 2' } });
    expect(descendants(result.root, 'item').map((e) => e.text)).toEqual(['x < y 中', '<raw>']);
    expect(xmlToObject(result.root)).toEqual({ Item: ['x < y 中', '<raw>'] });
  });

  it('keeps a bare & literally, looks children up case-insensitively', () => {
    const result = parseXml('<Notify><DeviceId>A & B &nbsp</DeviceId></Notify>');
    expect(result.ok && childText(result.root, 'DeviceID')).toBe('A & B &nbsp');
  });

  it('refuses truncated, mismatched, doubled and too deep documents', () => {
    for (const bad of [
      '<a><b></b>',
      '<a></b>',
      '<a/><b/>',
      'text',
      '',
      '<a',
      '<a x=1/>',
      '<3 a>',
      `${'<a>'.repeat(200)}${'</a>'.repeat(200)}`,
    ]) {
      expect(parseXml(bad).ok, bad.slice(0, 20)).toBe(false);
    }
  });
});
