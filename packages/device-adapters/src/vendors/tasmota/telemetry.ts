/** Tasmota JSON telemetry: SENSOR (several sensors, °F, ENERGY), STATE and RESULT (POWER, POWER1…). */
import {
  customReading,
  type EventOrigin,
  type NormalizedEvent,
  reading,
  switchState,
  temperatureReading,
} from '@brightkitchen/sdk';
import { isRecord, type JsonRecord, num, str } from '../../shared/coerce.js';

const NOT_SENSORS = new Set(['Time', 'TempUnit', 'PressureUnit', 'SpeedUnit', 'Epoch']);

/** Readings of a SENSOR (or `StatusSNS`) object. Each probe is a channel named by its `Id` when it has one. */
export function sensorEvents(sensor: JsonRecord, origin: Omit<EventOrigin, 'channel'>): NormalizedEvent[] {
  const unit = str(sensor.TempUnit)?.toUpperCase() === 'F' ? 'F' : 'C';
  const events: NormalizedEvent[] = [];
  for (const [key, value] of Object.entries(sensor)) {
    if (NOT_SENSORS.has(key) || !isRecord(value)) continue;
    if (key === 'ENERGY') {
      events.push(...energyEvents(value, origin));
      continue;
    }
    const probe = { ...origin, channel: str(value.Id) ?? key };
    const temperature = num(value.Temperature);
    if (temperature !== undefined) events.push(temperatureReading(probe, temperature, unit));
    const humidity = num(value.Humidity);
    if (humidity !== undefined) events.push(reading(probe, 'humidity', humidity));
    const dewPoint = num(value.DewPoint);
    if (dewPoint !== undefined) events.push(temperatureReading(probe, dewPoint, unit, 'dew_point'));
    const pressure = num(value.Pressure);
    if (pressure !== undefined && (str(sensor.PressureUnit) ?? 'hPa') === 'hPa') {
      events.push(reading(probe, 'pressure', pressure));
    }
    const illuminance = num(value.Illuminance);
    if (illuminance !== undefined) events.push(reading(probe, 'illuminance', illuminance));
    const co2 = num(value.CarbonDioxide);
    if (co2 !== undefined) events.push(reading(probe, 'co2', co2));
  }
  return events;
}

/**
 * ENERGY values are numbers, or arrays on multi-relay devices (`"Power":[0,12]`): one per relay, on the
 * channel its `POWER<n>` switch reports on.
 */
function energyEvents(energy: JsonRecord, origin: Omit<EventOrigin, 'channel'>): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const each = (value: unknown, push: (at: EventOrigin, n: number) => NormalizedEvent) => {
    if (!Array.isArray(value)) {
      const n = num(value);
      if (n !== undefined) events.push(push(origin, n));
      return;
    }
    value.forEach((item, i) => {
      const n = num(item);
      if (n !== undefined) events.push(push({ ...origin, channel: String(i + 1) }, n));
    });
  };
  each(energy.Power, (at, n) => reading(at, 'power', n));
  each(energy.Voltage, (at, n) => reading(at, 'voltage', n));
  each(energy.Current, (at, n) => reading(at, 'current', n));
  each(energy.Total, (at, n) => reading(at, 'energy', n));
  each(energy.Today, (at, n) => customReading(at, 'energy_today', n, 'kWh'));
  return events;
}

/** `POWER` / `POWER1…8` keys of a STATE or RESULT object → switch events (numbered ones as channels). */
export function powerEvents(state: JsonRecord, origin: Omit<EventOrigin, 'channel'>): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  for (const [key, value] of Object.entries(state)) {
    const match = /^POWER(\d?)$/.exec(key);
    const on = powerWord(value);
    if (!match || on === undefined) continue;
    events.push(switchState(match[1] ? { ...origin, channel: match[1] } : origin, on));
  }
  return events;
}

export function powerWord(value: unknown): boolean | undefined {
  const word = str(value)?.toUpperCase();
  return word === 'ON' || word === '1' ? true : word === 'OFF' || word === '0' ? false : undefined;
}
