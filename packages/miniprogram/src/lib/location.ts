/**
 * The person's position for a complaint, in GCJ-02 (what maps in China and the regulators' complaint map use). In
 * WeChat: `Taro.getLocation({ type: 'gcj02' })`. The H5 build takes location.h5.ts (the browser's WGS-84, converted).
 */
import type { ComplaintLocation } from '@brightkitchen/sdk';
import Taro from '@tarojs/taro';

export type LocationResult =
  | { readonly kind: 'ok'; readonly location: ComplaintLocation }
  /** The person (or the phone's settings) did not allow it. */
  | { readonly kind: 'denied' }
  | { readonly kind: 'timeout' }
  /** No position to be had: no GPS fix, no network, a browser on a plain http page. */
  | { readonly kind: 'unavailable' };

/** What the person reads when no location could be attached, per reason. */
export const LOCATION_TEXT: Readonly<Record<Exclude<LocationResult['kind'], 'ok'>, string>> = {
  denied: '您没有允许获取位置，投诉将不附带位置。可在右上角「…」→「设置」中允许后再打开开关',
  timeout: '定位超时，投诉将不附带位置；到开阔处后可再打开开关重试',
  unavailable: '暂时无法确定您的位置，投诉将不附带位置',
};

export async function currentLocation(): Promise<LocationResult> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' });
    return { kind: 'ok', location: { lat: res.latitude, lng: res.longitude } };
  } catch (error) {
    const reason = String((error as { errMsg?: string })?.errMsg ?? error);
    if (/auth|deny|denied|permission/i.test(reason)) return { kind: 'denied' };
    if (/timeout/i.test(reason)) return { kind: 'timeout' };
    return { kind: 'unavailable' };
  }
}
