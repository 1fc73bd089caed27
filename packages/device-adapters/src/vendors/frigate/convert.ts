/**
 * Frigate NVR over MQTT: `<prefix>/events` (new/update/end of a tracked object), `<prefix>/reviews`,
 * `<prefix>/tracked_object_update` (classification: custom PPE models) and `<prefix>/available`.
 * Without a topic the shape decides (what `bk-convert` needs for a file).
 */
import {
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  type EventPhase,
  eventTime,
  type NormalizedEvent,
  payloadJson,
  payloadText,
  type RawMessage,
  reject,
} from '@brightkitchen/sdk';
import { latin1 } from '../../shared/bytes.js';
import { asArray, isRecord, type JsonRecord, num, ratio, str } from '../../shared/coerce.js';
import { classificationViolation, labelViolation } from './labels.js';

type Route = 'events' | 'reviews' | 'tracked_object_update' | 'available';
const ROUTES: readonly Route[] = ['events', 'reviews', 'tracked_object_update', 'available'];
const PHASES: Readonly<Record<string, EventPhase>> = { new: 'start', update: 'update', end: 'end' };

export function convertFrigate(message: RawMessage, context: ConvertContext): ConvertResult {
  const route = routeOf(message.topic);
  if (route === null) return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic ?? '' });
  const instance = message.topic?.split('/')[0] || context.deviceId || 'frigate';
  if (route === 'available' || (route === undefined && isAvailabilityWord(message.payload))) {
    const text = payloadText(message.payload);
    if (!text.ok) return text;
    const word = text.text.trim().toLowerCase();
    if (!['online', 'offline', 'stopped'].includes(word))
      return reject('ADAPTER_INVALID_VALUE', { payload: word.slice(0, 40) });
    const time = eventTime(message.receivedAt, context.timeZone) ?? message.receivedAt;
    return accept([availability({ time, deviceId: instance }, word === 'online')]);
  }
  const json = payloadJson(message.payload);
  if (!json.ok) return json;
  if (!isRecord(json.value)) return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'not an object' });
  const body = json.value;
  const kind = route ?? guessRoute(body);
  if (kind === 'tracked_object_update') return trackedObjectUpdate(body, context);
  if (kind === 'reviews') return review(body, context);
  if (kind === 'events') return trackedEvent(body, context);
  return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'unrecognised Frigate message' });
}

/** The route of a topic; undefined without a topic; null for a topic Frigate does not publish events on. */
function routeOf(topic: string | undefined): Route | undefined | null {
  if (topic === undefined || topic === '') return undefined;
  const last = topic.split('/').slice(1).join('/');
  return (ROUTES as readonly string[]).includes(last) ? (last as Route) : null;
}

function isAvailabilityWord(payload: Uint8Array | string): boolean {
  const text = typeof payload === 'string' ? payload : payload.length < 16 ? latin1(payload) : '';
  return /^\s*(online|offline|stopped)\s*$/i.test(text);
}

function guessRoute(body: JsonRecord): Route | undefined {
  if (body.type === 'classification' || (body.model !== undefined && body.attribute !== undefined)) {
    return 'tracked_object_update';
  }
  if (isRecord(body.after) && (body.after.severity !== undefined || isRecord(body.after.data))) return 'reviews';
  if (isRecord(body.after) || isRecord(body.before)) return 'events';
  return undefined;
}

