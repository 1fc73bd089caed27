/**
 * Reading a QR code in a browser: a photo (the camera, or the album) read by the browser's own `BarcodeDetector`
 * (Chrome on Android, Safari 17+…). Browsers without it cannot read one: the scan page then tells the person to
 * use the phone's camera or WeChat, whose scanners open the venue page straight from the code.
 */
import Taro from '@tarojs/taro';
import type { ScanResult } from './scan-code';

interface DetectedBarcode {
  readonly rawValue: string;
}
type BarcodeDetectorClass = new (options: {
  formats: string[];
}) => {
  detect(source: ImageBitmap): Promise<DetectedBarcode[]>;
};

function detectorClass(): BarcodeDetectorClass | undefined {
  return typeof window === 'undefined'
    ? undefined
    : (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

export function canScan(): boolean {
  return detectorClass() !== undefined && typeof createImageBitmap === 'function';
}

export async function scanCode(): Promise<ScanResult> {
  const Detector = detectorClass();
  if (!Detector) return { kind: 'failed' };
  let path: string | undefined;
  try {
    const chosen = await Taro.chooseImage({ count: 1, sourceType: ['camera', 'album'] });
    path = chosen.tempFilePaths[0];
  } catch {
    return { kind: 'cancelled' };
  }
  if (!path) return { kind: 'cancelled' };
  try {
    const bitmap = await createImageBitmap(await (await fetch(path)).blob());
    const [code] = await new Detector({ formats: ['qr_code'] }).detect(bitmap);
    return code?.rawValue ? { kind: 'text', text: code.rawValue } : { kind: 'nothing' };
  } catch {
    return { kind: 'failed' };
  }
}
