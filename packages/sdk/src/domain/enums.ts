/**
 * The closed vocabularies of the domain. Each is a readonly tuple (usable by schemas and UIs)
 * plus the union type derived from it. Labels in zh-CN and en live beside them.
 */
import type { LocalizedText } from './text.js';

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
export type VenueKind = (typeof VENUE_KINDS)[number];

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

export const LEDGER_KINDS = [
  'morning_check',
  'purchase_inspection',
  'tableware_disinfection',
  'sample_retention',
  'air_disinfection',
  'accompanying_meal',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_LABELS: Readonly<Record<LedgerKind, LocalizedText>> = {
  morning_check: { zh: '晨检', en: 'Morning health check' },
  purchase_inspection: { zh: '进货查验', en: 'Purchase inspection' },
  tableware_disinfection: { zh: '餐饮具消毒', en: 'Tableware disinfection' },
  sample_retention: { zh: '食品留样', en: 'Food sample retention' },
  air_disinfection: { zh: '专间空气消毒', en: 'Special-room air disinfection' },
  accompanying_meal: { zh: '陪餐', en: "Principal's accompanying meal" },
};

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
export type LocationKind = (typeof LOCATION_KINDS)[number];

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

export const DEVICE_KINDS = ['sensor', 'switch', 'camera', 'nvr', 'access_terminal', 'gateway'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

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
export type ViolationType = (typeof VIOLATION_TYPES)[number];

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

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_SOURCES = ['sensor', 'device', 'violation', 'ledger', 'disinfection', 'system'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const FACES = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type Face = (typeof FACES)[number];

export const RATING_ASPECTS = ['dishes', 'hygiene', 'service'] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

/** Dynamic grade faces of the 2012 quantified grading rules; `none` is "no grade". */
export const GRADE_FACES = ['excellent', 'good', 'average', 'none'] as const;
export type GradeFace = (typeof GRADE_FACES)[number];

export const GRADE_FACE_LABELS: Readonly<Record<GradeFace, LocalizedText>> = {
  excellent: { zh: '优秀（大笑脸）', en: 'Excellent (big smile)' },
  good: { zh: '良好（微笑脸）', en: 'Good (smile)' },
  average: { zh: '一般（平脸）', en: 'Average (flat face)' },
  none: { zh: '不评级', en: 'Not graded' },
};

export const ANNUAL_GRADES = ['A', 'B', 'C', 'none'] as const;
export type AnnualGrade = (typeof ANNUAL_GRADES)[number];

export const ROLES = ['consumer', 'operator_staff', 'operator_manager', 'regulator', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
  'food_safety_manager',
  'chef',
  'cook',
  'helper',
  'cleaner',
  'principal',
  'manager',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type Meal = (typeof MEALS)[number];

export const NOTICE_STATES = ['sent', 'answered', 'closed'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const COMPLAINT_STATES = ['submitted', 'in_progress', 'resolved', 'rejected'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const LIST_KINDS = ['red', 'black'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
