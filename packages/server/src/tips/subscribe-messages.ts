/**
 * Consumer alerts to the consumers who opted in, as WeChat subscribe messages. An alert in force is claimed once
 * (`notify_claimed_at`, compare-and-set: one instance fans it out); each consumer's delivery row is stored before
 * sending (primary key alert + consumer), so nobody gets one alert twice, across restarts and instances. Each
 * message spends one of the consumer's `remaining` acceptances for the region (WeChat's one-time subscriptions).
 * An opt-in for a district receives the alerts of its city too. A failed send is recorded, not retried.
 */
import { inZone } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';
import type { SubscribeData, WechatSender } from '../notify/index.js';
import { regionsUnder } from '../regions/tree.js';
import type { TipRow } from './service.js';

/** Where the message opens the mini-program. */
export const TIP_MESSAGE_PAGE = 'pages/tips/index';

const clip = (text: string, n: number) => {
  const chars = Array.from(text);
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : text;
};

/** The template's data: title, issuing region, from and until in Asia/Shanghai. */
export function tipMessageData(
  tip: Pick<TipRow, 'title' | 'region_name' | 'valid_from' | 'valid_until'>,
): SubscribeData {
  const at = (instant: string) => inZone(instant, 'Asia/Shanghai').format('YYYY-MM-DD HH:mm');
  return {
    thing1: { value: clip(tip.title, 20) },
    thing2: { value: clip(`${tip.region_name}市场监管`, 20) },
    time3: { value: at(tip.valid_from) },
    time4: { value: at(tip.valid_until) },
  };
}

export interface TipMessagesOptions {
  readonly database: Database;
  /** Off (nothing claimed, nothing sent) when undefined or not enabled. */
  readonly sender: WechatSender | undefined;
  readonly log: (message: string, error?: unknown) => void;
}

export class TipMessages {
  private running: Promise<number> = Promise.resolve(0);

  constructor(private readonly o: TipMessagesOptions) {}

  get enabled(): boolean {
    return this.o.sender?.enabled === true;
  }

  /** Sends every consumer alert in force not yet claimed; passes run one after the other. */
  sweep(now: Date = new Date()): Promise<number> {
    const next = this.running
      .then(() => this.pass(now))
      .catch((error) => {
        this.o.log('consumer alert messages', error);
        return 0;
      });
    this.running = next;
    return next;
  }

  private async pass(now: Date): Promise<number> {
    if (!this.enabled) return 0;
    const { db } = this.o.database;
    const nowIso = now.toISOString();
    const due = await db
      .selectFrom('tips')
      .innerJoin('regions', 'regions.id', 'tips.region_id')
      .selectAll('tips')
      .select('regions.name as region_name')
      .where('tips.kind', '=', 'consumer_alert')
      .where('tips.notify_claimed_at', 'is', null)
      .where('tips.withdrawn_at', 'is', null)
      .where('tips.valid_from', '<=', nowIso)
      .where('tips.valid_until', '>', nowIso)
      .execute();
    let sent = 0;
    for (const tip of due) {
      const claimed = await db
        .updateTable('tips')
        .set({ notify_claimed_at: nowIso })
        .where('id', '=', tip.id)
        .where('notify_claimed_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      sent += await this.fanOut(tip, nowIso);
    }
    return sent;
  }

  private async fanOut(tip: TipRow, nowIso: string): Promise<number> {
    const { db } = this.o.database;
    const regions = await regionsUnder(this.o.database, [tip.region_id]);
    const subscribers = await db
      .selectFrom('tip_subscriptions')
      .innerJoin('users', 'users.id', 'tip_subscriptions.user_id')
      .select(['tip_subscriptions.user_id', 'tip_subscriptions.region_id', 'users.wechat_openid'])
      .where('tip_subscriptions.region_id', 'in', regions)
      .where('tip_subscriptions.remaining', '>', 0)
      .where('users.wechat_openid', 'is not', null)
      .where('users.disabled_at', 'is', null)
      .execute();
    const byUser = new Map<string, { regionId: string; openid: string }>();
    for (const s of subscribers) {
      if (s.wechat_openid && !byUser.has(s.user_id)) {
        byUser.set(s.user_id, { regionId: s.region_id, openid: s.wechat_openid });
      }
    }
    let delivered = 0;
    for (const [userId, { regionId, openid }] of byUser) {
      const stored = await db
        .insertInto('tip_deliveries')
        .values({
          tip_id: tip.id,
          user_id: userId,
          status: 'sending',
          error: null,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .onConflict((oc) => oc.columns(['tip_id', 'user_id']).doNothing())
        .executeTakeFirst();
      if (Number(stored.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      const spent = await db
        .updateTable('tip_subscriptions')
        .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: nowIso }))
        .where('user_id', '=', userId)
        .where('region_id', '=', regionId)
        .where('remaining', '>', 0)
        .executeTakeFirst();
      let status = 'delivered';
      let error: string | null = null;
      if (Number(spent.numUpdatedRows) === 0) {
        status = 'skipped';
      } else {
        try {
          await this.o.sender?.send(openid, tipMessageData(tip), `${TIP_MESSAGE_PAGE}?tipId=${tip.id}`);
          delivered++;
        } catch (e) {
          status = 'failed';
          error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
          this.o.log(`consumer alert ${tip.id} → ${userId} failed: ${error}`);
        }
      }
      await db
        .updateTable('tip_deliveries')
        .set({ status, error, updated_at: new Date().toISOString() })
        .where('tip_id', '=', tip.id)
        .where('user_id', '=', userId)
        .execute();
    }
    return delivered;
  }
}
