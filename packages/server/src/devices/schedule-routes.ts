/**
 * POST /v1/devices/{deviceId}/schedule: the venue's people set the preset run times of a UV lamp or
 * disinfection cabinet; the device's adapter encodes them (Tasmota Timer commands) and the server
 * publishes them to the device. The schedule is kept with the device.
 */

import { type DeviceScheduleInput, DeviceScheduleInputSchema, DeviceScheduleSetSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { authorizeVenue, MEMBERS } from '../auth/index.js';
import { toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow } from '../schemas/index.js';
import { DeviceParamsSchema } from './index.js';

export const deviceScheduleRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  app.post<{ Params: { deviceId: string }; Body: DeviceScheduleInput }>(
    '/devices/:deviceId/schedule',
    {
      schema: {
        tags: ['devices'],
        operationId: 'setDeviceSchedule',
        summary: 'Set the preset run times of a controllable device (sent as vendor commands)',
        security: BEARER,
        params: jsonSchema(DeviceParamsSchema),
        body: jsonSchema(DeviceScheduleInputSchema),
        response: { 200: jsonSchema(DeviceScheduleSetSchema), ...errorResponses },
      },
    },
    async (request) => {
      const entry = await app.devices.entry(request.params.deviceId);
      if (!entry) throw new AppError('NOT_FOUND');
      const { principal } = await authorizeVenue(app, request, entry.venueId, MEMBERS);
      if (entry.disabled) throw new AppError('DEVICE_REMOVED');
      const input = parseOrThrow(DeviceScheduleInputSchema, request.body);
      const runs = input.runs.map((r) => ({
        time: r.time,
        durationMin: r.durationMin,
        ...(r.days ? { days: r.days } : {}),
      }));
      const messages = await app.devices.command(entry, {
        type: 'schedule',
        runs,
        ...(input.channel ? { channel: input.channel } : {}),
      });
      const at = new Date(app.devices.now()).toISOString();
      await database.db
        .insertInto('device_schedules')
        .values({ device_id: entry.device.id, runs: toJson(runs), updated_by: principal.userId, updated_at: at })
        .onConflict((oc) =>
          oc.column('device_id').doUpdateSet({ runs: toJson(runs), updated_by: principal.userId, updated_at: at }),
        )
        .execute();
      // From now on a run of this schedule that never draws power opens DISINFECTION_RUN_MISSED.
      app.devices.watchers.scheduleSet(entry.device.id, runs, app.devices.now());
      await app.ctx.cluster.publish({ kind: 'schedule', deviceId: entry.device.id });
      return { deviceId: entry.device.id, runs, updatedAt: at, commands: messages };
    },
  );
};
