/**
 * Reads a QR code for the scan page. In WeChat: `Taro.scanCode` (the camera or an album photo). The H5 build takes
 * scan-code.h5.ts instead: a browser has no scanner of its own.
 */
import Taro from '@tarojs/taro';

export type ScanResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'cancelled' }
  /** A photo was read, and there was no QR code in it. */
  | { readonly kind: 'nothing' }
  | { readonly kind: 'failed' };

/** False where this device cannot read a QR code at all (some browsers): the page then says what to do instead. */
export function canScan(): boolean {
  return true;
}

export async function scanCode(): Promise<ScanResult> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    const text = res.path || res.result;
    return text ? { kind: 'text', text } : { kind: 'nothing' };
  } catch (error) {
    return /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))
      ? { kind: 'cancelled' }
      : { kind: 'failed' };
  }
}
