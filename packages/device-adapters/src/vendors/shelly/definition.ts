/** Shelly Gen2/Gen3 devices (H&T sensors, Plus plugs and relays) over MQTT. */
import { defineAdapter } from '@brightkitchen/sdk';
import { encodeShellyCommand } from './commands.js';
import { convertShelly } from './convert.js';
import type { ShellyState } from './merge.js';

export const shelly = defineAdapter<ShellyState>({
  vendor: 'shelly',
  models: ['Shelly H&T Gen3', 'Shelly Plus Plug S', 'Shelly Plus 1PM', 'Shelly Plus Uni'],
  description: {
    zh: 'Shelly 第二/三代：温湿度、电池、开关与功率（NotifyStatus 合并到完整状态）',
    en: 'Shelly Gen2/Gen3: temperature, humidity, battery, switch and power (NotifyStatus merged onto the full status)',
  },
  inputs: [{ transport: 'mqtt', topics: ['+/events/rpc', '+/online'] }],
  convert: convertShelly,
  encodeCommand: encodeShellyCommand,
});
