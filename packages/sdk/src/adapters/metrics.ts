/** Known metrics with their canonical units, and factories for the events most converters emit. */
import type { AvailabilityEvent, EventDetails, ReadingEvent, SwitchEvent } from './events.js';

/** Metrics the platform knows, each with its canonical unit: converters report in these units. */
export const METRIC_UNITS = {
  temperature: '°C',
  dew_point: '°C',
  humidity: '%',
  battery: '%',
  voltage: 'V',
  current: 'A',
  power: 'W',
  energy: 'kWh',
  pressure: 'hPa',
  illuminance: 'lx',
  linkquality: 'lqi',
  door_open: 'bool',
  co2: 'ppm',
} as const;
/** A metric of {@link METRIC_UNITS}. */
export type KnownMetric = keyof typeof METRIC_UNITS;

/** Where and when: the part every event shares. */
export interface EventOrigin {
  readonly time: string;
  readonly deviceId: string;
  readonly channel?: string;
  readonly details?: EventDetails;
}

function withOrigin(origin: EventOrigin) {
  return {
    time: origin.time,
    deviceId: origin.deviceId,
    ...(origin.channel === undefined ? {} : { channel: origin.channel }),
    ...(origin.details === undefined ? {} : { details: origin.details }),
  };
}

/** Rounds away float noise (°F conversions, Wh → kWh) to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Converts °F to °C, rounded to two decimals.
 * @example fahrenheitToCelsius(212) // 100
 */
export function fahrenheitToCelsius(fahrenheit: number): number {
  return round(((fahrenheit - 32) * 5) / 9, 2);
}

/** A reading of a known metric in its canonical unit. */
export function reading(origin: EventOrigin, metric: KnownMetric, value: number): ReadingEvent {
  return { type: 'reading', ...withOrigin(origin), metric, value, unit: METRIC_UNITS[metric] };
}

/** A reading of a metric this contract does not know yet, with its unit. */
export function customReading(origin: EventOrigin, metric: string, value: number, unit: string): ReadingEvent {
  return { type: 'reading', ...withOrigin(origin), metric, value, unit };
}

/** A temperature in °C, converting from °F when the device reports Fahrenheit. */
export function temperatureReading(
  origin: EventOrigin,
  value: number,
  unit: 'C' | 'F' = 'C',
  metric: 'temperature' | 'dew_point' = 'temperature',
): ReadingEvent {
  return reading(origin, metric, unit === 'F' ? fahrenheitToCelsius(value) : value);
}

/** A switch event: the relay is on or off, with the power drawn when the device measures it. */
export function switchState(origin: EventOrigin, on: boolean, powerW?: number): SwitchEvent {
  return powerW === undefined
    ? { type: 'switch', ...withOrigin(origin), on }
    : { type: 'switch', ...withOrigin(origin), on, powerW };
}

/** An availability event: the device (or channel) came online or went offline. */
export function availability(origin: EventOrigin, online: boolean): AvailabilityEvent {
  return { type: 'availability', ...withOrigin(origin), online };
}
