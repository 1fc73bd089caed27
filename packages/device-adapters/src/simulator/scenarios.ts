/** What can go wrong in the simulated kitchen (and `normal`, where nothing does). */
import type { LocalizedText } from '@brightkitchen/sdk';

export const SCENARIO_NAMES = [
  'normal',
  'fridge_door_open',
  'freezer_failing',
  'staff_without_hat',
  'uv_lamp_never_ran',
  'sensor_silent',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIO_LABELS: Readonly<Record<ScenarioName, LocalizedText>> = {
  normal: { zh: '一切正常', en: 'Everything in order' },
  fridge_door_open: {
    zh: '冷藏柜一门未关：1 分钟内升至 8 ℃ 以上，稳定在约 13 ℃',
    en: 'Fridge 1 door left open: above 8 °C within a minute, settling near 13 °C',
  },
  freezer_failing: {
    zh: '冷冻柜制冷失效：2 分钟后每分钟升温 0.5 ℃',
    en: 'Freezer failing: warms 0.5 °C a minute after 2 min',
  },
  staff_without_hat: {
    zh: '员工未戴厨师帽：两台摄像机每 5 分钟识别一次',
    en: 'Staff without a hat: both cameras see it every 5 min',
  },
  uv_lamp_never_ran: {
    zh: '紫外线灯管损坏：定时开启但不耗电',
    en: 'UV tube dead: the timer switches it on, it draws no power',
  },
  sensor_silent: { zh: '冷藏柜二传感器 5 分钟后不再上报', en: 'Fridge 2 sensor goes silent after 5 min' },
};

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** Minutes into a scenario when a failing freezer starts to warm (an open door warms the fridge at once). */
export const FAULT_AFTER_MIN = 2;
export const SILENT_AFTER_MIN = 5;
