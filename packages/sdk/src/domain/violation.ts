/** An AI-recognised violation seen by a camera (明厨亮灶 video analysis), normalized across vendors. */
import * as v from 'valibot';
import { VIOLATION_TYPES } from './enums.js';
import { IdSchema, InstantSchema, RatioSchema, text } from './primitives.js';

/** A violation type, or `unknown` for a vendor event no converter maps (its `vendorCode` is kept). */
export const VIOLATION_TYPES_OR_UNKNOWN = [...VIOLATION_TYPES, 'unknown'] as const;

/** A violation an AI camera recognised: type, camera, instant, confidence and snapshot. */
export const ViolationSchema = v.object({
  type: v.picklist(VIOLATION_TYPES_OR_UNKNOWN),
  /** The vendor's own event code, e.g. Hikvision `safetyHelmetDetection`. */
  vendorCode: v.optional(text(128)),
  confidence: v.optional(RatioSchema),
  cameraId: IdSchema,
  /** The channel on an NVR or video platform (GB/T 28181 channel ids are 20-digit strings). */
  channel: v.optional(text(64)),
  time: InstantSchema,
  /** Where the snapshot is stored (a storage key or URL). */
  snapshotRef: v.optional(text(512)),
});
/** A recognised violation. Type of {@link ViolationSchema}. */
export type Violation = v.InferOutput<typeof ViolationSchema>;
/** A {@link ViolationType}, or `unknown` for a vendor event not mapped to one. */
export type ViolationTypeOrUnknown = Violation['type'];
