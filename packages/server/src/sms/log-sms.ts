/**
 * The demo's SMS: nothing is sent, the code is written to the server log (`sms code …`), where the person running
 * `pnpm start` reads it. Chosen by BK_SMS_PROVIDER=log (the default); the start banner says where codes appear.
 */
import type { SmsSender } from './sms-sender.js';

/** The words every logged code line starts with, for the banner and for grep. */
export const SMS_LOG_MARK = 'sms code 短信验证码';

export function logSmsSender(write: (line: string) => void): SmsSender {
  return {
    provider: 'log',
    async sendCode({ phone, code, minutes }) {
      write(`${SMS_LOG_MARK} ${phone}: ${code} (valid ${minutes} min; not sent: BK_SMS_PROVIDER=log)`);
    },
  };
}
