/** GB/T 28181 alarm vocabulary: `AlarmMethod`, and `AlarmType` whose meaning depends on the method. */
import type { LocalizedText } from '@brightkitchen/sdk';

export interface AlarmKind {
  readonly code: string;
  readonly label: LocalizedText;
}

export const ALARM_METHODS: Readonly<Record<string, AlarmKind>> = {
  '1': { code: 'phone', label: { zh: '电话报警', en: 'Phone alarm' } },
  '2': { code: 'device', label: { zh: '设备报警', en: 'Device alarm' } },
  '3': { code: 'sms', label: { zh: '短信报警', en: 'SMS alarm' } },
  '4': { code: 'gps', label: { zh: 'GPS 报警', en: 'GPS alarm' } },
  '5': { code: 'video', label: { zh: '视频报警', en: 'Video alarm' } },
  '6': { code: 'fault', label: { zh: '设备故障报警', en: 'Device fault' } },
  '7': { code: 'other', label: { zh: '其他报警', en: 'Other alarm' } },
};

const kind = (code: string, zh: string, en: string): AlarmKind => ({ code, label: { zh, en } });

/** AlarmType by AlarmMethod. */
export const ALARM_TYPES: Readonly<Record<string, Readonly<Record<string, AlarmKind>>>> = {
  '2': {
    '1': kind('video_loss', '视频丢失报警', 'Video loss'),
    '2': kind('tamper', '设备防拆报警', 'Tamper'),
    '3': kind('disk_full', '存储设备磁盘满报警', 'Disk full'),
    '4': kind('high_temperature', '设备高温报警', 'High temperature'),
    '5': kind('low_temperature', '设备低温报警', 'Low temperature'),
  },
  '5': {
    '1': kind('manual', '人工视频报警', 'Manual video alarm'),
    '2': kind('motion', '运动目标检测报警', 'Motion detection'),
    '3': kind('left_object', '遗留物检测报警', 'Left object'),
    '4': kind('removed_object', '物体移除检测报警', 'Removed object'),
    '5': kind('tripwire', '绊线检测报警', 'Tripwire'),
    '6': kind('intrusion', '入侵检测报警', 'Intrusion'),
    '7': kind('wrong_way', '逆行检测报警', 'Wrong way'),
    '8': kind('loitering', '徘徊检测报警', 'Loitering'),
    '9': kind('flow_count', '流量统计报警', 'Flow count'),
    '10': kind('density', '密度检测报警', 'Density'),
    '11': kind('video_anomaly', '视频异常检测报警', 'Video anomaly'),
    '12': kind('fast_moving', '快速移动报警', 'Fast moving'),
  },
  '6': {
    '1': kind('disk', '存储设备磁盘故障报警', 'Disk fault'),
    '2': kind('fan', '存储设备风扇故障报警', 'Fan fault'),
  },
};

/** AlarmPriority 1 (most severe) … 4. */
export function alarmLevel(priority: string | undefined): 'critical' | 'warning' | 'info' | undefined {
  if (priority === '1') return 'critical';
  if (priority === '2' || priority === '3') return 'warning';
  if (priority === '4') return 'info';
  return undefined;
}
