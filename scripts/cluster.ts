/**
 * `pnpm cluster`: a local cluster on this machine — a throwaway PostgreSQL, Mosquitto with the platform's
 * configuration and two server instances on HTTP ports 8081 and 8082 (BK_CLUSTER_BASE_PORT moves them),
 * the demo city seeded and demo-accounts.json in BK_DATA_DIR (default ./cluster-data). Stops everything
 * on SIGINT/SIGTERM. See docs/deploy.md.
 */
import { resolve } from 'node:path';
import { startLocalCluster } from '../packages/server/src/testing/local-cluster.js';

const basePort = Number(process.env.BK_CLUSTER_BASE_PORT ?? 8081);
if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65534) {
  console.error(`BK_CLUSTER_BASE_PORT must be a port number (got ${process.env.BK_CLUSTER_BASE_PORT})`);
  process.exit(2);
}
const dataDir = resolve(process.env.BK_DATA_DIR ?? 'cluster-data');
const verbose = process.env.BK_CLUSTER_VERBOSE === '1';

console.log(`Starting a local cluster: PostgreSQL, Mosquitto, 2 servers on ${basePort} and ${basePort + 1}…`);
const cluster = await startLocalCluster({
  basePort,
  instances: 2,
  dataDir,
  runner: 'dist',
  // The broker enforces the platform's rules: devices get credentials and topic ACLs as they are registered.
  dynamicSecurity: true,
  onLine: (line) => {
    // Seeding progress and warnings are worth seeing; the demo banner is printed once below.
    if (verbose || /\[seed\]|warn|error|fail/i.test(line)) console.log(line);
  },
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the servers, Mosquitto and PostgreSQL…`);
  await cluster.stop();
  console.log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

console.log(
  [
    '',
    'Bright Kitchen local cluster (明厨亮灶 本地集群)',
    ...cluster.instances.map((i) => `  ${i.name}: ${i.baseUrl}  (docs ${i.baseUrl}/docs)`),
    `  PostgreSQL: ${cluster.databaseUrl}`,
    `  Mosquitto (MQTT TCP port ${cluster.mqttPort}): ${cluster.mqttUrl} — dynamic security: devices connect with the credentials their registration answers`,
    `  data: ${dataDir} (demo-accounts.json, ledger signing key)`,
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'),
);
