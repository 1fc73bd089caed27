/**
 * Access terminals (`AccessControllerEvent`): a face-recognition check-in reports `mask` and `helmet`
 * (yes/no/unknown) with the employee number, and some a body temperature. `no` becomes a violation
 * (`mask:no` → no_mask, `helmet:no` → no_hat, overridable through `violationMap`).
 */
import {
  type ConvertContext,
  customReading,
  type NormalizedEvent,
  temperatureReading,
  type ViolationType,
} from '@brightkitchen/sdk';
import { field, type JsonRecord, num, str } from '../../shared/coerce.js';
import { configuredViolation } from '../../shared/violations.js';
import type { AlertOrigin } from './origin.js';

const DEFAULTS: Readonly<Record<string, ViolationType>> = { 'mask:no': 'no_mask', 'helmet:no': 'no_hat' };

export function accessControllerEvents(
  alert: JsonRecord,
  origin: AlertOrigin,
  context: ConvertContext,
): NormalizedEvent[] {
  const event = field(alert, 'AccessControllerEvent');
  const employeeNo = str(field(event, 'employeeNoString')) ?? str(field(event, 'employeeNo'));
  const details: Record<string, string> = {};
  if (employeeNo !== undefined) details.employeeNo = employeeNo;
  const name = str(field(event, 'name'));
  if (name !== undefined) details.name = name;
  const base = {
    time: origin.time,
    deviceId: origin.deviceId,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
  const events: NormalizedEvent[] = [];
  for (const attribute of ['mask', 'helmet'] as const) {
    const answer = str(field(event, attribute))?.toLowerCase();
    if (answer === undefined) continue;
    const key = `${attribute}:${answer}`;
    const mapped = configuredViolation(context, [key]) ?? DEFAULTS[key];
    if (mapped === undefined || mapped === 'ignore') continue;
    events.push({
      type: 'violation',
      ...base,
      violation: mapped,
      vendorCode: key,
      cameraId: origin.deviceId,
      ...(origin.snapshotRef === undefined ? {} : { snapshotRef: origin.snapshotRef }),
    });
  }
  const temperature = num(field(event, 'currTemperature'));
  if (temperature !== undefined) {
    const unit = /fahrenheit/i.test(str(field(event, 'thermometryUnit')) ?? '') ? 'F' : 'C';
    const celsius = temperatureReading(base, temperature, unit).value;
    events.push(customReading(base, 'body_temperature', celsius, '°C'));
  }
  return events;
}
