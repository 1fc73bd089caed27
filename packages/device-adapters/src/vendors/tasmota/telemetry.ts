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

function energyEvents(energy: JsonRecord, origin: EventOrigin): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const power = num(energy.Power);
  if (power !== undefined) events.push(reading(origin, 'power', power));
  const voltage = num(energy.Voltage);
  if (voltage !== undefined) events.push(reading(origin, 'voltage', voltage));
  const current = num(energy.Current);
  if (current !== undefined) events.push(reading(origin, 'current', current));
  const total = num(energy.Total);
  if (total !== undefined) events.push(reading(origin, 'energy', total));
  const today = num(energy.Today);
  if (today !== undefined) events.push(customReading(origin, 'energy_today', today, 'kWh'));
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