function trackedEvent(body: JsonRecord, context: ConvertContext): ConvertResult {
  const phase = PHASES[str(body.type) ?? ''];
  const side = isRecord(body.after) ? body.after : body.before;
  if (!phase || !isRecord(side)) return reject('ADAPTER_UNSUPPORTED_EVENT', { type: str(body.type) ?? '' });
  const camera = str(side.camera);
  const label = str(side.label);
  if (camera === undefined || label === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'after.camera' });
  if (side.false_positive === true) return accept([]);
  const subLabel = Array.isArray(side.sub_label) ? str(side.sub_label[0]) : str(side.sub_label);
  const mapped = labelViolation(context, label, subLabel);
  if (mapped === undefined || mapped === 'ignore') return accept([]);
  // A face Frigate recognised (sub_label) is nobody's stranger.
  if (mapped === 'stranger' && subLabel !== undefined) return accept([]);
  const id = str(side.id);
  const time =
    eventTime(
      phase === 'end' ? (num(side.end_time) ?? num(side.start_time)) : num(side.start_time),
      context.timeZone,
    ) ?? eventTime(num(side.frame_time), context.timeZone);
  if (time === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'after.start_time' });
  const confidence = ratio(side.top_score) ?? ratio(side.score);
  const zones = asArray(side.current_zones)
    .map(str)
    .filter((z) => z !== undefined);
  const details: Record<string, string> = { label };
  if (zones.length > 0) details.zones = zones.join(',');
  if (subLabel !== undefined) details.subLabel = subLabel;
  const event: NormalizedEvent = {
    type: 'violation',
    time,
    deviceId: camera,
    violation: mapped,
    vendorCode: label,
    ...(confidence === undefined ? {} : { confidence }),
    cameraId: camera,
    ...(side.has_snapshot === true && id !== undefined
      ? { snapshotRef: `frigate:/api/events/${id}/snapshot.jpg` }
      : {}),
    phase,
    ...(id === undefined ? {} : { eventId: id }),
    details,
  };
  return accept([event]);
}

function review(body: JsonRecord, context: ConvertContext): ConvertResult {
  const phase = PHASES[str(body.type) ?? ''];
  const side = isRecord(body.after) ? body.after : body.before;
  if (!phase || !isRecord(side)) return reject('ADAPTER_UNSUPPORTED_EVENT', { type: str(body.type) ?? '' });
  const camera = str(side.camera);
  if (camera === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'after.camera' });
  const time = eventTime(
    phase === 'end' ? (num(side.end_time) ?? num(side.start_time)) : num(side.start_time),
    context.timeZone,
  );
  if (time === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'after.start_time' });
  const data = isRecord(side.data) ? side.data : {};
  const id = str(side.id);
  const severity = str(side.severity);
  const zones = asArray(data.zones)
    .map(str)
    .filter((z) => z !== undefined);
  const seen = new Set<string>();
  const events: NormalizedEvent[] = [];
  for (const object of asArray(data.objects)) {
    const label = str(object)?.replace(/-verified$/, '');
    if (label === undefined || seen.has(label)) continue;
    seen.add(label);
    const mapped = labelViolation(context, label);
    if (mapped === undefined || mapped === 'ignore') continue;
    const details: Record<string, string> = { label };
    if (severity !== undefined) details.severity = severity;
    if (zones.length > 0) details.zones = zones.join(',');
    events.push({
      type: 'violation',
      time,
      deviceId: camera,
      violation: mapped,
      vendorCode: label,
      cameraId: camera,
      ...(id === undefined ? {} : { snapshotRef: `frigate:/api/review/${id}/preview`, eventId: id }),
      phase,
      details,
    });
  }
  return accept(events);
}

function trackedObjectUpdate(body: JsonRecord, context: ConvertContext): ConvertResult {
  const type = str(body.type);
  if (type !== undefined && type !== 'classification') return reject('ADAPTER_UNSUPPORTED_EVENT', { type });
  const camera = str(body.camera);
  const model = str(body.model);
  const attribute = str(body.attribute) ?? str(body.sub_label);
  if (camera === undefined || model === undefined || attribute === undefined) {
    return reject('ADAPTER_MISSING_FIELD', {
      field: camera === undefined ? 'camera' : model === undefined ? 'model' : 'attribute',
    });
  }
  const mapped = classificationViolation(context, model, attribute);
  if (mapped === undefined || mapped === 'ignore') return accept([]);
  const time = eventTime(num(body.timestamp), context.timeZone);
  if (time === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'timestamp' });
  const id = str(body.id);
  const confidence = ratio(body.score);
  return accept([
    {
      type: 'violation',
      time,
      deviceId: camera,
      violation: mapped,
      vendorCode: `${model}:${attribute}`,
      ...(confidence === undefined ? {} : { confidence }),
      cameraId: camera,
      ...(id === undefined ? {} : { snapshotRef: `frigate:/api/events/${id}/snapshot.jpg`, eventId: id }),
      details: { model, attribute },
    },
  ]);
}
