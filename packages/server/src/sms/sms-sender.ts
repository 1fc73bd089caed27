/** What sends a sign-in code to a phone: Tencent Cloud SMS in production, the server log in the demo. */

/** One code for one number, valid `minutes`. */
export interface SmsCodeMessage {
  /** 11 digits, mainland China (`13800000000`). */
  readonly phone: string;
  readonly code: string;
  readonly minutes: number;
}

export interface SmsSender {
  /** `tencent` or `log`: said in the start banner and the logs. */
  readonly provider: string;
  /** Resolves once the provider accepted the message; throws `UPSTREAM_UNAVAILABLE` when it did not. */
  sendCode(message: SmsCodeMessage): Promise<void>;
}

/** `138****0000`: how a number is shown back (answers, logs of real sends). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}
