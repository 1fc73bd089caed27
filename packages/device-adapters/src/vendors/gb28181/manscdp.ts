/**
 * MANSCDP (GB/T 28181 XML) → normalized events: `Notify/Alarm` (alarm or violation), `Notify/Keepalive`
 * (online), `Response/Catalog` and `Notify/Catalog` (channel status), `Response/DeviceStatus`.
 * `AlarmTime` is local time without zone: read in the venue's zone.
 */
import {
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  type EventDetails,
  eventTime,
  type NormalizedEvent,
  reject,
} from '@brightkitchen/sdk';
import { configuredViolation, violationFromText } from '../../shared/violations.js';
import type { XmlElement } from '../../xml/reader.js';
import { parseXml } from '../../xml/reader.js';
import { child, children, childText } from '../../xml/tree.js';
import { ALARM_METHODS, ALARM_TYPES, alarmLevel } from './alarm-types.js';

export function manscdpEvents(text: string, receivedAt: string, context: ConvertContext): ConvertResult {
  const xml = parseXml(text);
  if (!xml.ok) return reject('ADAPTER_MALFORMED_XML', { reason: xml.reason, offset: xml.offset });
  const root = xml.root;
  const cmdType = childText(root, 'CmdType');
  if (cmdType === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'CmdType' });
  const kind = `${root.name}/${cmdType}`.toLowerCase();
  const fallbackTime = eventTime(receivedAt, context.timeZone) ?? receivedAt;
  switch (kind) {
    case 'notify/alarm':
      return alarmEvents(root, fallbackTime, context);
    case 'notify/keepalive':
      return keepaliveEvents(root, fallbackTime);
    case 'response/catalog':
    case 'notify/catalog':
      return accept(catalogEvents(root, fallbackTime));
    case 'response/devicestatus': {
      const deviceId = childText(root, 'DeviceID');
      const online = childText(root, 'Online')?.toUpperCase();
      if (deviceId === undefined || online === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'Online' });
      return accept([availability({ time: fallbackTime, deviceId }, online === 'ONLINE')]);
    }
    default:
      return reject('ADAPTER_UNSUPPORTED_EVENT', { cmdType: `${root.name}/${cmdType}` });
  }
}

function alarmEvents(root: XmlElement, fallbackTime: string, context: ConvertContext): ConvertResult {
  const deviceId = childText(root, 'DeviceID');
  if (deviceId === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'DeviceID' });
  const time = eventTime(childText(root, 'AlarmTime'), context.timeZone) ?? fallbackTime;
  const methodCode = childText(root, 'AlarmMethod') ?? '7';
  const method = ALARM_METHODS[methodCode];
  const info = child(root, 'Info');
  // Some devices put AlarmType at the top level instead of inside Info.
  const typeCode = childText(info, 'AlarmType') ?? childText(root, 'AlarmType');
  const alarmType = typeCode === undefined ? undefined : ALARM_TYPES[methodCode]?.[typeCode];
  const description = childText(root, 'AlarmDescription');
  const priority = childText(root, 'AlarmPriority');
  const eventType = childText(child(info ?? root, 'AlarmTypeParam'), 'EventType');

  const methodName = method?.code ?? `method${methodCode}`;
  const code = `gb28181.${methodName}${alarmType ? `.${alarmType.code}` : typeCode ? `.type${typeCode}` : ''}`;
  const details: Record<string, string | number> = { alarmMethod: methodCode };
  if (typeCode !== undefined) details.alarmType = typeCode;
  if (priority !== undefined) details.priority = priority;
  const sn = childText(root, 'SN');
  if (sn !== undefined) details.sn = sn;
  if (eventType === '1' || eventType === '2') details.eventType = eventType === '1' ? 'enter' : 'leave';
  for (const [tag, key] of [
    ['Longitude', 'longitude'],
    ['Latitude', 'latitude'],
  ] as const) {
    const value = Number(childText(root, tag));
    if (Number.isFinite(value) && childText(root, tag) !== undefined) details[key] = value;
  }

  const vendorKey = typeCode === undefined ? methodName : `${methodName}:${typeCode}`;
  const mapped =
    configuredViolation(context, [vendorKey, code, description]) ??
    (methodCode === '5' ? violationFromText(description) : undefined);
  const base = { time, deviceId, details: details as EventDetails };
  if (mapped !== undefined && mapped !== 'ignore') {
    return accept([{ type: 'violation', ...base, violation: mapped, vendorCode: vendorKey, cameraId: deviceId }]);
  }
  if (mapped === 'ignore') return accept([]);
  const level = alarmLevel(priority);
  const label = alarmType?.label ?? method?.label;
  return accept([
    {
      type: 'alarm',
      ...base,
      code,
      description: description ?? label?.zh ?? code,
      ...(level === undefined ? {} : { level }),
    },
  ]);
}

function keepaliveEvents(root: XmlElement, time: string): ConvertResult {
  const deviceId = childText(root, 'DeviceID');
  if (deviceId === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'DeviceID' });
  const status = childText(root, 'Status') ?? 'OK';
  const events: NormalizedEvent[] = [availability({ time, deviceId }, true)];
  if (status.toUpperCase() !== 'OK') {
    events.push({
      type: 'alarm',
      time,
      deviceId,
      code: 'gb28181.keepalive.status',
      description: `设备状态异常 / device status ${status}`,
      level: 'warning',
    });
  }
  return accept(events);
}

const ONLINE = new Set(['ON', 'OK', 'ONLINE']);
const OFFLINE = new Set(['OFF', 'OFFLINE', 'VLOST', 'DEFECT']);

function catalogEvents(root: XmlElement, time: string): NormalizedEvent[] {
  const parentId = childText(root, 'DeviceID');
  const events: NormalizedEvent[] = [];
  for (const item of children(child(root, 'DeviceList'), 'Item')) {
    const deviceId = childText(item, 'DeviceID');
    const status = (childText(item, 'Status') ?? childText(item, 'Event'))?.toUpperCase();
    if (deviceId === undefined || status === undefined || !(ONLINE.has(status) || OFFLINE.has(status))) continue;
    const details: Record<string, string> = {};
    const name = childText(item, 'Name');
    if (name !== undefined) details.name = name;
    if (parentId !== undefined) details.parentId = parentId;
    events.push(availability({ time, deviceId, details }, ONLINE.has(status)));
  }
  return events;
}
