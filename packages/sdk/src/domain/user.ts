/**
 * Users as the API shows them: the logged-in user, `GET /v1/me`, and a venue's members
 * (`/v1/venues/{venueId}/members`). Passwords and WeChat ids never appear here.
 */
import * as v from 'valibot';
import { ROLES } from './enums.js';
import { IdSchema, text } from './primitives.js';

/** The roles a user can hold at a venue. */
export const VENUE_ROLES = ['operator_staff', 'operator_manager'] as const;
/** One of {@link VENUE_ROLES}: what a user may do at a venue. */
export type VenueRole = (typeof VENUE_ROLES)[number];

/** A user: `login` is `null` for WeChat-only consumers and partners. */
export const PublicUserSchema = v.object({
  id: IdSchema,
  role: v.picklist(ROLES),
  displayName: v.string(),
  login: v.nullable(v.string()),
});
/** A user: `login` is `null` for WeChat-only consumers and partners. Type of {@link PublicUserSchema}. */
export type PublicUser = v.InferOutput<typeof PublicUserSchema>;

/** One venue the user belongs to, and how. */
export const MembershipSchema = v.object({ venueId: IdSchema, role: v.picklist(VENUE_ROLES) });
/** One venue the user belongs to, and how. Type of {@link MembershipSchema}. */
export type Membership = v.InferOutput<typeof MembershipSchema>;

/** `GET /v1/me`: the user, its venue memberships and (regulators) the regions it supervises. */
export const MeSchema = v.object({
  user: PublicUserSchema,
  memberships: v.array(MembershipSchema),
  regionIds: v.array(IdSchema),
});
/**
 * `GET /v1/me`: the user, its venue memberships and (regulators) the regions it supervises. Type of {@link MeSchema}.
 */
export type Me = v.InferOutput<typeof MeSchema>;

/** A user and their role at a venue. */
export const MemberSchema = v.object({
  userId: IdSchema,
  role: v.picklist(VENUE_ROLES),
  displayName: v.string(),
  login: v.nullable(v.string()),
  staffId: v.optional(IdSchema),
});
/** A user and their role at a venue. Type of {@link MemberSchema}. */
export type Member = v.InferOutput<typeof MemberSchema>;

/**
 * Body of `POST /v1/venues/{venueId}/members`: an existing user (`userId` or `login`) or a new one
 * (`login` + `password` of at least 8 characters, `displayName` optional), with its venue role.
 */
export const MemberInputSchema = v.object({
  userId: v.optional(IdSchema),
  login: v.optional(text(200)),
  password: v.optional(v.pipe(v.string(), v.minLength(8), v.maxLength(500))),
  displayName: v.optional(text(64)),
  role: v.picklist(VENUE_ROLES),
  staffId: v.optional(IdSchema),
});
/**
 * Body of `POST /v1/venues/{venueId}/members`: an existing user (`userId` or `login`) or a new one (`login` +
 * `password` of at least 8 characters, `displayName` optional), with its venue role. Type of {@link
 * MemberInputSchema}.
 */
export type MemberInput = v.InferOutput<typeof MemberInputSchema>;
