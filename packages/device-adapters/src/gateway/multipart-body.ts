/** An ISAPI event with its snapshots, as the multipart body the platform's receiver reads. */
import type { IsapiRelayBody } from './forward.js';

export function isapiHttpBody(
  relay: IsapiRelayBody,
  boundary = 'bk-gateway-boundary',
): { contentType: string; body: Buffer } {
  const payload = Buffer.from(relay.payloadBase64, 'base64');
  if (relay.attachments.length === 0) return { contentType: relay.contentType, body: payload };
  const parts: Buffer[] = [];
  const part = (headers: string[], bytes: Buffer) =>
    parts.push(
      Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\nContent-Length: ${bytes.length}\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    );
  part([`Content-Type: ${relay.contentType}`], payload);
  for (const a of relay.attachments)
    part([`Content-Type: ${a.contentType}`, `Content-ID: ${a.id}`], Buffer.from(a.bytesBase64, 'base64'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(parts) };
}
