/**
 * WGS-84 (what a browser's or a phone's GPS gives) → GCJ-02 (what maps in China, WeChat's `getLocation` and the
 * platform's complaint map use), by the published transform (Krasovsky 1940 ellipsoid; the formula of the
 * eviltransform and coordtransform libraries). Outside China's bounding box the coordinates are left as they are.
 */

/** A point in degrees. */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

const A = 6378245.0;
const EE = 0.006693421622965943;

/** True outside the rough box of mainland China, where GCJ-02 equals WGS-84. */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function shiftLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/**
 * A WGS-84 point as GCJ-02 (offsets of a few hundred metres inside China; unchanged outside it).
 *
 * @example
 * wgs84ToGcj02({ lat: 39.915, lng: 116.404 }) // { lat: 39.91640428150164, lng: 116.41024449916938 }
 */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng };
  const { lat, lng } = point;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}
