import { describe, expect, it } from 'vitest';
import { outOfChina, wgs84ToGcj02 } from './coordinates.js';

describe('wgs84ToGcj02', () => {
  // Reference pairs published with eviltransform (its test suites) and coordtransform (its README).
  it.each([
    ['Shanghai', { lat: 31.1774276, lng: 121.5272106 }, { lat: 31.17530398364597, lng: 121.531541859215 }],
    ['Shenzhen', { lat: 22.543847, lng: 113.912316 }, { lat: 22.540796131694766, lng: 113.9171764808363 }],
    ['Beijing', { lat: 39.911954, lng: 116.377817 }, { lat: 39.91334545536069, lng: 116.38404722455657 }],
    ['Tiananmen', { lat: 39.915, lng: 116.404 }, { lat: 39.91640428150164, lng: 116.41024449916938 }],
  ])('moves %s to its published GCJ-02 point', (_place, wgs, gcj) => {
    const got = wgs84ToGcj02(wgs);
    expect(got.lat).toBeCloseTo(gcj.lat, 9);
    expect(got.lng).toBeCloseTo(gcj.lng, 9);
  });

  it('shifts a point in Liaocheng by a few hundred metres, the order of the real offset', () => {
    const wgs = { lat: 36.4567, lng: 115.9855 };
    const gcj = wgs84ToGcj02(wgs);
    const metres = Math.hypot((gcj.lat - wgs.lat) * 111_000, (gcj.lng - wgs.lng) * 111_000 * Math.cos(0.636));
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });

  it('leaves points outside China as they are', () => {
    for (const point of [
      { lat: 39.7392, lng: -104.9903 }, // Denver
      { lat: -27.4698, lng: 153.0251 }, // Brisbane
      { lat: 52.52, lng: 13.405 }, // Berlin
    ]) {
      expect(outOfChina(point)).toBe(true);
      expect(wgs84ToGcj02(point)).toEqual(point);
    }
  });
});
