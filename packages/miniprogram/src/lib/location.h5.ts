/**
 * The person's position in a browser: the Geolocation API gives WGS-84 (Taro's H5 `getLocation` knows no other, so
 * asking it for GCJ-02 always failed), converted here to GCJ-02 with the SDK's published transform.
 */
import { wgs84ToGcj02 } from '@brightkitchen/sdk';
import type { LocationResult } from './location';

export type { LocationResult } from './location';

export const LOCATION_TEXT: Readonly<Record<Exclude<LocationResult['kind'], 'ok'>, string>> = {
  denied: '您没有允许获取位置，投诉将不附带位置。可在浏览器的网站设置中允许后再打开开关',
  timeout: '定位超时，投诉将不附带位置；到开阔处后可再打开开关重试',
  unavailable: '这个浏览器无法提供位置，投诉将不附带位置',
};

export function currentLocation(): Promise<LocationResult> {
  // Browsers give positions only to https pages (and localhost).
  if (typeof navigator === 'undefined' || !navigator.geolocation || !window.isSecureContext) {
    return Promise.resolve({ kind: 'unavailable' });
  }
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude } = position.coords;
        resolve({ kind: 'ok', location: wgs84ToGcj02({ lat: latitude, lng: longitude }) });
      },
      (error) =>
        resolve(
          error.code === error.PERMISSION_DENIED
            ? { kind: 'denied' }
            : error.code === error.TIMEOUT
              ? { kind: 'timeout' }
              : { kind: 'unavailable' },
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
