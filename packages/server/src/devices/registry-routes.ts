/**
 * The device registry: POST/GET /v1/venues/{venueId}/devices (manager or admin registers; members and
 * the region's regulator read), GET /v1/devices/{deviceId} (the device with its live status), DELETE
 * /v1/devices/{deviceId} (manager or admin removes it). Registration answers the generated MQTT credentials once.
 */

import {
  DeviceDetailSchema,
  DevicePageSchema,
  DeviceRegisteredSchema,
  RegisteredDeviceSchema,
  ScheduledRunSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { readJson, storedValue } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { answeredDevice, deviceEntryOf } from './device.js';
import {
  DeviceParamsSchema,
  type DeviceRegistration,
  DeviceRegistrationSchema,
  deviceTopics,
  listVenueDevices,
  registerDevice,
} from './index.js';

const RunsSchema = v.array(ScheduledRunSchema);

export const deviceRegistryRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { venueId: string }; Body: DeviceRegistration }>(
    '/venues/:venueId/devices',
    {
      schema: {
        tags: ['devices'],
        operationId: 'registerDevice',
        summary: 'Register a device (answers its MQTT credentials once)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(DeviceRegistrationSchema),
        response: { 201: jsonSchema(DeviceRegisteredSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, ['manager', 'admin']);
      const input = parseOrThrow(DeviceRegistrationSchema, request.body);
      const { entry, secret } = await registerDevice(database, venue.id, input);
      await app.devices.registered(entry, secret);
      await audit(database, request, {
        action: 'device.registered',
        venueId: venue.id,
        subject: entry.device.id,
        details: { vendor: entry.device.vendor, kind: entry.device.kind, binding: entry.bindingKey },
      });
      const endpoints = app.devices.endpoints();
      reply.status(201);
      return {
        device: entry.device,
        credentials: {
          username: entry.device.id,
          password: secret,
          ...(endpoints ? { mqtt: endpoints } : {}),
          topics: entry.device.binding.topic ? deviceTopics(entry.device.vendor, entry.bindingKey) : undefined,
          isapiPush: `/v1/ingest/isapi/${entry.device.id}`,
        },
      };
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/devices',
    {
      schema: {
        tags: ['devices'],
        operationId: 'listDevices',
        summary: 'Devices of a venue',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(DevicePageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      return { items: await listVenueDevices(database, venue.id, request.log), nextCursor: null };
    },
  );

  app.get<{ Params: { deviceId: string } }>(
    '/devices/:deviceId',
    {
      schema: {
        tags: ['devices'],
        operationId: 'getDevice',
        summary: 'A device with its status and last readings',
        security: BEARER,
        params: jsonSchema(DeviceParamsSchema),
        response: { 200: jsonSchema(DeviceDetailSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await database.db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', request.params.deviceId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await authorizeVenue(app, request, row.venue_id, MEMBER_OR_REGULATOR);
      const schedule = await database.db
        .selectFrom('device_schedules')
        .select(['runs', 'updated_at'])
        .where('device_id', '=', row.id)
        .executeTakeFirst();
      return {
        device: answeredDevice(row),
        status: await app.devices.status.read(row.id),
        ...(schedule
          ? {
              schedule: {
                runs: storedValue(
                  readJson(RunsSchema, schedule.runs, { table: 'device_schedules', column: 'runs', id: row.id }),
                ),
                updatedAt: schedule.updated_at,
              },
            }
          : {}),
      };
    },
  );

  app.delete<{ Params: { deviceId: string } }>(
    '/devices/:deviceId',
    {
      schema: {
        tags: ['devices'],
        operationId: 'removeDevice',
        summary: 'Remove a device: its credentials and messages are refused from now on, its history stays',
        security: BEARER,
        params: jsonSchema(DeviceParamsSchema),
        response: { 200: jsonSchema(RegisteredDeviceSchema), ...errorResponses },
      },
    },
    async (request) => {
      const read = () =>
        database.db.selectFrom('devices').selectAll().where('id', '=', request.params.deviceId).executeTakeFirst();
      const row = await read();
      if (!row) throw new AppError('NOT_FOUND');
      await authorizeVenue(app, request, row.venue_id, ['manager', 'admin']);
      const at = new Date(app.devices.now()).toISOString();
      // Its states and schedule go with it; the one request that marks it does the rest (a repeat answers the same).
      const marked = await database.db.transaction().execute(async (trx) => {
        const update = await trx
          .updateTable('devices')
          .set({ disabled_at: at, updated_at: at })
          .where('id', '=', request.params.deviceId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (Number(update.numUpdatedRows) !== 1) return false;
        await trx.deleteFrom('threshold_states').where('device_id', '=', request.params.deviceId).execute();
        await trx.deleteFrom('device_schedules').where('device_id', '=', request.params.deviceId).execute();
        return true;
      });
      // Removed already (maybe by another request since it was read): that removal's time stands.
      if (!marked) return answeredDevice((row.disabled_at === null ? await read() : row) ?? row);
      const removed = { ...row, disabled_at: at, updated_at: at };
      await app.devices.removed(deviceEntryOf(removed));
      await audit(database, request, { action: 'device.removed', venueId: row.venue_id, subject: row.id });
      return answeredDevice(removed);
    },
  );
};
