/**
 * Keeps cached public profiles honest: any successful write under `/venues/:venueId/…` (ledgers, ratings,
 * staff, the venue itself) drops that venue's cached profile before the answer leaves. Registered in the
 * `/v1` context ahead of the feature plugins, so it sees their routes without them knowing about it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { profileCacheOf } from './profile-cache.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const plugin: FastifyPluginAsync = async (app) => {
  const cache = profileCacheOf(app.ctx.database);
  app.addHook('onSend', async (request, reply, payload) => {
    if (!WRITES.has(request.method) || reply.statusCode >= 400) return payload;
    const venueId = (request.params as { venueId?: unknown } | undefined)?.venueId;
    if (typeof venueId === 'string') cache.invalidateVenue(venueId);
    return payload;
  });
};
// Not encapsulated (what fastify-plugin does): the hook applies to the context that registers it.
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const publicProfileInvalidation = plugin;
