/**
 * The parts of a camera channel the public profile carries (its area, its hours), in their own module so the
 * consumer's venue page takes only these (see the SDK's size budget).
 */
import * as v from 'valibot';

/** What a channel shows: cooking, cold dishes / special room, washing and disinfection, raw material processing. */
export const CAMERA_AREAS = ['cooking', 'cold_room', 'washing', 'raw_processing'] as const;
/** One of {@link CAMERA_AREAS}. */
export type CameraArea = (typeof CAMERA_AREAS)[number];

/** zh / en names of the areas, as the venue page shows them. */
export const CAMERA_AREA_LABELS: Readonly<Record<CameraArea, { readonly zh: string; readonly en: string }>> = {
  cooking: { zh: '烹饪区', en: 'Cooking' },
  cold_room: { zh: '凉菜专间', en: 'Cold dishes room' },
  washing: { zh: '清洗消毒区', en: 'Washing and disinfection' },
  raw_processing: { zh: '粗加工区', en: 'Raw material processing' },
};

/** `HH:MM`, 00:00–24:00. */
const TimeOfDaySchema = v.pipe(v.string(), v.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'FIELD_FORMAT'));

/**
 * A daily window in the venue's zone (`"10:30"`–`"13:30"`); a `from` later than `to` runs past midnight
 * (`"22:00"`–`"02:00"`), an equal pair is never.
 */
export const ShowHoursSchema = v.object({ from: TimeOfDaySchema, to: TimeOfDaySchema });
export type ShowHours = v.InferOutput<typeof ShowHoursSchema>;
