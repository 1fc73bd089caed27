/**
 * The venue page's one request, `GET /v1/public/venues/{code}`, without the full client: no session, outbox or
 * resource clients (and none of their validation code) in the page a consumer scans into. In h5 the page takes the
 * answer `index.html` already asked for while the app's code was loading, when it is for the same code.
 */
import { errorFromResponse, NetworkError, type PublicVenueProfile } from '@brightkitchen/sdk';
import { createTaroTransport, type TransportResponse } from '@brightkitchen/sdk/taro';
import { endpoints, taro } from './taro-api';
import { rememberTipsRegion } from './tips-region';

/** Set by the inline script of `src/index.html` (h5). */
interface EarlyRequest {
  readonly path: string;
  readonly answer: Promise<{ status: number; body: string }>;
}

export const publicProfilePath = (code: string) => `/v1/public/venues/${encodeURIComponent(code)}`;

/** The early request for `path`, once: a later load (after a rating) asks the server again. */
function takeEarly(path: string): EarlyRequest['answer'] | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  const w = window as unknown as { __bkEarly?: EarlyRequest };
  const early = w.__bkEarly;
  if (!early || early.path !== path) return undefined;
  w.__bkEarly = undefined;
  return early.answer;
}

// `no-cache`: revalidate (the server says max-age=30), so a consumer sees their own rating at once (h5 only).
let transport: ReturnType<typeof createTaroTransport> | null = null;

async function request(path: string): Promise<Pick<TransportResponse, 'status' | 'body'>> {
  const early = await takeEarly(path)?.catch(() => undefined);
  if (early) return early;
  transport ??= createTaroTransport(taro, { cache: 'no-cache' });
  try {
    return await transport({
      method: 'GET',
      url: `${endpoints().baseURL}${path}`,
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new NetworkError({ zh: `网络不可用（${reason}）`, en: `Network unavailable: ${reason}` }, cause);
  }
}

function parse(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export async function fetchPublicProfile(code: string): Promise<PublicVenueProfile> {
  const res = await request(publicProfilePath(code));
  const body = parse(res.body);
  if (res.status >= 200 && res.status < 300) {
    rememberTipsRegion((body as PublicVenueProfile).regionId);
    return body as PublicVenueProfile;
  }
  throw errorFromResponse(res.status, body);
}
