/**
 * The audit log: security-relevant actions written as they happen, read by admins and regulators.
 * Writing never fails the action it records: a failed write is logged and the request goes on.
 */
import type { AuditAction, AuditEntry, Role } from '@brightkitchen/sdk';
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { type AuditLogTable, type Database, newId, readJson, storedValue, toJson } from '../db/index.js';

export interface AuditRecord {
  readonly action: AuditAction;
  readonly actorId?: string;
  readonly actorRole?: Role;
  readonly venueId?: string;
  readonly regionId?: string;
  readonly subject?: string;
  readonly details?: Record<string, unknown>;
}

const DetailsShape = v.record(v.string(), v.unknown());

const clip = (text: string | undefined, max: number) => (text === undefined ? null : text.slice(0, max));

/** Records `entry` with the request's caller (unless given) and address. */
export async function audit(database: Database, request: FastifyRequest, entry: AuditRecord): Promise<void> {
  const principal = request.auth?.state === 'ok' ? request.auth.principal : undefined;
  let regionId = entry.regionId;
  if (!regionId && entry.venueId) {
    const venue = await database.db
      .selectFrom('venues')
      .select('region_id')
      .where('id', '=', entry.venueId)
      .executeTakeFirst();
    regionId = venue?.region_id;
  }
  const row: AuditLogTable = {
    id: newId('aud'),
    at: new Date().toISOString(),
    action: entry.action,
    actor_id: entry.actorId ?? principal?.userId ?? null,
    actor_role: entry.actorRole ?? principal?.role ?? null,
    venue_id: entry.venueId ?? null,
    region_id: regionId ?? null,
    subject: clip(entry.subject, 200),
    ip: clip(request.ip, 64),
    details: entry.details ? toJson(entry.details) : null,
  };
  try {
    await database.db.insertInto('audit_log').values(row).execute();
  } catch (err) {
    request.log.error({ err, action: entry.action }, 'audit entry not written');
  }
}

export function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action as AuditAction,
    ...(row.actor_id ? { actorId: row.actor_id } : {}),
    ...(row.actor_role ? { actorRole: row.actor_role as Role } : {}),
    ...(row.venue_id ? { venueId: row.venue_id } : {}),
    ...(row.region_id ? { regionId: row.region_id } : {}),
    ...(row.subject ? { subject: row.subject } : {}),
    ...(row.ip ? { ip: row.ip } : {}),
    ...(row.details
      ? {
          details: storedValue(
            readJson(DetailsShape, row.details, { table: 'audit_log', column: 'details', id: row.id }),
          ),
        }
      : {}),
  };
}
