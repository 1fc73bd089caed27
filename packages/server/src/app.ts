/**
 * `buildApp(config)`: opens the database, runs migrations and registers every feature plugin.
 * The caller listens (`app.listen`) and closes (`app.close()` also closes the database).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { registerAuthenticate } from './auth/authenticate.js';
import { ReplayCache } from './auth/replay-cache.js';
import { createClusterLink } from './cluster/cluster-link.js';
import type { ServerConfig } from './config.js';
import './context.js';
import { meRoutes } from './accounts/routes.js';
import { alertRoutes } from './alerts/routes.js';
import { appScriptHashes } from './app-static/inline-scripts.js';
import { appStaticRoutes } from './app-static/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { complaintRoutes } from './complaints/routes.js';
import { platformSigner } from './crypto/index.js';
import { type Database, migrateToLatest, openDatabase } from './db/index.js';
import { LEDGER_ANCHORS_MIGRATION } from './db/migrations/039-ledger-anchors.js';
import { loadAdapterModules } from './devices/adapter-modules.js';
import type { Clock } from './devices/clock.js';
import { deviceRoutes } from './devices/routes.js';
import { registerDevicesRuntime } from './devices/runtime.js';
import { openApiOptions } from './docs/openapi.js';
import { docsRoutes } from './docs/routes.js';
import { dutyRoutes } from './duties/routes.js';
import { registerErrorHandler } from './errors/index.js';
import { gatewayRoutes } from './gateways/routes.js';
import { healthRoutes } from './health/routes.js';
import { registerCors } from './http/cors.js';
import { registerRequestIdHeader, requestIdOf } from './http/request-id.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { importRoutes } from './imports/routes.js';
import { ingestRoutes } from './ingest/routes.js';
import { inspectionRoutes } from './inspections/routes.js';
import { registerGradesJob } from './jobs/grades-job.js';
import { registerLedgerRootJob } from './jobs/ledger-root-job.js';
import { registerRectificationOverdueJob } from './jobs/rectification-overdue-job.js';
import { registerRetentionJob } from './jobs/retention-job.js';
import { registerRiskRefitJob } from './jobs/risk-refit-job.js';
import { ledgerPhotoRoutes } from './ledger-photos/routes.js';
import { ledgerRootRoutes } from './ledger-roots/routes.js';
import { checkpointEarlierPurges } from './ledgers/index.js';
import { ledgerRoutes } from './ledgers/routes.js';
import { limitRoutes, registerRateLimits } from './limits/rate-limits.js';
import { listRoutes } from './listings/routes.js';
import { registerMetrics } from './metrics/register.js';
import { metricsRoutes } from './metrics/routes.js';
import { emqxHookRoutes } from './mqtt/emqx-hook-routes.js';
import { realtimeAccessRoutes } from './mqtt/realtime-access-routes.js';
import { registerMqttOverWebSocket } from './mqtt/ws-upgrade.js';
import { noticeRoutes } from './notices/routes.js';
import { openDataRoutes } from './open-data/routes.js';
import { publicProfileInvalidation } from './public-venues/invalidation.js';
import { publicVenueRoutes } from './public-venues/routes.js';
import { ratingRoutes } from './ratings/routes.js';
import { rectificationRoutes } from './rectifications/routes.js';
import { regionRoutes } from './regions/routes.js';
import { forgetRankings, onRankingsForgotten } from './risk/ranking.js';
import { riskRoutes } from './risk/routes.js';
import { RegionProfiles } from './rule-profiles/region-profiles.js';
import { ruleProfileRoutes } from './rule-profiles/routes.js';
import { samplingRoutes } from './sampling/routes.js';
import { tipRoutes } from './tips/routes.js';
import { trainingRoutes } from './training/routes.js';
import { venueRoutes } from './venues/routes.js';
import { cameraRoutes } from './video/channel-routes.js';
import { liveVideoRoutes } from './video/live-routes.js';
import { registerVideo } from './video/runtime.js';
import { warehouseRoutes } from './warehouse/routes.js';

export interface BuildAppOptions {
  /** Use an already opened database (tests, seeding); otherwise opened from `config.database`. */
  readonly database?: Database;
  /** Pino logger options or false; defaults to the config's log level (tests may pass a `stream` to read the lines). */
  readonly logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Time source of the devices runtime (thresholds, escalation); the system clock by default. */
  readonly clock?: Clock;
}

