/**
 * The signed webhook: `POST <url>` with the JSON event; headers `X-BK-Event`, `X-BK-Timestamp`
 * (epoch ms) and `X-BK-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
 * Any 2xx answer is a delivery.
 */
import { nodeHmacSha256Hex } from '../crypto/index.js';

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${nodeHmacSha256Hex(secret, `${timestamp}.${body}`)}`;
}

export async function sendWebhook(
  url: string,
  secret: string,
  event: string,
  body: string,
  now: number,
): Promise<void> {
  const timestamp = String(now);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-bk-event': event,
      'x-bk-timestamp': timestamp,
      'x-bk-signature': webhookSignature(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(5000),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook HTTP ${res.status}`);
}
