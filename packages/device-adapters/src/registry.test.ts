import { defineAdapter } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { adapterFor, allAdapters, registerAdapter } from './registry.js';
import { tasmota } from './vendors/tasmota/index.js';

const own = defineAdapter({
  vendor: 'acme-probe',
  models: ['P1'],
  description: { zh: '测试探头', en: 'test probe' },
  inputs: [{ transport: 'mqtt', topics: ['acme/+/data'] }],
  convert: () => ({ ok: true, events: [] }),
});

describe('registering a vendor’s own adapter', () => {
  it('finds it by name beside the built-in ones', () => {
    registerAdapter(own);
    expect(adapterFor('acme-probe')).toBe(own);
    expect(allAdapters().map((a) => a.vendor)).toEqual(expect.arrayContaining(['tasmota', 'acme-probe']));
    registerAdapter(own); // the same adapter again changes nothing
  });

  it('refuses a taken name, a bad name and what is not an adapter', () => {
    expect(() => registerAdapter({ ...own, vendor: 'tasmota' })).toThrow(/taken/);
    expect(() => registerAdapter({ ...own, vendor: 'Bad Name' })).toThrow(TypeError);
    expect(() => registerAdapter({ vendor: 'half-adapter' } as unknown as typeof own)).toThrow(/convert/);
    expect(adapterFor('tasmota')).toBe(tasmota);
  });
});
