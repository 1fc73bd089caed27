/**
 * The `type` of the alerts the platform's device watchers open (stable UPPER_SNAKE codes). Alerts of ledger rules
 * carry the rule's code (`RULE_CODES`), violation alerts the violation type (`VIOLATION_TYPES`).
 */

/** Sensor thresholds and silence, device presence, disinfection runs against their ledgers. */
export const DEVICE_ALERT_TYPES = {
  tooWarm: 'SENSOR_TOO_WARM',
  tooCold: 'SENSOR_TOO_COLD',
  silent: 'SENSOR_SILENT',
  offline: 'DEVICE_OFFLINE',
  runTooShort: 'DISINFECTION_RUN_TOO_SHORT',
  ledgerContradicted: 'DISINFECTION_LEDGER_CONTRADICTED',
} as const;
/** One of the values of {@link DEVICE_ALERT_TYPES}. */
export type DeviceAlertType = (typeof DEVICE_ALERT_TYPES)[keyof typeof DEVICE_ALERT_TYPES];

/** Generic camera and recorder alarms: covered or moved, picture lost, motion, disk or fan faults. */
export const CAMERA_ALARM_TYPES = {
  tamper: 'CAMERA_TAMPER',
  videoLoss: 'CAMERA_VIDEO_LOSS',
  motion: 'CAMERA_MOTION',
  fault: 'DEVICE_FAULT',
} as const;
/** One of the values of {@link CAMERA_ALARM_TYPES}. */
export type CameraAlarmType = (typeof CAMERA_ALARM_TYPES)[keyof typeof CAMERA_ALARM_TYPES];

/** A preset run of a device's schedule that never drew power (source `disinfection`). */
export const DISINFECTION_RUN_MISSED = 'DISINFECTION_RUN_MISSED';
