/**
 * `@brightkitchen/sdk/listing`: red/black list scoring (红黑榜, see the package's docs/listing.md). Its own entry so
 * apps that do not publish lists do not carry it.
 * @packageDocumentation
 */

export { createListsClient, type ListsClient } from './client.js';
export {
  LIST_SCOPE_MAX_VENUES,
  type ListDraftInput,
  ListDraftInputSchema,
  type ListEntry,
  ListEntrySchema,
  type ListExclusionInput,
  ListExclusionInputSchema,
  type ListSet,
  type ListSetPage,
  ListSetPageSchema,
  ListSetSchema,
  type ListSetSummary,
  ListSetSummarySchema,
} from './contract.js';
export { LISTING_FACTORS, type ListingFactor, type ListingFactorName } from './factors.js';
export type { ListingInput } from './input.js';
export { monthPeriod } from './period.js';
export { DEFAULT_LISTING_POLICY, type ListingPolicy } from './policy.js';
export { LISTING_REASON_MESSAGES, LISTING_REASONS, type ListingReason } from './reasons.js';
export { type ListingOutcome, scoreListing } from './score.js';
