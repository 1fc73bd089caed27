/**
 * ONVIF PullPoint: a `PullMessagesResponse` (or a single `wsnt:NotificationMessage`) → one event per
 * message. The topic (`tns1:RuleEngine/CellMotionDetector/Motion`) names the event; `Source` items give
 * the channel and rule, the first boolean `Data` item (`"true"` or `"1"`) whether it starts or ends.
 * A rule or topic configured (or named) as a violation becomes one, anything else a generic alarm.
 */
import {
  accept,
  type ConvertContext,
  type ConvertResult,
  type EventPhase,
  eventTime,
  type NormalizedEvent,
  payloadText,
  type RawMessage,
  reject,
} from '@brightkitchen/sdk';
import { bool } from '../../shared/coerce.js';
import { configuredViolation, violationFromText } from '../../shared/violations.js';
import { parseXml, type XmlElement } from '../../xml/reader.js';
import { child, childText, descendant, descendants } from '../../xml/tree.js';

const CHANNEL_ITEMS = ['VideoSourceToken', 'VideoSourceConfigurationToken', 'Source', 'InputToken', 'RelayToken'];

export function convertOnvif(message: RawMessage, context: ConvertContext): ConvertResult {
  const text = payloadText(message.payload);
  if (!text.ok) return text;
  const xml = parseXml(text.text);
  if (!xml.ok) return reject('ADAPTER_MALFORMED_XML', { reason: xml.reason, offset: xml.offset });
  const notifications = descendants(xml.root, 'NotificationMessage');
  if (notifications.length === 0) {
    if (descendant(xml.root, 'Fault')) return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'SOAP fault' });
    if (descendant(xml.root, 'PullMessagesResponse')) return accept([]);
    return reject('ADAPTER_UNSUPPORTED_EVENT', { root: xml.root.name });
  }
  const events: NormalizedEvent[] = [];
  for (const notification of notifications) {
    const event = notificationEvent(notification, message, context);
    if (!event.ok) return event;
    if (event.value) events.push(event.value);
  }
  return accept(events);
}

type One = { ok: true; value: NormalizedEvent | undefined } | ReturnType<typeof reject>;

function notificationEvent(notification: XmlElement, message: RawMessage, context: ConvertContext): One {
  const topic = childText(notification, 'Topic');
  // `wsnt:Message` wraps the `tt:Message` that carries the attributes.
  const wrapper = child(notification, 'Message');
  const body = child(wrapper, 'Message') ?? wrapper;
  if (topic === undefined || !body)
    return reject('ADAPTER_MISSING_FIELD', { field: topic === undefined ? 'Topic' : 'Message' });
  const path = topic.replace(/^[\w-]+:/, '');
  const source = simpleItems(child(body, 'Source'));
  const data = simpleItems(child(body, 'Data'));
  const operation = body.attributes.PropertyOperation;
  const active = data.map(([, value]) => bool(value)).find((v) => v !== undefined);
  const phase: EventPhase | undefined =
    operation === 'Deleted' ? 'end' : active === true ? 'start' : active === false ? 'end' : undefined;
  const time =
    eventTime(body.attributes.UtcTime, context.timeZone) ??
    eventTime(message.receivedAt, context.timeZone) ??
    message.receivedAt;
  const deviceId = context.deviceId ?? hostOf(descendant(notification, 'Address')?.text) ?? 'onvif';
  const channel = CHANNEL_ITEMS.map((name) => source.find(([n]) => n === name)?.[1]).find((v) => v !== undefined);
  const rule = source.find(([n]) => n === 'Rule')?.[1];
  const details: Record<string, string> = {};
  if (rule !== undefined) details.rule = rule;
  for (const [name, value] of data) details[name] = value;
  if (operation !== undefined) details.operation = operation;
  const base = {
    time,
    deviceId,
    ...(channel === undefined ? {} : { channel }),
    ...(phase === undefined ? {} : { phase }),
    details,
  };
  const mapped =
    configuredViolation(context, [rule, path, topic]) ?? violationFromText(rule) ?? violationFromText(path);
  if (mapped === 'ignore') return { ok: true, value: undefined };
  if (mapped !== undefined) {
    return { ok: true, value: { type: 'violation', ...base, violation: mapped, vendorCode: path, cameraId: deviceId } };
  }
  const description = [path, ...data.map(([n, v]) => `${n}=${v}`)].join(' ');
  return { ok: true, value: { type: 'alarm', ...base, code: `onvif.${path.toLowerCase()}`, description } };
}

function simpleItems(element: XmlElement | undefined): [string, string][] {
  if (!element) return [];
  return descendants(element, 'SimpleItem')
    .map((item): [string, string] => [item.attributes.Name ?? '', item.attributes.Value ?? ''])
    .filter(([name]) => name !== '');
}

function hostOf(address: string | undefined): string | undefined {
  const match = /^\s*\w+:\/\/([^/:\s]+)/.exec(address ?? '');
  return match?.[1];
}
