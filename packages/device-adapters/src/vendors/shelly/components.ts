/** Shelly Gen2/Gen3 status components → events; each component key (`switch:0`) is the channel. */
import {
  type EventOrigin,
  type NormalizedEvent,
  reading,
  round,
  switchState,
  temperatureReading,
} from '@brightkitchen/sdk';
import { field, isRecord, num } from '../../shared/coerce.js';

export function componentEvents(
  key: string,
  component: unknown,
  origin: Omit<EventOrigin, 'channel'>,
): NormalizedEvent[] {
  if (!isRecord(component)) return [];
  const kind = key.split(':')[0];
  const at = { ...origin, channel: key };
  const events: NormalizedEvent[] = [];
  switch (kind) {
    case 'temperature': {
      const c = num(component.tC);
      const f = num(component.tF);
      if (c !== undefined) events.push(temperatureReading(at, c));
      else if (f !== undefined) events.push(temperatureReading(at, f, 'F'));
      break;
    }
    case 'humidity': {
      const rh = num(component.rh);
      if (rh !== undefined) events.push(reading(at, 'humidity', rh));
      break;
    }
    case 'illuminance': {
      const lux = num(component.lux);
      if (lux !== undefined) events.push(reading(at, 'illuminance', lux));
      break;
    }
    case 'devicepower': {
      const percent = num(field(component.battery, 'percent'));
      if (percent !== undefined) events.push(reading(at, 'battery', percent));
      break;
    }
    case 'switch':
    case 'pm1': {
      // Power is a `power` reading whatever the vendor; the switch event carries it too.
      const power = num(component.apower);
      if (kind === 'switch' && typeof component.output === 'boolean') {
        events.push(switchState(at, component.output, power));
      }
      if (power !== undefined) events.push(reading(at, 'power', power));
      const voltage = num(component.voltage);
      if (voltage !== undefined) events.push(reading(at, 'voltage', voltage));
      const current = num(component.current);
      if (current !== undefined) events.push(reading(at, 'current', current));
      const wh = num(field(component.aenergy, 'total'));
      if (wh !== undefined) events.push(reading(at, 'energy', round(wh / 1000, 4)));
      break;
    }
    default:
      break;
  }
  return events;
}
