/** N simulated sensors as MQTT clients, each publishing QoS 1 vendor payloads with a window in flight. */
import mqtt, { type MqttClient } from 'mqtt';

export interface Sensor {
  readonly client: MqttClient;
  readonly topic: string;
}

export async function connectSensors(
  url: string,
  specs: readonly { topic: string; username?: string; password?: string }[],
): Promise<Sensor[]> {
  return Promise.all(
    specs.map(async (spec) => ({
      topic: spec.topic,
      client: await mqtt.connectAsync(url, {
        ...(spec.username === undefined ? {} : { username: spec.username }),
        ...(spec.password === undefined ? {} : { password: spec.password }),
        reconnectPeriod: 0,
        connectTimeout: 10_000,
      }),
    })),
  );
}

/**
 * Every sensor publishes `count` messages (payload by index), at most `window` unacknowledged each.
 * Resolves when the broker has acknowledged all of them (PUBACK).
 */
export async function publishAll(
  sensors: readonly Sensor[],
  count: number,
  payload: (sensor: number, index: number) => string,
  window = 32,
): Promise<void> {
  await Promise.all(
    sensors.map(async (sensor, s) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: window }, async () => {
          while (next < count) {
            const i = next++;
            await sensor.client.publishAsync(sensor.topic, payload(s, i), { qos: 1 });
          }
        }),
      );
    }),
  );
}

export async function closeAll(sensors: readonly Sensor[]): Promise<void> {
  await Promise.all(sensors.map((s) => s.client.endAsync()));
}
