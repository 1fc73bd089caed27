/** Vendor-format payloads, as the real devices write them (see DEVICES.md and the fixtures). */
import { localTimeText, offsetTimeText } from './local-time.js';
import { SNAPSHOT_JPEG } from './snapshot-jpeg.js';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Zigbee2MQTT state of an Aqara temperature/humidity sensor. */
export function z2mState(reading: { temperature: number; humidity: number; battery: number; linkquality: number }) {
  return JSON.stringify({
    battery: reading.battery,
    humidity: round(reading.humidity, 2),
    linkquality: reading.linkquality,
    temperature: round(reading.temperature, 2),
    voltage: 2900 + reading.battery,
  });
}

/** Tasmota `tele/<topic>/SENSOR` with one DS18B20 probe, in °F when asked. */
export function tasmotaDs18b20(epochMs: number, utcOffsetMinutes: number, celsius: number, unit: 'C' | 'F') {
  const value = unit === 'F' ? (celsius * 9) / 5 + 32 : celsius;
  return JSON.stringify({
    Time: localTimeText(epochMs, utcOffsetMinutes),
    DS18B20: { Id: '0316A2791B6D', Temperature: round(value, 1) },
    TempUnit: unit,
  });
}

/** Tasmota `tele/<topic>/SENSOR` of a plug measuring energy. */
export function tasmotaEnergy(
  epochMs: number,
  utcOffsetMinutes: number,
  energy: { power: number; voltage: number; totalKwh: number; todayKwh: number },
) {
  const current = energy.power / energy.voltage;
  return JSON.stringify({
    Time: localTimeText(epochMs, utcOffsetMinutes),
    ENERGY: {
      TotalStartTime: '2024-03-01T09:12:40',
      Total: round(energy.totalKwh, 3),
      Yesterday: 0.02,
      Today: round(energy.todayKwh, 3),
      Power: Math.round(energy.power),
      ApparentPower: Math.round(energy.power * 1.05),
      ReactivePower: Math.round(energy.power * 0.3),
      Factor: energy.power > 0 ? 0.95 : 0,
      Voltage: Math.round(energy.voltage),
      Current: round(current, 3),
    },
  });
}

/** Tasmota `tele/<topic>/STATE`. */
export function tasmotaState(epochMs: number, utcOffsetMinutes: number, on: boolean, uptimeS: number) {
  return JSON.stringify({
    Time: localTimeText(epochMs, utcOffsetMinutes),
    Uptime: `0T${new Date(uptimeS * 1000).toISOString().slice(11, 19)}`,
    UptimeSec: uptimeS,
    POWER: on ? 'ON' : 'OFF',
    Wifi: { AP: 1, SSId: 'kitchen-iot', RSSI: 78, Signal: -61 },
  });
}

/** Shelly Gen3 H&T `events/rpc`: the full status first, then only what changed. */
export function shellyHt(
  src: string,
  epochMs: number,
  method: 'NotifyFullStatus' | 'NotifyStatus',
  reading: { temperature: number; humidity: number; battery: number },
) {
  const tC = round(reading.temperature, 1);
  const params: Record<string, unknown> = {
    ts: round(epochMs / 1000, 2),
    'temperature:0': { id: 0, tC, tF: round((tC * 9) / 5 + 32, 1) },
    'humidity:0': { id: 0, rh: round(reading.humidity, 1) },
  };
  if (method === 'NotifyFullStatus') {
    params['devicepower:0'] = { id: 0, battery: { V: 5.6, percent: reading.battery }, external: { present: false } };
    params.sys = { mac: src.split('-').pop()?.toUpperCase(), restart_required: false, uptime: 1200 };
  }
  return JSON.stringify({ src, dst: `${src}/events`, method, params });
}

export interface FrigatePerson {
  readonly id: string;
  readonly camera: string;
  readonly startS: number;
  readonly score: number;
}

/** A `frigate/events` message for a person (new, update or end). */
export function frigateEvent(type: 'new' | 'update' | 'end', person: FrigatePerson, nowS: number) {
  const side = {
    id: person.id,
    camera: person.camera,
    frame_time: nowS,
    label: 'person',
    sub_label: null,
    top_score: person.score,
    false_positive: false,
    start_time: person.startS,
    end_time: type === 'end' ? nowS : null,
    score: person.score,
    box: [424, 500, 536, 712],
    area: 23744,
    ratio: 2.11,
    region: [264, 450, 667, 853],
    current_zones: ['prep_area'],
    entered_zones: ['prep_area'],
    thumbnail: null,
    has_snapshot: true,
    has_clip: true,
    active: type !== 'end',
    stationary: false,
    motionless_count: 0,
    position_changes: 1,
    attributes: {},
    current_attributes: [],
  };
  return JSON.stringify({ type, before: side, after: side });
}

/** `frigate/tracked_object_update` of a chef-hat classifier. */
export function frigateHatClassification(person: FrigatePerson, nowS: number, attribute: 'yes' | 'no', score: number) {
  return JSON.stringify({
    type: 'classification',
    id: person.id,
    camera: person.camera,
    timestamp: nowS,
    model: 'chef_hat',
    attribute,
    score: round(score, 2),
  });
}

/** The camera's snapshot: a small drawn kitchen scene (see snapshot-jpeg.ts). */
export { SNAPSHOT_JPEG };

/** A Hikvision AIOP kitchen-AI push (JSON event + JPEG) as `multipart/form-data`, rule 3 = no chef hat. */
export function hikvisionAiopPush(
  mac: string,
  epochMs: number,
  utcOffsetMinutes: number,
  confidence: number,
): { contentType: string; body: Uint8Array } {
  const event = JSON.stringify({
    ipAddress: '192.168.10.80',
    portNo: 80,
    protocol: 'HTTP',
    macAddress: mac,
    channelID: 1,
    dateTime: offsetTimeText(epochMs, utcOffsetMinutes),
    activePostCount: 1,
    eventType: 'AIOP_Video',
    eventState: 'active',
    eventDescription: 'AIOP_Video',
    channelName: 'Prep area',
    AIOP_Video: {
      taskID: 'kitchen-ppe',
      AIOPData: {
        events: {
          alertInfo: [
            {
              ruleInfo: { ruleID: '3', ruleName: '未戴厨师帽' },
              targets: [{ properties: [{ classify: { attrValue: 'no_chef_hat', attrConf: round(confidence, 2) } }] }],
            },
          ],
        },
      },
    },
  });
  const boundary = 'MIME_boundary_bk';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="event_log"\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(event)}\r\n\r\n${event}\r\n--${boundary}\r\nContent-Disposition: form-data; name="Picture"; filename="snapshot.jpg"\r\nContent-Type: image/jpeg\r\nContent-Length: ${SNAPSHOT_JPEG.length}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), SNAPSHOT_JPEG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(body) };
}
