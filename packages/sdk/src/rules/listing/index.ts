export { LISTING_FACTORS, type ListingFactor, type ListingFactorName } from './factors.js';
export type { ListingInput } from './input.js';
export { DEFAULT_LISTING_POLICY, type ListingPolicy } from './policy.js';
export { LISTING_REASON_MESSAGES, LISTING_REASONS, type ListingReason } from './reasons.js';
export { type ListingOutcome, scoreListing } from './score.js';
