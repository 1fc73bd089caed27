/**
 * The closed vocabularies of the domain. Each is a readonly tuple (usable by schemas and UIs)
 * plus the union type derived from it. Labels in zh-CN and en live beside them.
 */
import type { LocalizedText } from './text.js';

/** Kinds of catering venue; some rules depend on it (school canteens keep an accompanying-meal ledger). */
export const VENUE_KINDS = [
  'school_canteen',
  'kindergarten_canteen',
  'elderly_care_canteen',
  'hospital_canteen',
  'construction_site_canteen',
  'company_canteen',
  'central_kitchen',
  'collective_meal_delivery',
  'restaurant',
  'snack_bar',
  'delivery_kitchen',
] as const;
/** One of {@link VENUE_KINDS}. */
export type VenueKind = (typeof VENUE_KINDS)[number];

/** Display names of {@link VENUE_KINDS} in zh-CN and en. */
export const VENUE_KIND_LABELS: Readonly<Record<VenueKind, LocalizedText>> = {
  school_canteen: { zh: '学校食堂', en: 'School canteen' },
  kindergarten_canteen: { zh: '幼儿园食堂', en: 'Kindergarten canteen' },
  elderly_care_canteen: { zh: '养老机构食堂', en: 'Elderly-care canteen' },
  hospital_canteen: { zh: '医院食堂', en: 'Hospital canteen' },
  construction_site_canteen: { zh: '建筑工地食堂', en: 'Construction-site canteen' },
  company_canteen: { zh: '单位食堂', en: 'Company canteen' },
  central_kitchen: { zh: '中央厨房', en: 'Central kitchen' },
  collective_meal_delivery: { zh: '集体用餐配送单位', en: 'Collective meal delivery unit' },
  restaurant: { zh: '餐馆', en: 'Restaurant' },
  snack_bar: { zh: '小吃店', en: 'Snack bar' },
  delivery_kitchen: { zh: '外卖厨房', en: 'Delivery-only kitchen' },
};

/** The daily ledgers (电子台账) a venue keeps. */
export const LEDGER_KINDS = [
  'morning_check',
  'purchase_inspection',
  'tableware_disinfection',
  'sample_retention',
  'air_disinfection',
  'accompanying_meal',
] as const;
/** One of {@link LEDGER_KINDS}. */
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Display names of {@link LEDGER_KINDS} in zh-CN and en. */
export const LEDGER_KIND_LABELS: Readonly<Record<LedgerKind, LocalizedText>> = {
  morning_check: { zh: '晨检', en: 'Morning health check' },
  purchase_inspection: { zh: '进货查验', en: 'Purchase inspection' },
  tableware_disinfection: { zh: '餐饮具消毒', en: 'Tableware disinfection' },
  sample_retention: { zh: '食品留样', en: 'Food sample retention' },
  air_disinfection: { zh: '专间空气消毒', en: 'Special-room air disinfection' },
  accompanying_meal: { zh: '陪餐', en: "Principal's accompanying meal" },
};

/** Where a device sits in a kitchen; sensor limits depend on it (a freezer is not a fridge). */
export const LOCATION_KINDS = [
  'fridge',
  'freezer',
  'special_room',
  'sample_fridge',
  'hot_holding',
  'uv_lamp',
  'disinfection_cabinet',
  'camera',
] as const;
/** One of {@link LOCATION_KINDS}. */
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Display names of {@link LOCATION_KINDS} in zh-CN and en. */
export const LOCATION_KIND_LABELS: Readonly<Record<LocationKind, LocalizedText>> = {
  fridge: { zh: '冷藏柜', en: 'Fridge' },
  freezer: { zh: '冷冻柜', en: 'Freezer' },
  special_room: { zh: '专间', en: 'Special room' },
  sample_fridge: { zh: '留样柜', en: 'Sample fridge' },
  hot_holding: { zh: '热藏保温', en: 'Hot holding' },
  uv_lamp: { zh: '紫外线灯', en: 'UV lamp' },
  disinfection_cabinet: { zh: '消毒柜', en: 'Disinfection cabinet' },
  camera: { zh: '摄像头', en: 'Camera' },
};

/** What a registered device is. */
export const DEVICE_KINDS = ['sensor', 'switch', 'camera', 'nvr', 'access_terminal', 'gateway'] as const;
/** One of {@link DEVICE_KINDS}. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Violations an AI camera recognises in a kitchen. */
export const VIOLATION_TYPES = [
  'no_hat',
  'no_mask',
  'no_uniform',
  'phone_use',
  'smoking',
  'bare_chested',
  'rodent',
  'bin_uncovered',
  'stranger',
  'unattended_fire',
] as const;
/** One of {@link VIOLATION_TYPES}. */
export type ViolationType = (typeof VIOLATION_TYPES)[number];

