/** Registering devices and reading them back (with their live status). */
import { adapterFor } from '@brightkitchen/device-adapters';
import { type CorruptValueLog, type Database, newId, nowIso, readEach, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { hashDeviceSecret, newDeviceSecret } from './credentials.js';
import { type DeviceEntry, type RegisteredDevice, storedDevice } from './device.js';
import type { DeviceRegistration } from './schemas.js';
import { isValidTopicKey } from './topics.js';

export interface Registered {
  readonly entry: DeviceEntry;
  /** Shown once. */
  readonly secret: string;
}

function usesMqtt(vendor: string): boolean {
  return adapterFor(vendor)?.inputs.some((i) => i.transport === 'mqtt') ?? false;
}

/** Validates and stores a device; throws DEVICE_UNKNOWN_VENDOR, VALIDATION_FAILED or DEVICE_BINDING_TAKEN. */
export async function registerDevice(
  database: Database,
  venueId: string,
  input: DeviceRegistration,
  now = nowIso(),
): Promise<Registered> {
  if (!adapterFor(input.vendor)) throw new AppError('DEVICE_UNKNOWN_VENDOR', { vendor: input.vendor });
  const topic = input.binding.topic?.trim();
  const address = input.binding.address?.trim();
  const issue = (path: string, en: string) =>
    new AppError('VALIDATION_FAILED', {
      issues: [{ code: 'FIELD_INVALID', path, message: { zh: '设备绑定不合法', en } }],
    });
  if (usesMqtt(input.vendor) && !topic) throw issue('binding.topic', 'This vendor reads MQTT: a topic is required');
  if (!topic && !address) throw issue('binding', 'A topic or an address is required');
  if (topic !== undefined && !isValidTopicKey(topic))
    throw issue('binding.topic', 'A topic key is one MQTT topic level: no /, + or #, not bk or bridge');

  const id = newId('dev');
  const secret = newDeviceSecret();
  const device: RegisteredDevice = {
    id,
    venueId,
    kind: input.kind,
    vendor: input.vendor,
    ...(input.model === undefined ? {} : { model: input.model }),
    locationKind: input.locationKind,
    name: input.name,
    binding: { ...(topic ? { topic } : {}), ...(address ? { address } : {}) },
    ...(input.violationMap === undefined ? {} : { violationMap: input.violationMap }),
    createdAt: now,
  };
  const bindingKey = topic ?? address ?? id;
  const bindingTaken = async () => {
    const taken = await database.db
      .selectFrom('devices')
      .select('id')
      .where('vendor', '=', input.vendor)
      .where('binding_key', '=', bindingKey)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return taken ? new AppError('DEVICE_BINDING_TAKEN', { deviceId: taken.id }) : undefined;
  };
  const taken = await bindingTaken();
  if (taken) throw taken;
  const secretHash = hashDeviceSecret(secret);
  // Two registrations of one binding at once: the unique index (080) stores one, the other is refused the same way.
  const inserted = await database.db
    .insertInto('devices')
    .values({
      id,
      venue_id: venueId,
      vendor: input.vendor,
      kind: input.kind,
      location_kind: input.locationKind,
      name: input.name,
      binding_key: bindingKey,
      secret_hash: secretHash,
      data: toJson(device),
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1)
    throw (await bindingTaken()) ?? new AppError('DEVICE_BINDING_TAKEN');
  return {
    secret,
    entry: { device, bindingKey, secretHash, locationKind: input.locationKind, venueId, disabled: false },
  };
}

/** The venue's devices not removed, in registration order; a damaged stored device is logged and left out. */
export async function listVenueDevices(
  database: Database,
  venueId: string,
  log: CorruptValueLog,
): Promise<RegisteredDevice[]> {
  const rows = await database.db
    .selectFrom('devices')
    .select(['id', 'data'])
    .where('venue_id', '=', venueId)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return readEach(rows, storedDevice, log);
}
