/**
 * Closed vocabularies used inside ledger records, with labels in zh-CN and en.
 * They live beside the ledger schemas (not in enums.ts) because only ledgers use them.
 */
import type { LocalizedText } from './text.js';

/** Symptoms a morning health check asks about (餐饮服务食品安全操作规范 2018). */
export const SYMPTOMS = [
  'fever',
  'diarrhoea',
  'vomiting',
  'sore_throat',
  'jaundice',
  'hand_wound',
  'weeping_skin',
] as const;
/** One of {@link SYMPTOMS}. */
export type Symptom = (typeof SYMPTOMS)[number];

/** Display names of {@link SYMPTOMS} in zh-CN and en. */
export const SYMPTOM_LABELS: Readonly<Record<Symptom, LocalizedText>> = {
  fever: { zh: '发热', en: 'fever' },
  diarrhoea: { zh: '腹泻', en: 'diarrhoea' },
  vomiting: { zh: '呕吐', en: 'vomiting' },
  sore_throat: { zh: '咽部炎症', en: 'sore throat' },
  jaundice: { zh: '黄疸', en: 'jaundice' },
  hand_wound: { zh: '手部皮肤破损或感染', en: 'wound or infection on the hands' },
  weeping_skin: { zh: '渗出性皮肤病', en: 'weeping skin disease' },
};

/** Food categories of a purchase; meat and poultry need a quarantine certificate. */
export const PURCHASE_CATEGORIES = ['meat', 'poultry', 'aquatic', 'vegetable', 'grain', 'dairy', 'other'] as const;
/** One of {@link PURCHASE_CATEGORIES}. */
export type PurchaseCategory = (typeof PURCHASE_CATEGORIES)[number];

/** Display names of {@link PURCHASE_CATEGORIES} in zh-CN and en. */
export const PURCHASE_CATEGORY_LABELS: Readonly<Record<PurchaseCategory, LocalizedText>> = {
  meat: { zh: '畜肉', en: 'Meat' },
  poultry: { zh: '禽肉', en: 'Poultry' },
  aquatic: { zh: '水产品', en: 'Aquatic products' },
  vegetable: { zh: '蔬菜', en: 'Vegetables' },
  grain: { zh: '粮油', en: 'Grain and oil' },
  dairy: { zh: '乳制品', en: 'Dairy' },
  other: { zh: '其他', en: 'Other' },
};

/** What kind of certificate a purchase carries: a product inspection report or a (animal) quarantine certificate. */
export const CERTIFICATE_KINDS = ['inspection', 'quarantine'] as const;
/** One of {@link CERTIFICATE_KINDS}. */
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** How tableware is disinfected; each method has its own limits (temperature, chlorine, time). */
export const DISINFECTION_METHODS = [
  'heat_boiling',
  'heat_steam',
  'infrared_cabinet',
  'dishwasher',
  'chlorine_soak',
] as const;
/** One of {@link DISINFECTION_METHODS}. */
export type DisinfectionMethod = (typeof DISINFECTION_METHODS)[number];

/** Display names of {@link DISINFECTION_METHODS} in zh-CN and en. */
export const DISINFECTION_METHOD_LABELS: Readonly<Record<DisinfectionMethod, LocalizedText>> = {
  heat_boiling: { zh: '煮沸消毒', en: 'Boiling' },
  heat_steam: { zh: '蒸汽消毒', en: 'Steam' },
  infrared_cabinet: { zh: '红外线消毒柜', en: 'Infrared cabinet' },
  dishwasher: { zh: '洗碗机', en: 'Dishwasher' },
  chlorine_soak: { zh: '含氯消毒剂浸泡', en: 'Chlorine soak' },
};

/** How a special room is disinfected. */
export const AIR_DISINFECTION_METHODS = ['uv', 'ozone', 'other'] as const;
/** One of {@link AIR_DISINFECTION_METHODS}. */
export type AirDisinfectionMethod = (typeof AIR_DISINFECTION_METHODS)[number];

/** Display names of {@link AIR_DISINFECTION_METHODS} in zh-CN and en. */
export const AIR_DISINFECTION_METHOD_LABELS: Readonly<Record<AirDisinfectionMethod, LocalizedText>> = {
  uv: { zh: '紫外线灯', en: 'UV lamp' },
  ozone: { zh: '臭氧', en: 'Ozone' },
  other: { zh: '其他', en: 'Other' },
};
