/** Texts (zh first, en second) of the device alerts raised by presence, schedules and camera alarms. */
import {
  CAMERA_ALARM_TYPES,
  type CameraAlarmType,
  DISINFECTION_RUN_MISSED,
  type LocalizedText,
} from '@brightkitchen/sdk';

export { DISINFECTION_RUN_MISSED };

const ALARM_LABELS: Readonly<Record<CameraAlarmType, LocalizedText>> = {
  [CAMERA_ALARM_TYPES.tamper]: { zh: '摄像机被遮挡或移动', en: 'camera covered or moved' },
  [CAMERA_ALARM_TYPES.videoLoss]: { zh: '视频信号丢失', en: 'video signal lost' },
  [CAMERA_ALARM_TYPES.motion]: { zh: '检测到移动', en: 'motion detected' },
  [CAMERA_ALARM_TYPES.fault]: { zh: '设备故障', en: 'device fault' },
};

export function cameraAlarmMessage(type: CameraAlarmType, name: string, description: string): LocalizedText {
  const label = ALARM_LABELS[type];
  const extra = description ? `（${description}）` : '';
  return {
    zh: `「${name}」${label.zh}${extra}`,
    en: `"${name}": ${label.en}${description ? ` (${description})` : ''}`,
  };
}

export function disconnectedMessage(name: string, minutes: number): LocalizedText {
  return {
    zh: `设备「${name}」已断开连接 ${minutes} 分钟`,
    en: `Device "${name}" has been disconnected for ${minutes} min`,
  };
}

export function silentDeviceMessage(name: string, minutes: number): LocalizedText {
  return {
    zh: `设备「${name}」已 ${minutes} 分钟没有任何消息，可能离线`,
    en: `Device "${name}" has sent nothing for ${minutes} min and may be offline`,
  };
}

export function runMissedMessage(name: string, time: string, graceMin: number): LocalizedText {
  return {
    zh: `「${name}」预定 ${time} 的消毒未开始（${graceMin} 分钟内未通电）`,
    en: `"${name}" did not start its ${time} disinfection run (no power within ${graceMin} min)`,
  };
}
