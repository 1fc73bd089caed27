/**
 * A camera source is an address the server itself connects to, so a manager could aim it at the server's own
 * services (the database, the broker, a cloud metadata endpoint). Unless BK_VIDEO_LOCAL_SOURCES is on, a source
 * whose host is, or resolves to, loopback, link-local or unspecified is refused with VIDEO_SOURCE_FORBIDDEN.
 * (Private LAN ranges stay allowed: cameras are reached over a venue's VPN.)
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { CameraSource } from '@brightkitchen/sdk';
import { AppError } from '../errors/index.js';

const LOCAL_V4 = [/^127\./, /^169\.254\./, /^0\./];
const LOCAL_V6 = [/^::1?$/, /^fe80:/i, /^::ffff:(127|169\.254|0)\./i];

export function isLocalAddress(address: string): boolean {
  return isIP(address) === 6 ? LOCAL_V6.some((r) => r.test(address)) : LOCAL_V4.some((r) => r.test(address));
}

/** The host of an rtsp/http source URL (brackets of an IPv6 literal removed). */
export function sourceHost(url: string): string {
  return new URL(url.replace(/^rtsps?:/i, 'http:')).hostname.replace(/^\[|\]$/g, '');
}

export async function checkSourceHost(source: CameraSource, allowLocal: boolean): Promise<void> {
  if (source.kind === 'gb28181' || allowLocal) return;
  const host = sourceHost(source.url);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new AppError('VIDEO_SOURCE_FORBIDDEN', { host });
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    // Not resolvable from here (yet): ffmpeg will find it unreachable and the channel shows unavailable.
    return;
  }
  if (addresses.some(isLocalAddress)) throw new AppError('VIDEO_SOURCE_FORBIDDEN', { host });
}
