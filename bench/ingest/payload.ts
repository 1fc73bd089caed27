import { z2mState } from '@brightkitchen/device-adapters/simulator';

/** An in-range fridge reading (no alert from the load itself), varying per message. */
export const sensorPayload = (sensor: number, index: number) =>
  z2mState({ temperature: 3 + ((sensor + index) % 20) / 10, humidity: 65, battery: 90, linkquality: 100 });
