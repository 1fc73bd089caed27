/**
 * The six ledger (电子台账) record kinds of REGULATIONS.md as valibot schemas, discriminated by `kind`.
 * Schemas check shape and types only; the food-safety rules live in `rules/ledger`.
 * Instants are ISO 8601 with offset; calendar dates are `YYYY-MM-DD` in the venue's time zone.
 */
import * as v from 'valibot';
import { MEALS } from './enums.js';
import {
  AIR_DISINFECTION_METHODS,
  CERTIFICATE_KINDS,
  DISINFECTION_METHODS,
  PURCHASE_CATEGORIES,
  SYMPTOMS,
} from './ledger-vocab.js';
import { DaySchema, InstantSchema } from './primitives.js';

// Plain actions only (no `check`), so that @valibot/to-json-schema converts these for the server's routes.
// Bounded numbers also keep out Infinity, which `v.number()` would accept.
const text = v.pipe(v.string(), v.regex(/\S/), v.maxLength(500));
const instant = InstantSchema;
const date = DaySchema;
const between = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max));
/** Any plausible temperature in ℃ (probes, rooms, fridges, dishwashers, cabinets). */
const celsius = between(-100, 500);

/**
 * A correction: the record this one replaces and why. The chain stays append-only: the corrected record is kept
 * unchanged, and lists mark it corrected (`correctedBy`). The server checks the record exists at the venue, is of
 * the same kind and is not corrected already.
 */
export const LedgerCorrectionSchema = v.object({
  /** The id of the record corrected (`LedgerEntry.id`). */
  recordId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  reason: text,
});
/** What a correcting record says it corrects. Type of {@link LedgerCorrectionSchema}. */
export type LedgerCorrection = v.InferOutput<typeof LedgerCorrectionSchema>;

/**
 * Fields every record may carry. `clientId` lets an offline client find its record again; `corrects` makes the
 * record a correction of an earlier one.
 */
const common = {
  venueId: v.optional(text),
  recordedAt: v.optional(instant),
  clientId: v.optional(text),
  corrects: v.optional(LedgerCorrectionSchema),
};

/** 晨检: one staff member's morning health check (temperature, symptoms, hands, uniform). */
export const MorningCheckRecordSchema = v.object({
  kind: v.literal('morning_check'),
  ...common,
  staffId: text,
  staffName: v.optional(text),
  time: instant,
  /** Body temperature; outside 30–45 ℃ is a typing slip, not a reading. */
  temperatureC: between(30, 45),
  symptoms: v.pipe(v.array(v.picklist(SYMPTOMS)), v.maxLength(SYMPTOMS.length * 2)),
  handCheckOk: v.boolean(),
  /** Uniform, hat, no jewellery. */
  uniformOk: v.boolean(),
  checker: text,
  /** Filled by the server from the staff archive: `null` = no health certificate, absent = unknown. */
  healthCertificateExpiresOn: v.optional(v.nullable(date)),
  /**
   * Filled by the server from the platform's training certificates and the staff archive: the last day of the
   * longest-valid one; `null` = none, absent = unknown.
   */
  trainingCertificateExpiresOn: v.optional(v.nullable(date)),
});

/** Who sold a purchase: name, address, contact and food business licence number. */
export const SupplierSchema = v.object({
  name: text,
  address: text,
  contact: text,
  licenceNo: text,
});

/** 进货查验: a purchase checked on arrival (product, dates, supplier, certificate). */
export const PurchaseInspectionRecordSchema = v.object({
  kind: v.literal('purchase_inspection'),
  ...common,
  productName: text,
  spec: text,
  quantity: v.pipe(v.number(), v.gtValue(0), v.maxValue(1e9)),
  unit: text,
  /** One of productionDate or batch is required (checked by the rules). */
  productionDate: v.optional(date),
  batch: v.optional(text),
  /** Days; `null` or absent = the product has no shelf life. */
  shelfLifeDays: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36_500)))),
  purchaseDate: date,
  supplier: SupplierSchema,
  category: v.picklist(PURCHASE_CATEGORIES),
  /** Inspection report or quarantine certificate number; meat and poultry need an animal quarantine certificate. */
  certificateNo: v.optional(text),
  certificateKind: v.optional(v.picklist(CERTIFICATE_KINDS)),
  invoicePhotoRef: v.optional(text),
});

