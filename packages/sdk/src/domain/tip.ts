/**
 * Food-safety tips (食品安全贴士) and consumer alerts (消费预警): a regulator writes one for a region with a validity
 * period (instants; people read them in Asia/Shanghai) and may withdraw it. The public reads those in force for a
 * region: its own and those of the regions above it, consumer alerts first. Consumers who opted in (per region,
 * one WeChat one-time subscription per message) receive a new consumer alert as a subscribe message.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { CountSchema, IdSchema, InstantSchema, text, UrlSchema } from './primitives.js';

/** `consumer_alert` (消费预警) comes before `tip` (食品安全贴士) wherever both are listed. */
export const TIP_KINDS = ['consumer_alert', 'tip'] as const;
/** One of {@link TIP_KINDS}. */
export type TipKind = (typeof TIP_KINDS)[number];
/** zh-CN labels of {@link TIP_KINDS}. */
export const TIP_KIND_LABELS: Readonly<Record<TipKind, string>> = { consumer_alert: '消费预警', tip: '食品安全贴士' };

/** `scheduled` (starts later), `in_force`, `expired`, `withdrawn`: read off the clock, never stored. */
export const TIP_STATES = ['scheduled', 'in_force', 'expired', 'withdrawn'] as const;
/** One of {@link TIP_STATES}. */
export type TipState = (typeof TIP_STATES)[number];
/** zh-CN labels of {@link TIP_STATES}. */
export const TIP_STATE_LABELS: Readonly<Record<TipState, string>> = {
  scheduled: '未生效',
  in_force: '生效中',
  expired: '已过期',
  withdrawn: '已撤回',
};

/** The longest validity period a tip or alert may have. */
export const TIP_VALIDITY_MAX_DAYS = 366;

/** Body of `POST /v1/tips`. */
export const TipInputSchema = v.object({
  regionId: IdSchema,
  kind: v.picklist(TIP_KINDS),
  title: text(60),
  body: text(2000),
  /** A page with more (the bureau's notice), `http(s)://`. */
  link: v.optional(UrlSchema),
  validFrom: InstantSchema,
  /** After `validFrom`, in the future, at most {@link TIP_VALIDITY_MAX_DAYS} days after it. */
  validUntil: InstantSchema,
});
/** Type of {@link TipInputSchema}. */
export type TipInput = v.InferOutput<typeof TipInputSchema>;

/** Body of `POST /v1/tips/{tipId}/withdraw`. */
export const TipWithdrawInputSchema = v.object({ reason: v.optional(text(200)) });
/** Type of {@link TipWithdrawInputSchema}. */
export type TipWithdrawInput = v.InferOutput<typeof TipWithdrawInputSchema>;

/** A tip or consumer alert as its regulators see it. */
export const TipSchema = v.object({
  id: IdSchema,
  ...TipInputSchema.entries,
  regionName: text(100),
  createdAt: InstantSchema,
  withdrawnAt: v.optional(InstantSchema),
  withdrawReason: v.optional(text(200)),
  state: v.picklist(TIP_STATES),
  /** Consumer alerts: subscribe messages delivered so far. */
  delivered: CountSchema,
});
/** Type of {@link TipSchema}. */
export type Tip = v.InferOutput<typeof TipSchema>;

/** `GET /v1/tips`: newest first. */
export const TipPageSchema = pageSchema(TipSchema);
/** Type of {@link TipPageSchema}. */
export type TipPage = v.InferOutput<typeof TipPageSchema>;

/** A tip as the public reads it. */
export const PublicTipSchema = v.object({
  id: IdSchema,
  kind: v.picklist(TIP_KINDS),
  title: text(60),
  body: text(2000),
  link: v.optional(UrlSchema),
  validFrom: InstantSchema,
  validUntil: InstantSchema,
  regionId: IdSchema,
  regionName: text(100),
});
/** Type of {@link PublicTipSchema}. */
export type PublicTip = v.InferOutput<typeof PublicTipSchema>;

/** `GET /v1/public/tips?regionId=`: in force at `at`, consumer alerts first, then newest first. */
export const PublicTipsSchema = v.object({
  regionId: IdSchema,
  at: InstantSchema,
  items: v.array(PublicTipSchema),
});
/** Type of {@link PublicTipsSchema}. */
export type PublicTips = v.InferOutput<typeof PublicTipsSchema>;

/** Body of `POST /v1/me/tip-subscriptions`: one accepted WeChat subscription for the region's consumer alerts. */
export const TipSubscribeInputSchema = v.object({ regionId: IdSchema });
/** Type of {@link TipSubscribeInputSchema}. */
export type TipSubscribeInput = v.InferOutput<typeof TipSubscribeInputSchema>;

/** The most messages one consumer may hold for a region (each WeChat acceptance allows one). */
export const TIP_SUBSCRIPTION_MAX = 20;

/** A consumer's opt-in for a region: `remaining` messages it may still receive (0: asks again to renew). */
export const TipSubscriptionSchema = v.object({
  regionId: IdSchema,
  regionName: text(100),
  remaining: CountSchema,
  updatedAt: InstantSchema,
});
/** Type of {@link TipSubscriptionSchema}. */
export type TipSubscription = v.InferOutput<typeof TipSubscriptionSchema>;

/** `GET /v1/me/tip-subscriptions`: the template to ask for (null: subscribe messages are off) and the opt-ins. */
export const TipSubscriptionsSchema = v.object({
  templateId: v.nullable(text(128)),
  items: v.array(TipSubscriptionSchema),
});
/** Type of {@link TipSubscriptionsSchema}. */
export type TipSubscriptions = v.InferOutput<typeof TipSubscriptionsSchema>;

/** The state of a tip at `now` (ms or ISO instant). */
export function tipState(
  tip: { readonly validFrom: string; readonly validUntil: string; readonly withdrawnAt?: string | undefined },
  now: number,
): TipState {
  if (tip.withdrawnAt !== undefined) return 'withdrawn';
  if (Date.parse(tip.validFrom) > now) return 'scheduled';
  if (Date.parse(tip.validUntil) <= now) return 'expired';
  return 'in_force';
}
