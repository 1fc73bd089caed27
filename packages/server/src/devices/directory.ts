/**
 * The in-memory index of registered devices: by id (credentials, HTTP receivers) and by
 * vendor + binding key (MQTT topics). Loaded at start, updated on registration and removal. A removed device
 * stays known by id (its history) and leaves its binding to the device registered on it since, if any.
 */
import { type CorruptValueLog, type Database, readEach } from '../db/index.js';
import { type DeviceEntry, deviceEntryOf } from './device.js';

export class DeviceDirectory {
  private readonly byId = new Map<string, DeviceEntry>();
  private readonly byKey = new Map<string, DeviceEntry>();

  /** Loads every registered device; a damaged one is logged and left out (its traffic is refused). */
  async load(database: Database, log: CorruptValueLog): Promise<void> {
    const rows = await database.db.selectFrom('devices').selectAll().execute();
    for (const entry of readEach(rows, deviceEntryOf, log)) this.put(entry);
  }

  put(entry: DeviceEntry): void {
    this.byId.set(entry.device.id, entry);
    const key = `${entry.device.vendor}\u0000${entry.bindingKey}`;
    const holder = this.byKey.get(key);
    if (!entry.disabled || !holder || holder.device.id === entry.device.id) this.byKey.set(key, entry);
  }

  get(id: string): DeviceEntry | undefined {
    return this.byId.get(id);
  }

  find(vendor: string, bindingKey: string): DeviceEntry | undefined {
    const entry = this.byKey.get(`${vendor}\u0000${bindingKey}`);
    return entry && !entry.disabled ? entry : undefined;
  }

  all(): IterableIterator<DeviceEntry> {
    return this.byId.values();
  }
}
