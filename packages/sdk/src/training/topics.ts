/** The topics (知识点) of the default course set and question bank: one per area of REGULATIONS.md. */
import type { LocalizedText } from '../domain/text.js';

/** Topic keys of the national default bank; a region may tag its own questions with other topics. */
export const TRAINING_TOPICS = [
  'law_and_duties',
  'health_management',
  'personal_hygiene',
  'purchase_inspection',
  'storage_temperature',
  'processing_cooking',
  'special_room',
  'tableware_disinfection',
  'sample_retention',
  'school_canteen',
  'environment_pests',
  'supervision_grading',
] as const;
/** One of {@link TRAINING_TOPICS}. */
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** Display names of {@link TRAINING_TOPICS}, also the 知识点 a question file may use instead of the key. */
export const TRAINING_TOPIC_LABELS: Readonly<Record<TrainingTopic, LocalizedText>> = {
  law_and_duties: { zh: '法律法规与主体责任', en: 'Law and the operator’s duties' },
  health_management: { zh: '从业人员健康管理', en: 'Staff health management' },
  personal_hygiene: { zh: '个人卫生与操作行为', en: 'Personal hygiene and conduct' },
  purchase_inspection: { zh: '进货查验与索证索票', en: 'Purchase inspection and records' },
  storage_temperature: { zh: '贮存与温度控制', en: 'Storage and temperature control' },
  processing_cooking: { zh: '加工制作与烹饪', en: 'Preparation and cooking' },
  special_room: { zh: '专间管理与空气消毒', en: 'Special rooms and air disinfection' },
  tableware_disinfection: { zh: '餐饮具清洗消毒', en: 'Tableware cleaning and disinfection' },
  sample_retention: { zh: '食品留样', en: 'Food sample retention' },
  school_canteen: { zh: '学校食堂与陪餐', en: 'School canteens and accompanying meals' },
  environment_pests: { zh: '环境卫生与虫害防制', en: 'Premises hygiene and pest control' },
  supervision_grading: { zh: '监督检查与量化分级', en: 'Inspections and quantified grading' },
};

/** A topic as a question or a paper rule names it: a key of {@link TRAINING_TOPICS} or a region's own. */
export const TOPIC_PATTERN = /^[a-z][a-z0-9_]{1,47}$/;

/** The label of a topic (its key when it is a region's own topic). */
export function topicLabel(topic: string): LocalizedText {
  return Object.hasOwn(TRAINING_TOPIC_LABELS, topic)
    ? TRAINING_TOPIC_LABELS[topic as TrainingTopic]
    : { zh: topic, en: topic };
}

/**
 * The topic key of what a question file wrote in 知识点 / topic: a key, or a label in either language (trimmed,
 * case-insensitive for English). Unknown text gives `undefined`.
 */
export function topicOf(written: string): string | undefined {
  const text = written.trim();
  if (TOPIC_PATTERN.test(text)) return text;
  const lower = text.toLowerCase();
  for (const key of TRAINING_TOPICS) {
    const label = TRAINING_TOPIC_LABELS[key];
    if (label.zh === text || label.en.toLowerCase() === lower) return key;
  }
  return undefined;
}
