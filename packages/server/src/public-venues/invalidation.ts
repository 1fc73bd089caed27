/**
 * Keeps cached public profiles honest: a successful write under `/venues/:venueId/…` (ledgers, ratings,
 * staff, the venue itself) drops that venue's cached profile before the answer leaves. Registered in the
 * `/v1` context ahead of the feature plugins, it adds an `onSend` hook to those write routes only, so
 * reads (the QR profile above all) pay nothing for it.
 */
import type { FastifyPluginAsync, onSendHookHandler } from 'fastify';
import { profileCacheOf } from './profile-cache.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isVenueWrite(method: string | readonly string[], url: string): boolean {
  const methods = typeof method === 'string' ? [method] : method;
  return url.includes(':venueId') && methods.some((m) => WRITES.has(m));
}

const plugin: FastifyPluginAsync = async (app) => {
  const cache = profileCacheOf(app.ctx.database);
  // Another instance sharing the database wrote under this venue: drop its profile here too.
  app.ctx.cluster.onEvent((event) => {
    if (event.kind === 'venue') cache.invalidateVenue(event.venueId);
    if (event.kind === 'lists') cache.clear();
  });
  // Answered only once the other instances can learn of the write: a reload that lands on another one a moment
  // later reads it.
  const invalidate: onSendHookHandler = async (request, reply, payload) => {
    const venueId = (request.params as { venueId?: unknown } | undefined)?.venueId;
    if (reply.statusCode < 400 && typeof venueId === 'string') {
      cache.invalidateVenue(venueId);
      await app.ctx.cluster.publish({ kind: 'venue', venueId });
    }
    return payload;
  };
  app.addHook('onRoute', (route) => {
    if (!isVenueWrite(route.method, route.url)) return;
    const existing = route.onSend;
    route.onSend =
      existing === undefined ? [invalidate] : [...(Array.isArray(existing) ? existing : [existing]), invalidate];
  });
};
// Not encapsulated (what fastify-plugin does): the hook applies to the context that registers it.
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const publicProfileInvalidation = plugin;
