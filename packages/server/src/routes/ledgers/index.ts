import type { FastifyPluginAsync } from 'fastify';
import { ledgerChainRoutes } from './chain.js';
import { ledgerReadRoutes } from './read.js';
import { ledgerWriteRoutes } from './write.js';

/** Ledgers (电子台账): writes, reads, the hash chain. */
export const ledgerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(ledgerWriteRoutes);
  await app.register(ledgerReadRoutes);
  await app.register(ledgerChainRoutes);
};
