/** What the ingestion routes answer: a device's ISAPI push and the ingestion counters. */
import * as v from 'valibot';
import { MqttEndpointsSchema } from '../domain/device.js';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** `POST /v1/ingest/isapi/{deviceId}`: how many normalized events the push held. */
export const IsapiPushAnswerSchema = v.object({ accepted: Count });
/**
 * `POST /v1/ingest/isapi/{deviceId}`: how many normalized events the push held. Type of {@link IsapiPushAnswerSchema}.
 */
export type IsapiPushAnswer = v.InferOutput<typeof IsapiPushAnswerSchema>;

/** Why traffic was dropped: no registered device for it, a disabled one, or no device key in the topic. */
export const INGEST_DROP_REASONS = ['unknown_device', 'device_disabled', 'no_device_key'] as const;
/** One of {@link INGEST_DROP_REASONS}. */
export type IngestDropReason = (typeof INGEST_DROP_REASONS)[number];

/** `GET /v1/ingest/stats` (admin): counters since the server started. */
export const IngestStatsSchema = v.object({
  messages: Count,
  events: Count,
  readingsStored: Count,
  conversionFailures: Count,
  dropped: v.object({
    total: Count,
    /** Per topic and reason, most dropped first (past 1000 topics, counted under `*`). */
    byTopic: v.array(v.object({ topic: v.string(), reason: v.picklist(INGEST_DROP_REASONS), count: Count })),
  }),
  /** Where devices reach the broker; null when the server runs none. */
  broker: v.nullable(MqttEndpointsSchema),
});
/** `GET /v1/ingest/stats` (admin): counters since the server started. Type of {@link IngestStatsSchema}. */
export type IngestStats = v.InferOutput<typeof IngestStatsSchema>;
