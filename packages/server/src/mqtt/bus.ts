/** What ingestion and notifications need from MQTT, whether the broker is embedded or external. */

export type MessageHandler = (topic: string, payload: Buffer) => void;

/** A device connection came or went (embedded broker only: it knows who is connected). */
export type ConnectionHandler = (deviceId: string, online: boolean) => void;

export interface PublishOptions {
  readonly qos?: 0 | 1;
  readonly retain?: boolean;
}

export interface MqttEndpoints {
  /** `mqtt://host:port` of the embedded broker, or the external broker's URL (credentials masked). */
  readonly tcp: string;
  /** `ws://host:port` for browsers and mini-programs (embedded broker only). */
  readonly ws?: string;
}

export interface MqttBus {
  readonly kind: 'embedded' | 'external';
  start(): Promise<void>;
  /** Server-side subscription (shared subscription on an external broker). */
  subscribe(filters: readonly string[], onMessage: MessageHandler): Promise<void>;
  publish(topic: string, payload: string | Buffer, options?: PublishOptions): Promise<void>;
  /**
   * Ends the connections of a removed device (embedded broker; an external one is told by its own means: Mosquitto's
   * dynamic security disconnects a deleted client, EMQX's hooks refuse it from then on).
   */
  disconnectDevice(deviceId: string): void;
  endpoints(): MqttEndpoints;
  /** Started and reachable: the embedded broker listening, or connected to the external one (readiness). */
  reachable(): boolean;
  close(): Promise<void>;
}
