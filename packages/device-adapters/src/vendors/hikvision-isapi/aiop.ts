/**
 * Kitchen AI from Hikvision's AI Open Platform (`AIOP_Video`, `AIOP_Polling_Snap`): each
 * `alertInfo[].ruleInfo` is a rule configured on site, so rule → violation comes from the device's
 * `violationMap` (by rule id or name), then from keywords in the rule name, else `unknown`.
 */
import { type ConvertContext, decodeUtf8, type EventDetails, reject, type ViolationEvent } from '@brightkitchen/sdk';
import { asciiBytes } from '../../shared/bytes.js';
import { asArray, field, isRecord, type JsonRecord, ratio, str } from '../../shared/coerce.js';
import { configuredViolation, violationFromText } from '../../shared/violations.js';
import type { AlertOrigin } from './origin.js';

type AiopResult = { ok: true; events: ViolationEvent[] } | ReturnType<typeof reject>;

export function aiopViolations(alert: JsonRecord, origin: AlertOrigin, context: ConvertContext): AiopResult {
  const data = findAiopData(alert);
  if (data === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'AIOPData' });
  const eventsNode = field(data, 'events');
  const alertInfos = asArray(eventsNode).flatMap((e) => asArray(field(e, 'alertInfo')));
  const events: ViolationEvent[] = [];
  for (const info of alertInfos) {
    const rule = field(info, 'ruleInfo');
    const ruleId = str(field(rule, 'ruleID'));
    const ruleName = str(field(rule, 'ruleName'));
    const mapped = configuredViolation(context, [ruleId, ruleName]) ?? violationFromText(ruleName) ?? 'unknown';
    if (mapped === 'ignore') continue;
    const classify = classifications(info, eventsNode);
    const best = classify.reduce<{ value?: string; conf?: number }>(
      (top, c) => (c.conf !== undefined && (top.conf === undefined || c.conf > top.conf) ? c : top),
      {},
    );
    const details: Record<string, string | number> = {};
    if (ruleId !== undefined) details.ruleId = ruleId;
    if (ruleName !== undefined) details.ruleName = ruleName;
    if (best.value !== undefined) details.attrValue = best.value;
    const vendorCode = ruleName ?? ruleId;
    events.push({
      type: 'violation',
      time: origin.time,
      deviceId: origin.deviceId,
      ...(origin.channel === undefined ? {} : { channel: origin.channel }),
      violation: mapped,
      ...(vendorCode === undefined ? {} : { vendorCode }),
      ...(best.conf === undefined ? {} : { confidence: best.conf }),
      cameraId: origin.deviceId,
      ...(origin.snapshotRef === undefined ? {} : { snapshotRef: origin.snapshotRef }),
      ...(origin.phase === undefined ? {} : { phase: origin.phase }),
      details: details as EventDetails,
    });
  }
  return { ok: true, events };
}

/** `targets[].properties[].classify {attrValue, attrConf}` of the alert, or of the whole events node. */
function classifications(info: unknown, eventsNode: unknown): { value?: string; conf?: number }[] {
  const own = asArray(field(info, 'targets'));
  const targets = own.length > 0 ? own : asArray(eventsNode).flatMap((e) => asArray(field(e, 'targets')));
  return targets
    .flatMap((t) => asArray(field(t, 'properties')))
    .flatMap((p) => asArray(field(p, 'classify')))
    .map((c) => {
      const value = str(field(c, 'attrValue'));
      const conf = ratio(field(c, 'attrConf'));
      return { ...(value === undefined ? {} : { value }), ...(conf === undefined ? {} : { conf }) };
    });
}

/** `AIOPData` at the top, inside the `AIOP_Video`/`AIOP_Polling_Snap` wrapper, as JSON text or base64 JSON. */
function findAiopData(alert: JsonRecord): JsonRecord | undefined {
  const candidates = [
    field(alert, 'AIOPData'),
    field(field(alert, 'AIOP_Video'), 'AIOPData'),
    field(field(alert, 'AIOP_Polling_Snap'), 'AIOPData'),
    field(field(alert, 'AIOPVideo'), 'AIOPData'),
  ];
  for (const candidate of candidates) {
    if (isRecord(candidate)) return candidate;
    if (typeof candidate === 'string') {
      const parsed = parseEmbedded(candidate.trim());
      if (parsed) return parsed;
    }
  }
  return undefined;
}

function parseEmbedded(text: string): JsonRecord | undefined {
  for (const attempt of [text, fromBase64(text)]) {
    if (!attempt) continue;
    try {
      const value: unknown = JSON.parse(attempt);
      if (isRecord(value)) return value;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function fromBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  try {
    return decodeUtf8(asciiBytes(atob(text.replace(/\s/g, ''))));
  } catch {
    return undefined;
  }
}
