/**
 * A certificate's QR code: the link to the public check (`/app/#/training/verify/index?code=…` on the platform's
 * origin), drawn on the phone as a GIF data URL (qrcode-generator: no canvas, no network), so an inspector scans it.
 */
import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { endpoints } from '../lib/client';

/** Where anyone checks the certificate of `code`. */
export function verifyUrl(code: string): string {
  return `${endpoints().baseURL}/app/#/training/verify/index?code=${code}`;
}

/** The QR code of `text` as a `data:image/gif;base64,…` URL (error correction M: survives a scuffed print). */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(4, 8);
}

export function CertificateQr({ code }: { code: string }) {
  const url = verifyUrl(code);
  return (
    <View className="certificate-qr" data-verify-url={url}>
      <Image src={qrDataUrl(url)} className="certificate-qr-image" aria-label="证书核验二维码" />
      <Text className="muted">扫码核验证书</Text>
    </View>
  );
}
