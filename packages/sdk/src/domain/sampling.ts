/**
 * Sampling tasks (抽检): a regulator assigns a venue's foods to an inspector of the region, from the week's plan,
 * an alert or a capture; the inspector records the laboratory's result. A failure is an incident (the dynamic
 * grade is held back 6 months) and opens a rectification notice. Operators see their venue's tasks only once a
 * result is recorded: sampling is unannounced.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { LedgerPhotoRefSchema } from './ledger-photo.js';
import { DaySchema, IdSchema, InstantSchema, TimeZoneSchema, text } from './primitives.js';

/** `assigned` (waiting for the result), then `passed` or `failed`. */
export const SAMPLING_TASK_STATES = ['assigned', 'passed', 'failed'] as const;
/** One of {@link SAMPLING_TASK_STATES}. */
export type SamplingTaskState = (typeof SAMPLING_TASK_STATES)[number];

/** Where a task comes from: the plan's suggestions, an alert, a camera capture, or other. */
export const SAMPLING_SOURCE_KINDS = ['plan', 'alert', 'capture', 'other'] as const;
/** One of {@link SAMPLING_SOURCE_KINDS}. */
export type SamplingSourceKind = (typeof SAMPLING_SOURCE_KINDS)[number];

export const SAMPLING_STATE_LABELS: Readonly<Record<SamplingTaskState, string>> = {
  assigned: '待抽检',
  passed: '合格',
  failed: '不合格',
};

/** A rectification opened by a failed result, unless the result names its own: the default legal text. */
export const SAMPLING_DEFAULT_OBLIGATION = '食品安全法 第五十五条';

/** Body of `POST /v1/venues/{venueId}/sampling-tasks`. */
export const SamplingTaskInputSchema = v.object({
  foods: v.pipe(v.array(text(100)), v.minLength(1), v.maxLength(20)),
  reason: text(500),
  source: v.object({ kind: v.picklist(SAMPLING_SOURCE_KINDS), id: v.optional(IdSchema) }),
  /** The last local day to take the samples. */
  deadline: DaySchema,
  /** A regulator user of the venue's region. */
  inspectorId: IdSchema,
});
/** Type of {@link SamplingTaskInputSchema}. */
export type SamplingTaskInput = v.InferOutput<typeof SamplingTaskInputSchema>;

/** One item the laboratory tested: the measured value, the limit, and its verdict. */
export const SamplingItemSchema = v.object({
  /** e.g. `菌落总数（大米饭）`. */
  name: text(100),
  value: text(50),
  limit: text(50),
  verdict: v.picklist(['pass', 'fail']),
});
/** Type of {@link SamplingItemSchema}. */
export type SamplingItem = v.InferOutput<typeof SamplingItemSchema>;

/** Body of `POST /v1/sampling-tasks/{taskId}/result`. */
export const SamplingResultInputSchema = v.object({
  outcome: v.picklist(['pass', 'fail']),
  /** The local day the result was reported (a failure's incident day). */
  testedOn: DaySchema,
  items: v.pipe(v.array(SamplingItemSchema), v.minLength(1), v.maxLength(50)),
  /** The lab report, photographed into the venue's photo store. */
  labReport: v.optional(LedgerPhotoRefSchema),
  remark: v.optional(text(500)),
  /** For a failure: the rectification's deadline (default 15 days after the result) and legal text. */
  rectificationDeadline: v.optional(DaySchema),
  obligation: v.optional(text(200)),
});
/** Type of {@link SamplingResultInputSchema}. */
export type SamplingResultInput = v.InferOutput<typeof SamplingResultInputSchema>;

/** A sampling task, with its result once recorded. */
export const SamplingTaskSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  regionId: IdSchema,
  ...SamplingTaskInputSchema.entries,
  inspectorName: v.optional(text(100)),
  state: v.picklist(SAMPLING_TASK_STATES),
  createdAt: InstantSchema,
  result: v.optional(
    v.object({
      outcome: v.picklist(['pass', 'fail']),
      testedOn: DaySchema,
      items: v.array(SamplingItemSchema),
      labReport: v.optional(LedgerPhotoRefSchema),
      remark: v.optional(text(500)),
      recordedAt: InstantSchema,
      /** The rectification notice a failure opened. */
      rectificationId: v.optional(IdSchema),
    }),
  ),
  venueName: v.optional(text(100)),
  timeZone: v.optional(TimeZoneSchema),
});
/** Type of {@link SamplingTaskSchema}. */
export type SamplingTask = v.InferOutput<typeof SamplingTaskSchema>;

/** `GET /v1/sampling-tasks`: newest first. */
export const SamplingTaskPageSchema = pageSchema(SamplingTaskSchema);
/** Type of {@link SamplingTaskPageSchema}. */
export type SamplingTaskPage = v.InferOutput<typeof SamplingTaskPageSchema>;

/** A regulator of the venue's region who can be assigned a sampling task. */
export const SamplingInspectorSchema = v.object({ id: IdSchema, name: v.string() });
/** Type of {@link SamplingInspectorSchema}. */
export type SamplingInspector = v.InferOutput<typeof SamplingInspectorSchema>;

/** `GET /v1/venues/{venueId}/sampling-inspectors`: the regulators of the venue's region, by name. */
export const SamplingInspectorListSchema = v.object({ items: v.array(SamplingInspectorSchema) });
/** Type of {@link SamplingInspectorListSchema}. */
export type SamplingInspectorList = v.InferOutput<typeof SamplingInspectorListSchema>;
