/** Simulated sensors as full MQTT clients (mqtt.js): the breach probes. The load uses raw-mqtt.ts in workers. */
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

export async function closeAll(sensors: readonly Sensor[]): Promise<void> {
  await Promise.all(sensors.map((s) => s.client.endAsync()));
}
