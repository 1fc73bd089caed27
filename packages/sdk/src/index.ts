/**
 * @brightkitchen/sdk — the platform-free core: domain model, food-safety rules, client, adapter contract.
 * Runs in Node, a browser and a WeChat mini-program: no Node built-ins, no `window`, no `wx` here.
 */
export * from './domain/enums.js';
export type { FieldIssue, ParseResult } from './domain/result.js';
export type { LocalizedText } from './domain/text.js';
export { DEFAULT_TIME_ZONE, fromLocalTime, inZone, isIsoInstant, localDay, startOfLocalDay } from './time.js';
