/**
 * Signed play URLs. The token is one path segment, so an HLS playlist's relative segment names resolve under the
 * same token and every request a player makes carries it:
 *   live:      `/v1/live/l.{channelId}.{expires}.{sig}/live.m3u8`
 *   recording: `/v1/recordings/r.{channelId}.{from}.{to}.{expires}.{sig}/index.m3u8`
 * Times are epoch seconds. The signature is an HMAC under a key derived from the platform's token secret, so any
 * instance checks what another signed. Live expiries are rounded up to the minute: the public profile, cached
 * for 30 s, carries the same URL to everyone who scans in that minute.
 */
import { timingSafeEqual } from 'node:crypto';
import { nodeHmacSha256 } from '../crypto/index.js';
import { AppError } from '../errors/index.js';

export interface LiveGrant {
  readonly kind: 'live';
  readonly channelId: string;
  readonly expires: number;
}

export interface RecordingGrant {
  readonly kind: 'recording';
  readonly channelId: string;
  readonly from: number;
  readonly to: number;
  readonly expires: number;
}

export type PlayGrant = LiveGrant | RecordingGrant;

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const SECONDS = /^\d{1,12}$/;

export class PlayTokens {
  private readonly key: Buffer;

  constructor(tokenSecret: string) {
    this.key = nodeHmacSha256(tokenSecret, 'bk-video-play-urls');
  }

  sign(grant: PlayGrant): string {
    const payload =
      grant.kind === 'live'
        ? `l.${grant.channelId}.${grant.expires}`
        : `r.${grant.channelId}.${grant.from}.${grant.to}.${grant.expires}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** The grant of a token whose signature matches; `LIVE_URL_INVALID` otherwise. Expiry is the caller's. */
  verify(token: string): PlayGrant {
    const cut = token.lastIndexOf('.');
    const payload = token.slice(0, cut);
    const mac = token.slice(cut + 1);
    if (cut < 0 || !this.macMatches(payload, mac)) throw new AppError('LIVE_URL_INVALID');
    const parts = payload.split('.');
    const [kind, channelId = '', ...times] = parts;
    if (!ID.test(channelId) || !times.every((t) => SECONDS.test(t))) throw new AppError('LIVE_URL_INVALID');
    const n = times.map(Number);
    if (kind === 'l' && n.length === 1) return { kind: 'live', channelId, expires: n[0] as number };
    if (kind === 'r' && n.length === 3) {
      return { kind: 'recording', channelId, from: n[0] as number, to: n[1] as number, expires: n[2] as number };
    }
    throw new AppError('LIVE_URL_INVALID');
  }

  private mac(payload: string): string {
    return nodeHmacSha256(this.key, payload).subarray(0, 18).toString('base64url');
  }

  private macMatches(payload: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** A live URL's expiry: `ttlSeconds` from now, rounded up to the minute. */
export function liveExpiry(nowMs: number, ttlSeconds: number): number {
  return Math.ceil((nowMs / 1000 + ttlSeconds) / 60) * 60;
}
