/**
 * helmet's security headers on every answer, 404s and errors included. Pages (Swagger UI, the H5 app) get the
 * whole set with the Content-Security-Policy they need; API answers (`/v1/…`, JSON) the part that means something
 * for a JSON body — nothing may run or frame it if it is opened as a page, no MIME sniffing, HSTS, no referrer, not
 * readable by other sites' no-cors requests. The headers depend on nothing in the request, so helmet is run once, at
 * start, and each reply gets one of the two sets through Fastify's own header map. Measured on the QR profile
 * (server CPU per request): @fastify/helmet 13 rebuilds helmet's middleware for every request (~11 µs), helmet's
 * middleware on the raw response pushes Node's writeHead off its fast path (~15 µs), and even precomputed, the
 * page set's 13 headers cost ~6 µs; the API set costs ~2 µs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { contentSecurityPolicy } from './content-security-policy.js';

/** The headers helmet's middleware sets, by lower-case name. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/** The page set: Swagger UI at /docs and the H5 app at /app/ run with it. */
export function pageHeaders(appScriptHashes: readonly string[], videoOrigin = ''): Record<string, string> {
  return helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(appScriptHashes, videoOrigin) },
    // This host only: the operator's other subdomains may still be plain HTTP.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
}

/** The API set: CSP, X-Frame-Options, CORP, Referrer-Policy, HSTS, nosniff; the page-only headers left out. */
export function apiHeaders(): Record<string, string> {
  return helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/**
 * What the live kitchen's players load — playlists, segments, the still — may be embedded by another origin's page
 * (a venue page served by an instance with `BK_VIDEO=elsewhere`, a partner's): a signed URL or a public picture,
 * so `Cross-Origin-Resource-Policy: cross-origin` (Safari plays HLS natively, without CORS).
 */
const MEDIA_PATH = /^\/v1\/(live|recordings)\/|^\/v1\/public\/venues\/[^/]+\/kitchen\.jpg(\?|$)/;

export function registerSecurityHeaders(
  app: FastifyInstance,
  appScriptHashes: readonly string[],
  videoOrigin = '',
): void {
  const page = pageHeaders(appScriptHashes, videoOrigin);
  const api = apiHeaders();
  const media = { ...api, 'cross-origin-resource-policy': 'cross-origin' };
  app.addHook('onRequest', (request, reply, done) => {
    const { url } = request;
    reply.headers(url.startsWith('/v1/') ? (MEDIA_PATH.test(url) ? media : api) : page);
    done();
  });
}
