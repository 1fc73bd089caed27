/**
 * Edge gateways: one credential per gateway of a venue (id `gw_…` + a secret shown once, stored as
 * sha256 like a device's). A gateway may relay its venue's devices on the broker and post their
 * normalized events to `/v1/ingest/events`; nothing of other venues.
 */
import { type Database, type GatewaysTable, newId, nowIso } from '../db/index.js';
import { deviceSecretMatches, hashDeviceSecret, newDeviceSecret } from '../devices/credentials.js';

export interface Gateway {
  readonly id: string;
  readonly venueId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly disabled: boolean;
}

export const GATEWAY_ID_PREFIX = 'gw';

export function isGatewayId(id: string): boolean {
  return id.startsWith(`${GATEWAY_ID_PREFIX}_`);
}

function toGateway(row: GatewaysTable): Gateway {
  return {
    id: row.id,
    venueId: row.venue_id,
    name: row.name,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
  };
}

/** Stores a new gateway credential; the secret is answered once and never again. */
export async function createGatewayCredential(
  database: Database,
  venueId: string,
  name: string,
  createdBy: string,
  at = nowIso(),
): Promise<{ gateway: Gateway; secret: string }> {
  const secret = newDeviceSecret();
  const row: GatewaysTable = {
    id: newId(GATEWAY_ID_PREFIX),
    venue_id: venueId,
    name,
    secret_hash: hashDeviceSecret(secret),
    created_by: createdBy,
    created_at: at,
    disabled_at: null,
  };
  await database.db.insertInto('gateways').values(row).execute();
  return { gateway: toGateway(row), secret };
}

/** The gateway these credentials belong to, or undefined (unknown id, wrong secret, disabled). */
export async function authenticateGateway(
  database: Database,
  id: string,
  secret: string,
): Promise<Gateway | undefined> {
  if (!isGatewayId(id)) return undefined;
  const row = await database.db.selectFrom('gateways').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.disabled_at !== null || !deviceSecretMatches(secret, row.secret_hash)) return undefined;
  return toGateway(row);
}

export async function listGateways(database: Database, venueId: string): Promise<Gateway[]> {
  const rows = await database.db
    .selectFrom('gateways')
    .selectAll()
    .where('venue_id', '=', venueId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toGateway);
}
