/**
 * One `EventNotificationAlert` record → normalized events. Event types compare case-insensitively;
 * `duration` unwraps to its `relationEvent`; `videoloss`/`inactive` (the few-second heartbeat) means
 * the channel is online; AIOP and access-controller events have their own readers; any other type is
 * a violation when configured or named so (e.g. `smokingDetection`), else a generic alarm.
 */
import {
  type AlarmEvent,
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  type NormalizedEvent,
  type RawMessage,
  reject,
} from '@brightkitchen/sdk';
import { asArray, field, type JsonRecord, str } from '../../shared/coerce.js';
import { configuredViolation, violationFromText } from '../../shared/violations.js';
import { accessControllerEvents } from './access-controller.js';
import { aiopViolations } from './aiop.js';
import { type AlertOrigin, alertOrigin } from './origin.js';

const WARNING_TYPES = new Set(['videoloss', 'shelteralarm', 'tamperdetection', 'diskfull', 'diskerror', 'hderror']);

export function alertEvents(alert: JsonRecord, message: RawMessage, context: ConvertContext): ConvertResult {
  const rawType = str(field(alert, 'eventType'));
  if (rawType === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'eventType' });
  const origin = alertOrigin(alert, message, context);
  if (!origin) return reject('ADAPTER_MISSING_FIELD', { field: 'macAddress' });
  const type = rawType.toLowerCase();

  if (type === 'duration') {
    const related = asArray(field(field(alert, 'DurationList'), 'Duration'))
      .map((d) => str(field(d, 'relationEvent')))
      .find((t) => t !== undefined);
    if (related === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'DurationList.Duration.relationEvent' });
    return accept([genericEvent(alert, related, origin, context)]);
  }
  if (type === 'videoloss' && origin.phase === 'end') {
    return accept([availability(origin, true)]);
  }
  if (type === 'aiop_video' || type === 'aiop_polling_snap') {
    const result = aiopViolations(alert, origin, context);
    return result.ok ? accept(result.events) : result;
  }
  if (type === 'accesscontrollerevent') return accept(accessControllerEvents(alert, origin, context));
  return accept([genericEvent(alert, rawType, origin, context)]);
}

function genericEvent(
  alert: JsonRecord,
  rawType: string,
  origin: AlertOrigin,
  context: ConvertContext,
): NormalizedEvent {
  const type = rawType.toLowerCase();
  const description = str(field(alert, 'eventDescription')) ?? rawType;
  const details = alertDetails(alert);
  const mapped = configuredViolation(context, [rawType]) ?? violationFromText(rawType);
  if (mapped !== undefined && mapped !== 'ignore') {
    return {
      type: 'violation',
      time: origin.time,
      deviceId: origin.deviceId,
      ...(origin.channel === undefined ? {} : { channel: origin.channel }),
      violation: mapped,
      vendorCode: rawType,
      cameraId: origin.deviceId,
      ...(origin.snapshotRef === undefined ? {} : { snapshotRef: origin.snapshotRef }),
      ...(origin.phase === undefined ? {} : { phase: origin.phase }),
      ...(details ? { details } : {}),
    };
  }
  const alarm: AlarmEvent = {
    type: 'alarm',
    time: origin.time,
    deviceId: origin.deviceId,
    ...(origin.channel === undefined ? {} : { channel: origin.channel }),
    code: `hikvision.${type}`,
    description,
    ...(WARNING_TYPES.has(type) ? { level: 'warning' as const } : {}),
    ...(origin.phase === undefined ? {} : { phase: origin.phase }),
    ...(origin.snapshotRef === undefined ? {} : { snapshotRef: origin.snapshotRef }),
    ...(details ? { details } : {}),
  };
  return alarm;
}

/** Channel name and the first detection target with its box (normalised 0–1, `x,y,w,h`). */
function alertDetails(alert: JsonRecord): Record<string, string> | undefined {
  const details: Record<string, string> = {};
  const channelName = str(field(alert, 'channelName'));
  if (channelName !== undefined) details.channelName = channelName;
  const entry = asArray(field(field(alert, 'DetectionRegionList'), 'DetectionRegionEntry'))[0];
  const target = str(field(entry, 'detectionTarget'));
  if (target !== undefined) details.detectionTarget = target;
  const rect = field(entry, 'TargetRect');
  const box = ['X', 'Y', 'width', 'height'].map((k) => str(field(rect, k)));
  if (box.every((v) => v !== undefined)) details.targetRect = box.join(',');
  return Object.keys(details).length > 0 ? details : undefined;
}
