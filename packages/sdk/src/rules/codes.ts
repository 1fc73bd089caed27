/**
 * The one registry of rule codes. Each code has a severity, the regulation it cites, whether a hit
 * opens an alert, and a message template in zh-CN and en. `{name}` placeholders are filled by
 * `ruleMessage(code, params)`; a parameter may itself be localized text.
 */
import type { LocalizedText } from '../domain/text.js';

/** `error` refuses the record; `warning` keeps it (and may open an alert). */
export type RuleSeverity = 'error' | 'warning';

export interface RuleDefinition {
  readonly severity: RuleSeverity;
  /** The regulation the rule implements, as cited in REGULATIONS.md. */
  readonly source: string;
  /** A hit should open an alert for the venue's food-safety manager. */
  readonly opensAlert: boolean;
  readonly message: LocalizedText;
}

/** The regulations rules cite. */
export const REGULATION_SOURCES = {
  operatingRules2018: '餐饮服务食品安全操作规范 (2018)',
  foodSafetyLaw: '食品安全法',
  foodSafetyLawPurchase: '食品安全法 §50, §53',
  tablewareAnnex2011: '2011 规范 附件 (kept by the 2018 规范)',
  sampleRetention2018: '2018 规范 7.9.2–7.9.4',
  specialRoom2018: '2018 规范',
  schoolFoodSafety2019: '学校食品安全与营养健康管理规定 (2019)',
  platform: 'Bright Kitchen platform rule (docs/api.md)',
} as const;

const S = REGULATION_SOURCES;

/**
 * Every food-safety rule code with its severity, the regulation it comes from and its message in zh and en.
 * @example ruleMessage('SAMPLE_UNDERWEIGHT', { minGrams: 125 })
 */
