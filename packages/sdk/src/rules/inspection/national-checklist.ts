/**
 * The national default checklist, after the structure of the catering supervision checklist (餐饮服务食品安全监督
 * 检查表): 29 items in 8 areas, 7 of them key. Every item is worth the full 10 points when it conforms.
 */
import { CHECKLIST_FULL_SCORE, type ChecklistArea, type ChecklistItem } from '../../domain/checklist.js';

type Row = readonly [code: string, area: ChecklistArea, key: boolean, zh: string, en: string];

const ROWS: readonly Row[] = [
  [
    '1.1',
    'licence_personnel',
    true,
    '食品经营许可证合法有效，经营项目与许可一致',
    'Valid food business licence; business matches it',
  ],
  ['1.2', 'licence_personnel', true, '从业人员持有效健康证明上岗', 'Staff at work hold valid health certificates'],
  ['1.3', 'licence_personnel', false, '配备食品安全管理人员并经培训考核', 'A trained and examined food-safety manager'],
  [
    '1.4',
    'licence_personnel',
    false,
    '工作衣帽清洁，操作时不佩戴饰物、不使用手机',
    'Clean uniform and hat; no jewellery or phone at work',
  ],
  [
    '1.5',
    'licence_personnel',
    false,
    '每日晨检，有发热、腹泻等症状者未上岗',
    'Daily morning check; no one with fever or diarrhoea at work',
  ],
  [
    '2.1',
    'environment_equipment',
    false,
    '场所整洁，无积水、无暴露垃圾',
    'Premises clean, no standing water or open rubbish',
  ],
  [
    '2.2',
    'environment_equipment',
    true,
    '防鼠防蝇防虫设施完好，无鼠迹虫害',
    'Pest screens intact; no sign of rodents or insects',
  ],
  [
    '2.3',
    'environment_equipment',
    false,
    '冷藏冷冻设备运转正常，温度符合要求',
    'Fridges and freezers working at the required temperatures',
  ],
  [
    '2.4',
    'environment_equipment',
    false,
    '专间设空气消毒、独立空调和专用冷藏设施',
    'Special rooms have air disinfection, own air-conditioning and fridge',
  ],
  ['2.5', 'environment_equipment', false, '垃圾桶加盖，废弃物及时清理', 'Bins covered; waste removed promptly'],
  [
    '3.1',
    'raw_materials',
    true,
    '无过期、腐败变质或来源不明的食品及原料',
    'No expired, spoiled or untraceable food or ingredients',
  ],
  [
    '3.2',
    'raw_materials',
    false,
    '进货查验并索证索票，记录完整',
    'Purchases checked with certificates and invoices, recorded',
  ],
  [
    '3.3',
    'raw_materials',
    false,
    '畜禽肉类有动物检疫合格证明',
    'Meat and poultry carry animal quarantine certificates',
  ],
  [
    '3.4',
    'raw_materials',
    false,
    '原料分区存放，离地离墙，生熟分开',
    'Ingredients stored apart, off floor and wall, raw from cooked',
  ],
  [
    '3.5',
    'raw_materials',
    false,
    '食品添加剂专人采购、专柜存放、专册记录',
    'Additives bought by one person, locked away, logged',
  ],
  ['4.1', 'processing', true, '生熟分开，无交叉污染', 'Raw and cooked kept apart; no cross-contamination'],
  ['4.2', 'processing', false, '食品烧熟煮透，中心温度不低于 70℃', 'Food cooked through, core at 70 °C or more'],
  [
    '4.3',
    'processing',
    false,
    '专间操作规范，二次更衣，专人专用',
    'Special rooms used properly: second change, own staff',
  ],
  ['4.4', 'processing', false, '未超范围、超限量使用食品添加剂', 'Additives used within their scope and limits'],
  [
    '5.1',
    'cleaning_disinfection',
    true,
    '餐饮具清洗消毒合格并保洁存放',
    'Tableware washed, disinfected and kept clean',
  ],
  [
    '5.2',
    'cleaning_disinfection',
    false,
    '消毒设施运转正常，消毒记录完整',
    'Disinfection equipment working; runs recorded',
  ],
  ['5.3', 'cleaning_disinfection', false, '食品清洗池与拖布池分设', 'Food sinks separate from mop sinks'],
  [
    '6.1',
    'sample_retention',
    true,
    '按规定留样，每个品种不少于 125 克',
    'Samples retained as required, at least 125 g each',
  ],
  [
    '6.2',
    'sample_retention',
    false,
    '留样冷藏不少于 48 小时，记录完整',
    'Samples refrigerated at least 48 hours and recorded',
  ],
  ['7.1', 'ledgers', false, '各类台账按规定记录并保存', 'Ledgers kept and retained as required'],
  ['7.2', 'ledgers', false, '定期开展食品安全自查并记录', 'Regular food-safety self-inspections recorded'],
  [
    '8.1',
    'video_devices',
    false,
    '视频覆盖加工、专间、清洗消毒区域并正常运行',
    'Cameras cover processing, special rooms and washing, and work',
  ],
  ['8.2', 'video_devices', false, 'AI 识别告警及时处置', 'AI-recognised alerts handled promptly'],
  [
    '8.3',
    'video_devices',
    false,
    '温度、消毒等传感设备在线并正常上报',
    'Temperature and disinfection sensors online and reporting',
  ],
];

/** The national default checklist. */
export const NATIONAL_CHECKLIST: readonly ChecklistItem[] = Object.freeze(
  ROWS.map(([code, area, key, zh, en]) =>
    Object.freeze({ code, area, title: { zh, en }, key, score: CHECKLIST_FULL_SCORE }),
  ),
);

/** The codes of the national checklist (what a region's profile may name). */
export const CHECKLIST_CODES: readonly string[] = Object.freeze(NATIONAL_CHECKLIST.map((item) => item.code));

/** The national key items. */
export const NATIONAL_KEY_ITEMS: readonly string[] = Object.freeze(
  NATIONAL_CHECKLIST.filter((item) => item.key).map((item) => item.code),
);