/** 餐饮具消毒: a batch of tableware disinfected (method, temperature or chlorine, duration). */
export const TablewareDisinfectionRecordSchema = v.object({
  kind: v.literal('tableware_disinfection'),
  ...common,
  time: instant,
  items: v.pipe(v.array(text), v.minLength(1), v.maxLength(100)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e7)),
  method: v.picklist(DISINFECTION_METHODS),
  temperatureC: v.optional(celsius),
  durationSeconds: between(0, 86_400),
  chlorineMgPerL: v.optional(between(0, 100_000)),
  rinsed: v.optional(v.boolean()),
  operator: text,
});

/** 食品留样: a dish sample kept (weight, sealed, storage) for the hours the rules require. */
export const SampleRetentionRecordSchema = v.object({
  kind: v.literal('sample_retention'),
  ...common,
  dishName: text,
  meal: v.picklist(MEALS),
  weightGrams: between(0, 100_000),
  sampledAt: instant,
  storageUnit: text,
  storageTempC: v.optional(celsius),
  sealedSeparately: v.boolean(),
  person: text,
  disposedAt: v.optional(instant),
  /** A photo of the retained sample (`sha256:…`, see ledger-photo.ts). */
  samplePhotoRef: v.optional(text),
});

/** 专间空气消毒: a special room disinfected by UV or ozone, empty of people. */
export const AirDisinfectionRecordSchema = v.object({
  kind: v.literal('air_disinfection'),
  ...common,
  room: text,
  method: v.picklist(AIR_DISINFECTION_METHODS),
  start: instant,
  end: instant,
  /** One of operator or deviceId is required (checked by the rules). */
  operator: v.optional(text),
  deviceId: v.optional(text),
  roomEmptyConfirmed: v.boolean(),
  roomTempC: v.optional(celsius),
});

/** 陪餐: a school's principal or parent representative eating the pupils' meal. */
export const AccompanyingMealRecordSchema = v.object({
  kind: v.literal('accompanying_meal'),
  ...common,
  meal: v.picklist(MEALS),
  /** The venue-local day of the meal. */
  date,
  person: text,
  /** e.g. 校长, 副校长, 家长代表. */
  role: text,
  remarks: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});

/** Schema of each ledger kind, for forms and for validating one kind. */
export const LEDGER_RECORD_SCHEMAS = {
  morning_check: MorningCheckRecordSchema,
  purchase_inspection: PurchaseInspectionRecordSchema,
  tableware_disinfection: TablewareDisinfectionRecordSchema,
  sample_retention: SampleRetentionRecordSchema,
  air_disinfection: AirDisinfectionRecordSchema,
  accompanying_meal: AccompanyingMealRecordSchema,
} as const;

/** Any ledger record, discriminated by `kind`. */
export const LedgerRecordSchema = v.variant('kind', [
  MorningCheckRecordSchema,
  PurchaseInspectionRecordSchema,
  TablewareDisinfectionRecordSchema,
  SampleRetentionRecordSchema,
  AirDisinfectionRecordSchema,
  AccompanyingMealRecordSchema,
]);

/** A morning health check record (see {@link MorningCheckRecordSchema}). */
export type MorningCheckRecord = v.InferOutput<typeof MorningCheckRecordSchema>;
/** A supplier of a purchase (see {@link SupplierSchema}). */
export type Supplier = v.InferOutput<typeof SupplierSchema>;
/** A purchase inspection record (see {@link PurchaseInspectionRecordSchema}). */
export type PurchaseInspectionRecord = v.InferOutput<typeof PurchaseInspectionRecordSchema>;
/** A tableware disinfection record (see {@link TablewareDisinfectionRecordSchema}). */
export type TablewareDisinfectionRecord = v.InferOutput<typeof TablewareDisinfectionRecordSchema>;
/** A food sample retention record (see {@link SampleRetentionRecordSchema}). */
export type SampleRetentionRecord = v.InferOutput<typeof SampleRetentionRecordSchema>;
/** A special-room air disinfection record (see {@link AirDisinfectionRecordSchema}). */
export type AirDisinfectionRecord = v.InferOutput<typeof AirDisinfectionRecordSchema>;
/** An accompanying-meal record (see {@link AccompanyingMealRecordSchema}). */
export type AccompanyingMealRecord = v.InferOutput<typeof AccompanyingMealRecordSchema>;
/**
 * Any ledger record; narrow on `kind`.
 * @example if (record.kind === 'sample_retention') record.weightGrams
 */
export type LedgerRecord = v.InferOutput<typeof LedgerRecordSchema>;
/** The record of one kind: `LedgerRecordOf<'sample_retention'>`. */
export type LedgerRecordOf<K extends LedgerRecord['kind']> = Extract<LedgerRecord, { kind: K }>;
