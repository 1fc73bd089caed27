import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Serves the mini-program's H5 build at `/app/` (hash router: `/app/#/pages/venue/index?code=…`), so the
 * start command gives a newcomer a clickable app. `/` leads there, or to the API docs when no build exists.
 */
export const appStaticRoutes: FastifyPluginAsync = async (app) => {
  await app.register(consoleRoutes);
  const dir = app.ctx.config.appDir;
  const built = existsSync(join(dir, 'index.html'));
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(built ? '/app/' : '/docs'));
  if (!built) {
    app.get('/app/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('H5 应用尚未构建，请运行 pnpm build:h5 / The H5 app is not built: run `pnpm build:h5`.\n'),
    );
    return;
  }
  // Compression only in this plugin's context: the app's files shrink ~3×, the API's hot routes stay untouched. The
  // build leaves brotli (quality 11) and gzip copies beside its files (`preCompressed`): sent as they are, ~15 %
  // smaller than compressing on the fly; a file without one is compressed here.
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyStatic, { root: dir, prefix: '/app/', redirect: true, maxAge: '1h', preCompressed: true });
};

/** The regulators' console (packages/console's build) at `/console/`, or a note saying how to build it. */
const consoleRoutes: FastifyPluginAsync = async (app) => {
  const dir = app.ctx.config.consoleDir;
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/console/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('监管平台尚未构建，请运行 pnpm build / The console is not built: run `pnpm build`.\n'),
    );
    return;
  }
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    redirect: true,
    maxAge: '1h',
    decorateReply: false,
  });
};
