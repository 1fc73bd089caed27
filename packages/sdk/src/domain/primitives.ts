/**
 * Building blocks shared by the domain schemas. Every one is a plain valibot schema (types and
 * length/range/regex checks only, no transforms) so `@valibot/to-json-schema` can turn it into the
 * JSON Schema of a Fastify route.
 */
import * as v from 'valibot';

/** An entity id: an opaque string chosen by the server. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(128));

/** An instant as ISO 8601 with seconds and an offset, e.g. `2024-05-01T11:30:00+08:00`. */
export const InstantSchema = v.pipe(v.string(), v.isoTimestamp());

/** A calendar day `YYYY-MM-DD` (a local day in the venue's time zone where it matters). */
export const DaySchema = v.pipe(v.string(), v.isoDate());

/** An IANA time-zone name such as `Asia/Shanghai` or `UTC`. */
export const TimeZoneSchema = v.pipe(
  v.string(),
  v.maxLength(64),
  v.regex(/^(?:UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/),
);

/**
 * An absolute http(s) URL. Checked by a pattern, not `v.url()`: that one needs the global `URL`,
 * which a WeChat mini-program's JS runtime does not promise.
 */
export const UrlSchema = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/));

/** A non-empty string of at most `max` UTF-16 units (one per Chinese character). */
export function text(max: number) {
  return v.pipe(v.string(), v.minLength(1), v.maxLength(max));
}

/** A whole number ≥ 0 (counts). */
export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A share between 0 and 1 inclusive. */
export const RatioSchema = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** WGS-84 coordinates in degrees. */
export const CoordinatesSchema = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});
/** A point: latitude and longitude in degrees. Type of {@link CoordinatesSchema}. */
export type Coordinates = v.InferOutput<typeof CoordinatesSchema>;

/** User-facing text, Simplified Chinese first, English second. */
export const LocalizedTextSchema = v.object({ zh: v.string(), en: v.string() });

/** An object with one required entry per key of a closed vocabulary, each of the same schema. */
export function keyedObject<K extends string, S extends v.GenericSchema>(keys: readonly K[], schema: S) {
  return v.object(Object.fromEntries(keys.map((key) => [key, schema])) as { [P in K]: S });
}

/** An object with one optional entry per key of a closed vocabulary (sparse counts, per-kind aggregates). */
export function partialKeyedObject<K extends string, S extends v.GenericSchema>(keys: readonly K[], schema: S) {
  return v.object(
    Object.fromEntries(keys.map((key) => [key, v.optional(schema)])) as {
      [P in K]: v.OptionalSchema<S, undefined>;
    },
  );
}
