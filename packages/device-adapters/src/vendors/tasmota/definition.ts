/** Tasmota plugs and sensor boards (UV lamps and disinfection cabinets on smart plugs, DS18B20 probes). */
import { defineAdapter } from '@brightkitchen/sdk';
import { encodeTasmotaCommand } from './commands.js';
import { convertTasmota } from './convert.js';

export const tasmota = defineAdapter({
  vendor: 'tasmota',
  models: ['Sonoff S31 / POW (energy)', 'Sonoff TH with DS18B20 / SHT3X', 'any Tasmota 12+ device'],
  description: {
    zh: 'Tasmota：温度探头、电量计量插座（紫外线灯、消毒柜）、开关状态与定时',
    en: 'Tasmota: temperature probes, energy-metering plugs (UV lamps, disinfection cabinets), power state and timers',
  },
  inputs: [
    {
      transport: 'mqtt',
      topics: ['tele/+/SENSOR', 'tele/+/STATE', 'tele/+/LWT', 'stat/+/RESULT', 'stat/+/POWER', 'stat/+/STATUS10'],
    },
  ],
  convert: convertTasmota,
  encodeCommand: encodeTasmotaCommand,
});
