/** The reference: the same broker library the platform embeds (aedes), with no auth and no processing. */
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { Aedes } from 'aedes';

// The embedded broker's own options, so the comparison is the processing, not the broker.
const broker = await Aedes.createBroker({ heartbeatInterval: 60_000, drainTimeout: 10_000, concurrency: 1000 });
const server = createServer(broker.handle);
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
// Readiness for the benchmark's process helper.
createHttpServer((_req, res) => res.writeHead(200).end('ok')).listen(Number(process.env.HEALTH_PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  broker.close(() => process.exit(0));
});