/** Display names of {@link VIOLATION_TYPES} in zh-CN and en. */
export const VIOLATION_LABELS: Readonly<Record<ViolationType, LocalizedText>> = {
  no_hat: { zh: '未戴帽', en: 'No hat' },
  no_mask: { zh: '未戴口罩', en: 'No mask' },
  no_uniform: { zh: '未穿工作服', en: 'No uniform' },
  phone_use: { zh: '玩手机', en: 'Phone use' },
  smoking: { zh: '吸烟', en: 'Smoking' },
  bare_chested: { zh: '赤膊', en: 'Bare-chested' },
  rodent: { zh: '鼠患', en: 'Rodent' },
  bin_uncovered: { zh: '垃圾桶未盖', en: 'Bin uncovered' },
  stranger: { zh: '陌生人闯入', en: 'Stranger' },
  unattended_fire: { zh: '动火离人', en: 'Unattended fire' },
};

/** Severity of an alert or a rule issue, least severe first. */
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** What raised an alert. */
export const ALERT_SOURCES = ['sensor', 'device', 'violation', 'ledger', 'disinfection', 'system'] as const;
/** One of {@link ALERT_SOURCES}. */
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** An alert's life cycle: open, then acknowledged, then resolved. */
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
/** One of {@link ALERT_STATES}. */
export type AlertState = (typeof ALERT_STATES)[number];

/** The three smiley faces a consumer rates with. */
export const FACES = ['satisfied', 'neutral', 'dissatisfied'] as const;
/** One of {@link FACES}. */
export type Face = (typeof FACES)[number];

/** What a consumer rates: one face each. */
export const RATING_ASPECTS = ['dishes', 'hygiene', 'service'] as const;
/** One of {@link RATING_ASPECTS}. */
export type RatingAspect = (typeof RATING_ASPECTS)[number];

/** Dynamic grade faces of the 2012 quantified grading rules; `none` is "no grade". */
export const GRADE_FACES = ['excellent', 'good', 'average', 'none'] as const;
/** One of {@link GRADE_FACES}. */
export type GradeFace = (typeof GRADE_FACES)[number];

/** Display names of {@link GRADE_FACES} in zh-CN and en. */
export const GRADE_FACE_LABELS: Readonly<Record<GradeFace, LocalizedText>> = {
  excellent: { zh: '优秀（大笑脸）', en: 'Excellent (big smile)' },
  good: { zh: '良好（微笑脸）', en: 'Good (smile)' },
  average: { zh: '一般（平脸）', en: 'Average (flat face)' },
  none: { zh: '不评级', en: 'Not graded' },
};

/** Annual grades of the quantified grading rules (A best); `none` is "no grade". */
export const ANNUAL_GRADES = ['A', 'B', 'C', 'none'] as const;
/** One of {@link ANNUAL_GRADES}. */
export type AnnualGrade = (typeof ANNUAL_GRADES)[number];

/** Platform roles of a user account. */
export const ROLES = ['consumer', 'operator_staff', 'operator_manager', 'regulator', 'partner', 'admin'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A staff member's job in the kitchen (who may sign which ledger). */
export const STAFF_ROLES = [
  'food_safety_manager',
  'chef',
  'cook',
  'helper',
  'cleaner',
  'principal',
  'manager',
] as const;
/** One of {@link STAFF_ROLES}. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What each staff role is called, in zh-CN and en. */
export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, LocalizedText>> = {
  food_safety_manager: { zh: '食品安全管理员', en: 'Food-safety manager' },
  chef: { zh: '厨师长', en: 'Head chef' },
  cook: { zh: '厨师', en: 'Cook' },
  helper: { zh: '帮厨', en: 'Kitchen helper' },
  cleaner: { zh: '保洁', en: 'Cleaner' },
  principal: { zh: '负责人', en: 'Principal' },
  manager: { zh: '经理', en: 'Manager' },
};

/** Meals a sample or an accompanying meal belongs to. */
export const MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
/** One of {@link MEALS}. */
export type Meal = (typeof MEALS)[number];

/** A rectification notice's life cycle. */
export const NOTICE_STATES = ['sent', 'answered', 'closed'] as const;
/** One of {@link NOTICE_STATES}. */
export type NoticeState = (typeof NOTICE_STATES)[number];

/** A consumer complaint's life cycle. */
export const COMPLAINT_STATES = ['submitted', 'in_progress', 'resolved', 'rejected'] as const;
/** One of {@link COMPLAINT_STATES}. */
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** The red (exemplary) and black (failing) lists a region publishes. */
export const LIST_KINDS = ['red', 'black'] as const;
/** One of {@link LIST_KINDS}. */
export type ListKind = (typeof LIST_KINDS)[number];
