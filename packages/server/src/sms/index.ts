export { logSmsSender, SMS_LOG_MARK } from './log-sms.js';
export { maskPhone, type SmsCodeMessage, type SmsSender } from './sms-sender.js';
export { tc3Authorization, tencentSmsSender } from './tencent-sms.js';

import type { SmsConfig } from '../config.js';
import { logSmsSender } from './log-sms.js';
import type { SmsSender } from './sms-sender.js';
import { tencentSmsSender } from './tencent-sms.js';

/** The sender BK_SMS_PROVIDER names; the `log` one writes with `write`. */
export function createSmsSender(config: SmsConfig, write: (line: string) => void): SmsSender {
  return config.provider === 'tencent' ? tencentSmsSender(config) : logSmsSender(write);
}
