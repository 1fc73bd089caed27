/** Alert texts (zh first, en second) for device conditions. Types are stable UPPER_SNAKE codes. */
import {
  LOCATION_KIND_LABELS,
  type LocalizedText,
  type LocationKind,
  VIOLATION_LABELS,
  type ViolationType,
} from '@brightkitchen/sdk';

export { DEVICE_ALERT_TYPES } from '@brightkitchen/sdk';

export function thresholdMessage(
  location: LocationKind,
  name: string,
  bound: 'min' | 'max',
  value: number,
  limit: number,
): LocalizedText {
  const label = LOCATION_KIND_LABELS[location];
  return bound === 'max'
    ? {
        zh: `${label.zh}「${name}」温度过高：${value} ℃，高于上限 ${limit} ℃`,
        en: `${label.en} "${name}" too warm: ${value} °C, above ${limit} °C`,
      }
    : {
        zh: `${label.zh}「${name}」温度过低：${value} ℃，低于下限 ${limit} ℃`,
        en: `${label.en} "${name}" too cold: ${value} °C, below ${limit} °C`,
      };
}

export function silentMessage(name: string, minutes: number): LocalizedText {
  return {
    zh: `传感器「${name}」已 ${minutes} 分钟没有数据`,
    en: `Sensor "${name}" has sent nothing for ${minutes} min`,
  };
}

export function offlineMessage(name: string): LocalizedText {
  return { zh: `设备「${name}」离线`, en: `Device "${name}" is offline` };
}

export function violationMessage(violation: ViolationType, camera: string): LocalizedText {
  const label = VIOLATION_LABELS[violation];
  return { zh: `「${camera}」发现违规：${label.zh}`, en: `"${camera}" saw a violation: ${label.en}` };
}

export function runTooShortMessage(name: string, actualMin: number, requiredMin: number): LocalizedText {
  return {
    zh: `「${name}」消毒运行 ${actualMin} 分钟，少于要求的 ${requiredMin} 分钟`,
    en: `"${name}" disinfected for ${actualMin} min, less than the required ${requiredMin} min`,
  };
}

export function ledgerContradictedMessage(claimedMin: number, measuredMin: number): LocalizedText {
  return {
    zh: `空气消毒台账记录 ${claimedMin} 分钟，但设备仅运行 ${measuredMin} 分钟`,
    en: `The air-disinfection record claims ${claimedMin} min but the lamp ran ${measuredMin} min`,
  };
}
