/** Zigbee sensors and plugs through Zigbee2MQTT. */
import { defineAdapter, encoded, encodeRejected } from '@brightkitchen/sdk';
import { convertZigbee2mqtt } from './convert.js';

export const zigbee2mqtt = defineAdapter({
  vendor: 'zigbee2mqtt',
  models: [
    'Aqara WSDCGQ11LM',
    'Aqara MCCGQ11LM (door)',
    'Sonoff SNZB-02',
    'Tuya TS011F plug',
    'any Zigbee2MQTT device',
  ],
  description: {
    zh: 'Zigbee2MQTT：温湿度、门磁、插座状态与在线状态（JSON 与旧版字符串）',
    en: 'Zigbee2MQTT: temperature/humidity, door contacts, plug state and availability (JSON and legacy strings)',
  },
  inputs: [{ transport: 'mqtt', topics: ['zigbee2mqtt/#'] }],
  convert: convertZigbee2mqtt,
  encodeCommand(command, target) {
    if (command.type !== 'power') return encodeRejected('ADAPTER_UNSUPPORTED_COMMAND', { command: command.type });
    return encoded([
      { topic: `zigbee2mqtt/${target.deviceId}/set`, payload: JSON.stringify({ state: command.on ? 'ON' : 'OFF' }) },
    ]);
  },
});
