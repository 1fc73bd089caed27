/**
 * The inspection checklist (监督检查表): items grouped by area, each key (关键项) or general, with the score a
 * conforming answer earns. The national default is `NATIONAL_CHECKLIST`; a region marks other items key or leaves
 * some out through its rule profile (`inspection.keyItems`, `inspection.omittedItems`).
 */
import * as v from 'valibot';
import { LocalizedTextSchema } from './primitives.js';
import type { LocalizedText } from './text.js';

/** The checklist's areas, in the order an inspector walks a venue. */
export const CHECKLIST_AREAS = [
  'licence_personnel',
  'environment_equipment',
  'raw_materials',
  'processing',
  'cleaning_disinfection',
  'sample_retention',
  'ledgers',
  'video_devices',
] as const;
/** One of {@link CHECKLIST_AREAS}. */
export type ChecklistArea = (typeof CHECKLIST_AREAS)[number];

/** Each area's name, zh-CN first. */
export const CHECKLIST_AREA_LABELS: Readonly<Record<ChecklistArea, LocalizedText>> = {
  licence_personnel: { zh: '许可与人员管理', en: 'Licence and personnel' },
  environment_equipment: { zh: '环境与设施设备', en: 'Environment and equipment' },
  raw_materials: { zh: '原料控制', en: 'Raw materials' },
  processing: { zh: '加工制作', en: 'Processing' },
  cleaning_disinfection: { zh: '清洗消毒', en: 'Cleaning and disinfection' },
  sample_retention: { zh: '食品留样', en: 'Sample retention' },
  ledgers: { zh: '台账与记录', en: 'Ledgers and records' },
  video_devices: { zh: '视频与设备', en: 'Video and devices' },
};

/** The score a conforming item earns (the 0–10 scale of the dynamic grade). */
export const CHECKLIST_FULL_SCORE = 10;

/** Checklist item codes: `area number.item number`, e.g. `3.1`. */
export const CHECKLIST_CODE = /^\d{1,2}\.\d{1,2}$/;

/** One item of the checklist in force. */
export const ChecklistItemSchema = v.object({
  code: v.pipe(v.string(), v.regex(CHECKLIST_CODE)),
  area: v.picklist(CHECKLIST_AREAS),
  title: LocalizedTextSchema,
  /** A key item (关键项): two or more failed key items mean no dynamic grade. */
  key: v.boolean(),
  /** What a conforming answer earns; a non-conforming one earns 0. */
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(CHECKLIST_FULL_SCORE)),
});
/** One item of the checklist in force. Type of {@link ChecklistItemSchema}. */
export type ChecklistItem = v.InferOutput<typeof ChecklistItemSchema>;

/** `GET /v1/venues/{venueId}/checklist`: the checklist in force in the venue's region. */
export const ChecklistSchema = v.object({
  regionId: v.string(),
  items: v.array(ChecklistItemSchema),
});
/** The checklist in force in a venue's region. Type of {@link ChecklistSchema}. */
export type Checklist = v.InferOutput<typeof ChecklistSchema>;
