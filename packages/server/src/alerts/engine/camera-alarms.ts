/**
 * Generic device alarms (normalized `alarm` events: motion, tamper, video loss, disk faults…) → the
 * kind of `device` alert they open, with its severity. Codes are vendor-prefixed and lower case
 * (`hikvision.shelteralarm`, `gb28181.device.video_loss`, `onvif.videosource/signalloss`).
 * Alarms of no known kind open nothing (they are still counted as events).
 */
import { type AlarmEvent, CAMERA_ALARM_TYPES, type CameraAlarmType, type Severity } from '@brightkitchen/sdk';

export { CAMERA_ALARM_TYPES, type CameraAlarmType };

export interface CameraAlarmKind {
  readonly type: CameraAlarmType;
  readonly severity: Severity;
}

/**
 * In a kitchen, a covered or turned camera is deliberate (critical); a lost picture leaves the kitchen
 * unwatched (warning); a faulty recorder loses evidence (warning); motion is information only.
 */
const RULES: readonly (CameraAlarmKind & { readonly match: RegExp })[] = [
  { match: /tamper|shelter|scene_?change|defocus|cover/, type: CAMERA_ALARM_TYPES.tamper, severity: 'critical' },
  { match: /video_?loss|signal_?loss/, type: CAMERA_ALARM_TYPES.videoLoss, severity: 'warning' },
  {
    match: /disk|hderror|\bfan\b|\.fan$|fault|keepalive\.status|storage/,
    type: CAMERA_ALARM_TYPES.fault,
    severity: 'warning',
  },
  { match: /motion|\.vmd$/, type: CAMERA_ALARM_TYPES.motion, severity: 'info' },
];

export function cameraAlarmKind(alarm: Pick<AlarmEvent, 'code'>): CameraAlarmKind | undefined {
  const code = alarm.code.toLowerCase();
  const rule = RULES.find((r) => r.match.test(code));
  return rule ? { type: rule.type, severity: rule.severity } : undefined;
}
