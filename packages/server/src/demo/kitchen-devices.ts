/**
 * The demo kitchen's devices registered to a venue: registered on the first start (the simulator's
 * vendors, binding keys and names), reused later with the secrets kept in the data dir; a device whose
 * secret was lost gets a new one. A binding already taken by another venue is left out.
 */
import {
  DEFAULT_KITCHEN,
  KITCHEN_DEVICES,
  type KitchenDeviceName,
  type KitchenDeviceSpec,
} from '@brightkitchen/device-adapters/simulator';
import type { FastifyInstance } from 'fastify';
import { hashDeviceSecret, newDeviceSecret } from '../devices/credentials.js';
import { type DeviceEntry, deviceEntryOf } from '../devices/device.js';
import { registerDevice } from '../devices/device-store.js';
import { readDemoDeviceSecrets, writeDemoDeviceSecrets } from './demo-devices-file.js';

export interface KitchenDevice {
  readonly name: KitchenDeviceName;
  readonly spec: KitchenDeviceSpec;
  readonly entry: DeviceEntry;
  readonly secret: string;
}

function registration(spec: KitchenDeviceSpec) {
  return {
    kind: spec.kind,
    vendor: spec.vendor,
    locationKind: spec.locationKind,
    name: spec.name.zh,
    binding: spec.vendor === 'hikvision-isapi' ? { address: spec.key } : { topic: spec.key },
    // The simulated Hikvision camera's AIOP rule 3 is "no chef hat".
    ...(spec.vendor === 'hikvision-isapi' ? { violationMap: { '3': 'no_hat' as const } } : {}),
  };
}

export async function ensureKitchenDevices(
  app: FastifyInstance,
  venueId: string,
  log: (message: string) => void = () => {},
): Promise<KitchenDevice[]> {
  const { database, config } = app.ctx;
  const secrets = readDemoDeviceSecrets(config.dataDir);
  const out: KitchenDevice[] = [];
  let changed = false;
  for (const name of KITCHEN_DEVICES) {
    const spec = DEFAULT_KITCHEN[name];
    const row = await database.db
      .selectFrom('devices')
      .selectAll()
      .where('vendor', '=', spec.vendor)
      .where('binding_key', '=', spec.key)
      .executeTakeFirst();
    if (row && row.venue_id !== venueId) {
      log(`simulator: ${spec.vendor} ${spec.key} belongs to another venue; left out`);
      continue;
    }
    if (!row) {
      const { entry, secret } = await registerDevice(database, venueId, registration(spec));
      await app.devices.registered(entry, secret);
      secrets[entry.device.id] = secret;
      changed = true;
      out.push({ name, spec, entry, secret });
      continue;
    }
    let secret = secrets[row.id];
    let entry = deviceEntryOf(row);
    if (!secret || hashDeviceSecret(secret) !== row.secret_hash) {
      secret = newDeviceSecret();
      const secretHash = hashDeviceSecret(secret);
      await database.db.updateTable('devices').set({ secret_hash: secretHash }).where('id', '=', row.id).execute();
      entry = { ...entry, secretHash };
      await app.devices.registered(entry, secret);
      secrets[row.id] = secret;
      changed = true;
    }
    out.push({ name, spec, entry, secret });
  }
  if (changed) writeDemoDeviceSecrets(config.dataDir, secrets);
  return out;
}