export const RULE_CODES = {
  // ── Any ledger record ────────────────────────────────────────────────────────────────
  LEDGER_KIND_UNKNOWN: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: { zh: '未知的台账类型：{actual}', en: 'Unknown ledger kind: {actual}' },
  },
  LEDGER_TIME_IN_FUTURE: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: { zh: '{field} 晚于当前时间（{actual}）', en: '{field} is in the future ({actual})' },
  },
  LEDGER_PHOTO_MISSING: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: {
      zh: '{field} 引用的照片尚未上传',
      en: 'The photo {field} refers to has not been uploaded',
    },
  },
  LEDGER_TIME_ORDER: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: { zh: '结束时间早于开始时间', en: 'The end is before the start' },
  },
  LEDGER_CORRECTION_INVALID: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: {
      zh: '无法更正这条记录：{reason}',
      en: 'This record cannot be corrected: {reason}',
    },
  },
  LEDGER_INTERNAL_ERROR: {
    severity: 'error',
    source: S.platform,
    opensAlert: false,
    message: { zh: '台账校验出错：{detail}', en: 'Ledger validation failed: {detail}' },
  },

  // ── Morning health check 晨检 ─────────────────────────────────────────────────────────
  LEDGER_MORNING_FEVER: {
    severity: 'warning',
    source: S.operatingRules2018,
    opensAlert: true,
    message: {
      zh: '体温 {actual} ℃，不低于 {limit} ℃：当日不得从事接触直接入口食品的工作',
      en: 'Temperature {actual} ℃ is at or above {limit} ℃: must not handle food today',
    },
  },
  LEDGER_MORNING_SYMPTOM: {
    severity: 'warning',
    source: S.operatingRules2018,
    opensAlert: true,
    message: {
      zh: '有{symptoms}症状：当日不得从事接触直接入口食品的工作',
      en: 'Reports {symptoms}: must not handle food today',
    },
  },
  LEDGER_MORNING_HAND_CHECK: {
    severity: 'warning',
    source: S.operatingRules2018,
    opensAlert: true,
    message: {
      zh: '手部检查未通过：当日不得从事接触直接入口食品的工作',
      en: 'Hand check failed: must not handle food today',
    },
  },
  LEDGER_MORNING_UNIFORM: {
    severity: 'warning',
    source: S.operatingRules2018,
    opensAlert: false,
    message: {
      zh: '工作衣帽或饰物不符合要求，须整改后上岗',
      en: 'Uniform, hat or jewellery not compliant: correct before work',
    },
  },
  LEDGER_STAFF_HEALTH_CERT_INVALID: {
    severity: 'warning',
    source: S.foodSafetyLaw,
    opensAlert: true,
    message: {
      zh: '{day} 无有效健康证明（{reason}）：不得从事接触直接入口食品的工作',
      en: 'No valid health certificate on {day} ({reason}): must not handle food',
    },
  },
  LEDGER_STAFF_TRAINING_CERT_INVALID: {
    severity: 'warning',
    source: S.foodSafetyLaw,
    opensAlert: true,
    message: {
      zh: '{day} 无有效食品安全培训合格证（{reason}）：须参加培训考核，合格后方可从事接触直接入口食品的工作',
      en: 'No valid food-safety training certificate on {day} ({reason}): must train and pass before handling food',
    },
  },

  // ── Purchase inspection 进货查验 ─────────────────────────────────────────────────────
  LEDGER_PURCHASE_FIELD_MISSING: {
    severity: 'error',
    source: S.foodSafetyLawPurchase,
    opensAlert: false,
    message: { zh: '进货查验记录缺少：{field}', en: 'Purchase record is missing: {field}' },
  },
  LEDGER_PURCHASE_EXPIRED: {
    severity: 'error',
    source: S.foodSafetyLawPurchase,
    opensAlert: true,
    message: {
      zh: '超过保质期：{expiresOn} 到期，进货日期 {purchaseDate}，不得采购',
      en: 'Expired: shelf life ended {expiresOn}, purchased {purchaseDate}; must be rejected',
    },
  },
  LEDGER_PURCHASE_NEAR_EXPIRY: {
    severity: 'warning',
    source: S.foodSafetyLawPurchase,
    opensAlert: false,
    message: {
      zh: '临近保质期：{expiresOn} 到期，仅剩 {remaining} 天',
      en: 'Near expiry: shelf life ends {expiresOn}, {remaining} day(s) left',
    },
  },
  LEDGER_PURCHASE_NO_QUARANTINE: {
    severity: 'error',
    source: S.foodSafetyLawPurchase,
    opensAlert: true,
    message: {
      zh: '{category}须查验动物检疫合格证明，不得采购无检疫证明的产品',
      en: '{category} requires an animal quarantine certificate; goods without one must be rejected',
    },
  },
  LEDGER_PURCHASE_PRODUCED_AFTER_PURCHASE: {
    severity: 'error',
    source: S.foodSafetyLawPurchase,
    opensAlert: false,
    message: {
      zh: '生产日期 {productionDate} 晚于进货日期 {purchaseDate}',
      en: 'Production date {productionDate} is after the purchase date {purchaseDate}',
    },
  },

  // ── Tableware disinfection 餐饮具消毒 ────────────────────────────────────────────────
  LEDGER_DISINFECTION_PARAM_MISSING: {
    severity: 'error',
    source: S.tablewareAnnex2011,
    opensAlert: false,
    message: { zh: '{method}须记录{field}', en: '{method} must record {field}' },
  },
  LEDGER_DISINFECTION_TEMP_LOW: {
    severity: 'error',
    source: S.tablewareAnnex2011,
    opensAlert: false,
    message: {
      zh: '{method}温度 {actual} ℃，低于 {limit} ℃',
      en: '{method} temperature {actual} ℃ is below {limit} ℃',
    },
  },
  LEDGER_DISINFECTION_TIME_SHORT: {
    severity: 'error',
    source: S.tablewareAnnex2011,
    opensAlert: false,
    message: { zh: '{method}时间 {actual}，不足 {limit}', en: '{method} lasted {actual}, less than {limit}' },
  },
  LEDGER_CHLORINE_LOW: {
    severity: 'error',
    source: S.tablewareAnnex2011,
    opensAlert: false,
    message: {
      zh: '有效氯浓度 {actual} mg/L，低于 {limit} mg/L',
      en: 'Available chlorine {actual} mg/L is below {limit} mg/L',
    },
  },
  LEDGER_CHLORINE_NOT_RINSED: {
    severity: 'error',
    source: S.tablewareAnnex2011,
    opensAlert: false,
    message: {
      zh: '含氯消毒剂浸泡后须用清水冲净残留消毒剂',
      en: 'After a chlorine soak the tableware must be rinsed with clean water',
    },
  },

  // ── Sample retention 食品留样 ────────────────────────────────────────────────────────
  LEDGER_SAMPLE_UNDERWEIGHT: {
    severity: 'error',
    source: S.sampleRetention2018,
    opensAlert: false,
    message: { zh: '留样 {actual} 克，少于 {limit} 克', en: 'Sample of {actual} g is under {limit} g' },
  },
  LEDGER_SAMPLE_DISPOSED_EARLY: {
    severity: 'error',
    source: S.sampleRetention2018,
    opensAlert: false,
    message: {
      zh: '留样仅保存 {actual} 小时，须保存 {limit} 小时以上方可处理',
      en: 'Sample kept only {actual} h; it must be kept at least {limit} h before disposal',
    },
  },
  LEDGER_SAMPLE_NOT_SEALED: {
    severity: 'error',
    source: S.sampleRetention2018,
    opensAlert: false,
    message: {
      zh: '每个品种须分别盛放于密闭专用容器',
      en: 'Each dish must be kept in its own sealed container',
    },
  },
  LEDGER_SAMPLE_STORAGE_TEMP: {
    severity: 'error',
    source: S.sampleRetention2018,
    opensAlert: false,
    message: {
      zh: '留样存放温度 {actual} ℃，须在 {min}–{max} ℃ 冷藏',
      en: 'Sample stored at {actual} ℃; it must be refrigerated at {min}–{max} ℃',
    },
  },

  // ── Special-room air disinfection 专间空气消毒 ───────────────────────────────────────
  LEDGER_AIR_UV_TOO_SHORT: {
    severity: 'error',
    source: S.specialRoom2018,
    opensAlert: false,
    message: {
      zh: '紫外线消毒 {actual} 分钟，不足 {limit} 分钟',
      en: 'UV disinfection lasted {actual} min, less than {limit} min',
    },
  },
  LEDGER_AIR_ROOM_NOT_EMPTY: {
    severity: 'error',
    source: S.specialRoom2018,
    opensAlert: false,
    message: {
      zh: '空气消毒时专间内须无人，未确认无人',
      en: 'The room must be empty during air disinfection; emptiness not confirmed',
    },
  },
  LEDGER_AIR_ROOM_TOO_WARM: {
    severity: 'warning',
    source: S.specialRoom2018,
    opensAlert: true,
    message: {
      zh: '专间室温 {actual} ℃，高于 {limit} ℃',
      en: 'Special room at {actual} ℃, above {limit} ℃',
    },
  },

  // ── Accompanying meal 陪餐 ───────────────────────────────────────────────────────────
  LEDGER_MEAL_NOT_SCHOOL: {
    severity: 'error',
    source: S.schoolFoodSafety2019,
    opensAlert: false,
    message: {
      zh: '陪餐记录仅适用于学校、幼儿园食堂，本单位为{venueKind}',
      en: 'Accompanying-meal records are for school and kindergarten canteens; this venue is a {venueKind}',
    },
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleCode = keyof typeof RULE_CODES;

/** Values for a message template; localized text is picked per language. */
export type RuleParams = Readonly<Record<string, string | number | LocalizedText>>;

/** True for a code of the registry. */
export function isRuleCode(value: unknown): value is RuleCode {
  return typeof value === 'string' && Object.hasOwn(RULE_CODES, value);
}

/** The message of a code with its placeholders filled; an unknown placeholder is left as written. */
export function ruleMessage(code: RuleCode, params: RuleParams = {}): LocalizedText {
  const template = RULE_CODES[code].message;
  return { zh: fill(template.zh, params, 'zh'), en: fill(template.en, params, 'en') };
}

function fill(template: string, params: RuleParams, lang: keyof LocalizedText): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
