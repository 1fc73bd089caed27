/**
 * The demo's tips, consumer alert and duties: the home district's regulator has one consumer alert in force
 * (wild mushrooms, the season's real risk), tips for the city and the district, a duty for canteens (sample
 * retention) and a procedure for every venue kind that washes tableware. Consumers see the tips on the tips page
 * after scanning any venue; the demo canteen's manager finds the duty unread on the today page.
 */
import type { Database } from '../db/index.js';
import { publishDuty } from '../duties/index.js';
import { createTip } from '../tips/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoTips(
  database: Database,
  target: { readonly cityId: string; readonly districtId: string; readonly regulatorId: string; readonly now: Date },
): Promise<void> {
  const { cityId, districtId, regulatorId, now } = target;
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const tips = [
    {
      regionId: districtId,
      kind: 'consumer_alert' as const,
      title: '警惕野生菌中毒',
      body: '近期本区已发生两起误食野生菌中毒事件。请勿采摘、购买、食用来历不明的野生菌，餐馆不得加工野生菌菜品；误食后出现恶心、呕吐、腹痛等症状请立即就医，并保留剩余菌子。',
      validFrom: at(-2 * HOUR),
      validUntil: at(10 * DAY),
    },
    {
      regionId: cityId,
      kind: 'tip' as const,
      title: '秋冬季谨防诺如病毒',
      body: '诺如病毒传染性强，餐前便后用肥皂流水洗手；贝类海鲜要煮熟煮透；家中有人呕吐腹泻时，用含氯消毒剂清洁污染处。',
      validFrom: at(-3 * DAY),
      validUntil: at(60 * DAY),
    },
    {
      regionId: districtId,
      kind: 'tip' as const,
      title: '外卖点餐看“食安封签”',
      body: '收到外卖时留意包装上的食安封签是否完好；封签破损可拒收并向平台反映。选择公示了食品经营许可证和量化等级的商家。',
      validFrom: at(-1 * DAY),
      validUntil: at(30 * DAY),
    },
  ];
  for (const input of tips) await createTip(database, { input, createdBy: regulatorId, now });
  await publishDuty(database, {
    publishedBy: regulatorId,
    now,
    input: {
      regionId: districtId,
      category: 'legal_duty',
      kinds: ['school_canteen', 'kindergarten_canteen', 'elderly_care_canteen', 'hospital_canteen', 'company_canteen'],
      title: '每餐次留样不少于125克，冷藏保存48小时以上',
      body: '每餐次的食品成品应当留样。留样食品按品种分别盛放于清洗消毒后的专用密闭容器内，每个品种不少于125克，在冷藏条件下存放48小时以上；留样容器标注留样餐次、日期和时间，并由专人记录留样情况。',
      basis: '学校食品安全与营养健康管理规定 第三十五条；餐饮服务食品安全操作规范 第7.9条',
    },
  });
  await publishDuty(database, {
    publishedBy: regulatorId,
    now,
    input: {
      regionId: districtId,
      category: 'procedure',
      kinds: ['school_canteen', 'restaurant', 'snack_bar', 'company_canteen'],
      title: '餐用具清洗消毒操作规范',
      body: '餐用具使用后及时洗净；热力消毒（煮沸、蒸汽）温度100℃、保持10分钟以上；化学消毒用有效氯250mg/L浸泡5分钟以上，之后用净水冲去残留。消毒后的餐用具存放于专用保洁设施内，并记录消毒台账。',
      basis: '餐饮服务食品安全操作规范 第7.6条',
    },
  });
}
