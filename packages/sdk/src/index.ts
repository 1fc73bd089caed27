/**
 * @brightkitchen/sdk — the platform-free core: domain model, food-safety rules, client, adapter contract.
 * Runs in Node, a browser and a WeChat mini-program: no Node built-ins, no `window`, no `wx` here.
 */

export * from './adapters/index.js';
export * from './chain/index.js';
export * from './client/index.js';
export * from './domain/enums.js';
export * from './domain/index.js';
export type {
  AccompanyingMealRecord,
  AirDisinfectionRecord,
  LedgerRecord,
  LedgerRecordOf,
  MorningCheckRecord,
  PurchaseInspectionRecord,
  SampleRetentionRecord,
  Supplier,
  TablewareDisinfectionRecord,
} from './domain/ledger.js';
export {
  AccompanyingMealRecordSchema,
  AirDisinfectionRecordSchema,
  LEDGER_RECORD_SCHEMAS,
  LedgerRecordSchema,
  MorningCheckRecordSchema,
  PurchaseInspectionRecordSchema,
  SampleRetentionRecordSchema,
  SupplierSchema,
  TablewareDisinfectionRecordSchema,
} from './domain/ledger.js';
export { LEDGER_FIELD_LABELS, ledgerFieldLabel } from './domain/ledger-fields.js';
export type {
  AirDisinfectionMethod,
  CertificateKind,
  DisinfectionMethod,
  PurchaseCategory,
  Symptom,
} from './domain/ledger-vocab.js';
export {
  AIR_DISINFECTION_METHOD_LABELS,
  AIR_DISINFECTION_METHODS,
  CERTIFICATE_KINDS,
  DISINFECTION_METHOD_LABELS,
  DISINFECTION_METHODS,
  PURCHASE_CATEGORIES,
  PURCHASE_CATEGORY_LABELS,
  SYMPTOM_LABELS,
  SYMPTOMS,
} from './domain/ledger-vocab.js';
export type { FieldIssue, ParseResult } from './domain/result.js';
export type { LocalizedText } from './domain/text.js';
export * from './rules/index.js';
export { DEFAULT_TIME_ZONE, fromLocalTime, inZone, isIsoInstant, localDay, startOfLocalDay } from './time.js';
