/**
 * The demo canteen's open rectification notice: from its latest inspection (when it has one), due a few days
 * out, so the operator sees it on the today page and can answer it, and the regulator's console lists it.
 */
import { localDay } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';
import { openRectification } from '../rectifications/index.js';

/** Days the demo notice leaves the operator. */
export const DEMO_RECTIFICATION_DAYS = 4;

export async function seedDemoRectification(
  database: Database,
  target: { readonly venueId: string; readonly timeZone: string; readonly regulatorId: string; readonly now: Date },
): Promise<string> {
  const inspection = await database.db
    .selectFrom('inspections')
    .select('id')
    .where('venue_id', '=', target.venueId)
    .orderBy('date', 'desc')
    .executeTakeFirst();
  const deadline = localDay(target.now.getTime() + DEMO_RECTIFICATION_DAYS * 86_400_000, target.timeZone);
  const opened = await openRectification(database, {
    venueId: target.venueId,
    issuedBy: target.regulatorId,
    now: target.now,
    input: {
      source: inspection ? { kind: 'inspection', id: inspection.id } : { kind: 'other' },
      obligation: '食品安全法 第五十五条',
      findings: '检查发现冷藏柜内生熟食品混放，部分食品未标注日期；留样记录缺少留样人签名。',
      requirement: '生熟食品分区分柜存放并标注日期；补全留样记录。整改完成后上传照片。',
      deadline,
    },
  });
  return opened.id;
}
