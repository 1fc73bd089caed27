import type { FastifyPluginAsync } from 'fastify';
import { ledgerChainRoutes } from './chain-routes.js';
import { ledgerReadRoutes } from './read-routes.js';
import { ledgerWriteRoutes } from './write-routes.js';

/** Ledgers (电子台账): writes, reads, the hash chain. */
export const ledgerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(ledgerWriteRoutes);
  await app.register(ledgerReadRoutes);
  await app.register(ledgerChainRoutes);
};