export async function buildApp(config: ServerConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? openDatabase(config.database);
  const applied = await migrateToLatest(database);
  // Chains purged before checkpoints existed keep verifying: their gaps are signed once, as 039 adds checkpoints.
  if (applied.includes(LEDGER_ANCHORS_MIGRATION)) {
    await checkpointEarlierPurges(database, platformSigner(config.ledgerSigningKey));
  }
  // A vendor's own adapters, before anything asks which vendors exist.
  await loadAdapterModules(config.devices.adapterModules);

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Every log line of a request carries `reqId`: the caller's sane X-Request-Id, or a fresh UUID.
    genReqId: requestIdOf,
    // Bodies are validated as sent: no silent type coercion, no stripping.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    // Per-request lines only when debugging: the hot routes (QR profile, ledger writes) stay cheap.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  // Before anything that runs clock work: this instance learns whether it leads (alone on SQLite it does).
  const cluster = createClusterLink(config.database, { log: (message, err) => app.log.info({ err }, message) });
  await cluster.start();
  app.addHook('onClose', async () => cluster.close());
  app.decorate('ctx', {
    config,
    database,
    cluster,
    replayCache: new ReplayCache(database, config.partnerWindowMs),
    profiles: new RegionProfiles(database),
  });
  if (!options.database) app.addHook('onClose', async () => database.close());
  // A region's rule numbers set on another instance apply here at once.
  cluster.onEvent((event) => {
    if (event.kind === 'region') app.ctx.profiles.changed(event.regionId);
    // A refit (or a policy change) on another instance: its rankings replace the ones cached here.
    if (event.kind === 'rankings') forgetRankings(database, true);
  });
  onRankingsForgotten(database, () => void cluster.publish({ kind: 'rankings' }));

  // Keep the raw JSON text: partner signatures and idempotency compare exactly what was sent.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    defaultJson(request, body as string, done);
  });

  registerErrorHandler(app);
  // On every answer, before any route exists: security headers, the request id, CORS, the HTTP metrics.
  registerSecurityHeaders(
    app,
    appScriptHashes(config.appDir),
    config.video.playBase ? new URL(config.video.playBase).origin : '',
  );
  registerRequestIdHeader(app);
  await registerCors(app, config.corsOrigins);
  const metrics = registerMetrics(app);
  await registerRateLimits(app);
  registerRetentionJob(app);
  registerLedgerRootJob(app);
  registerRiskRefitJob(app);
  registerGradesJob(app);
  registerRectificationOverdueJob(app);
  // MQTT broker, ingestion, alert engine and escalation: started on ready, stopped on close.
  registerDevicesRuntime(app, options.clock ? { clock: options.clock } : {});
  // Camera channels to HLS with ffmpeg: recorded ones from start, public ones while watched; stopped on close.
  const video = registerVideo(app);
  // Realtime on the API's own origin: MQTT over WebSocket at /mqtt (embedded broker).
  registerMqttOverWebSocket(app);
  await app.register(swagger, openApiOptions());
  // Authorize once: "Try it out" keeps sending the token across reloads of /docs.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } });
  await app.register(healthRoutes);
  await app.register(metricsRoutes, { registry: metrics });
  await app.register(docsRoutes);
  await app.register(appStaticRoutes);

  await app.register(
    async (api) => {
      registerAuthenticate(api);
      limitRoutes(api);
      await api.register(publicProfileInvalidation);
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(meRoutes);
      await api.register(regionRoutes);
      await api.register(venueRoutes);
      await api.register(ledgerRoutes);
      await api.register(ratingRoutes);
      await api.register(noticeRoutes);
      await api.register(inspectionRoutes);
      await api.register(listRoutes);
      await api.register(rectificationRoutes);
      await api.register(samplingRoutes);
      await api.register(tipRoutes);
      await api.register(dutyRoutes);
      await api.register(complaintRoutes);
      await api.register(ledgerPhotoRoutes);
      await api.register(ledgerRootRoutes);
      await api.register(ruleProfileRoutes);
      await api.register(alertRoutes);
      await api.register(publicVenueRoutes);
      await api.register(openDataRoutes);
      await api.register(deviceRoutes);
      await api.register(gatewayRoutes);
      await api.register(ingestRoutes);
      await api.register(emqxHookRoutes);
      await api.register(realtimeAccessRoutes);
      await api.register(auditRoutes);
      await api.register(trainingRoutes);
      await api.register(warehouseRoutes);
      await api.register(riskRoutes);
      await api.register(cameraRoutes);
      await api.register(importRoutes);
    },
    { prefix: '/v1' },
  );
  // Signed play URLs: no login and no per-IP limit (a player reloads every second); the signature is the permission.
  await app.register(liveVideoRoutes(video), { prefix: '/v1' });
  return app;
}
