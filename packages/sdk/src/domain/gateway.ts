/** An edge gateway of a venue: relays the venue's devices on the broker and posts their normalized events. */
import * as v from 'valibot';
import { MqttEndpointsSchema } from './device.js';
import { IdSchema, text } from './primitives.js';

/** An edge gateway of a venue as the server lists it. */
export const GatewaySchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  name: v.string(),
  createdAt: v.string(),
  disabled: v.boolean(),
});
/** An edge gateway. Type of {@link GatewaySchema}. */
export type Gateway = v.InferOutput<typeof GatewaySchema>;

/** Body of `POST /v1/venues/{venueId}/gateways`: the gateway's name. */
export const GatewayInputSchema = v.object({ name: text(100) });
/** Type of {@link GatewayInputSchema}. */
export type GatewayInput = v.InferOutput<typeof GatewayInputSchema>;

/** `GET /v1/venues/{venueId}/gateways`. */
export const GatewayPageSchema = v.object({ items: v.array(GatewaySchema), nextCursor: v.nullable(v.string()) });

/** The answer to a gateway's registration; `credentials.password` is shown this once and never again. */
export const GatewayRegisteredSchema = v.object({
  gateway: GatewaySchema,
  credentials: v.object({
    /** The gateway id (`gw_…`). */
    username: v.string(),
    password: v.string(),
    mqtt: v.optional(MqttEndpointsSchema),
    /** Path of `POST /v1/ingest/events` (HTTP Basic: username + password). */
    events: v.string(),
  }),
});
/**
 * The answer to a gateway's registration; `credentials.password` is shown this once and never again. Type of {@link
 * GatewayRegisteredSchema}.
 */
export type GatewayRegistered = v.InferOutput<typeof GatewayRegisteredSchema>;
