/** One normalized measurement from a device, as a vendor converter yields it. */
import * as v from 'valibot';
import { IdSchema, InstantSchema } from './primitives.js';

/** A metric name in snake_case, e.g. `temperature`, `humidity`, `power`, `uv_on`. */
export const MetricSchema = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,31}$/));

/** One sensor reading: device, instant, metric, value and unit. */
export const ReadingSchema = v.object({
  deviceId: IdSchema,
  time: InstantSchema,
  metric: MetricSchema,
  /** Bounded so that Infinity and absurd values are refused (JSON cannot carry Infinity anyway). */
  value: v.pipe(v.number(), v.minValue(-1e12), v.maxValue(1e12)),
  /** The unit, e.g. `°C`, `%`, `W`, `bool`. */
  unit: v.pipe(v.string(), v.maxLength(16)),
});
/** A sensor reading. Type of {@link ReadingSchema}. */
export type Reading = v.InferOutput<typeof ReadingSchema>;
