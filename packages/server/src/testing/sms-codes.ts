/** A known, live SMS sign-in code for a number, as the route would have sent it (for tests that need one). */
import { sendSmsCode } from '../auth/sms-codes.js';
import type { TestServer } from './test-server.js';

export async function liveSmsCode(server: TestServer, phone: string): Promise<string> {
  let code = '';
  // Any earlier code of the number is replaced, as a new request would; the minute's wait is skipped.
  await server.database.db.deleteFrom('sms_codes').where('phone', '=', phone).execute();
  const keep = async (message: { code: string }) => {
    code = message.code;
  };
  await sendSmsCode(server.app.ctx, { provider: 'test', sendCode: keep }, phone);
  return code;
}
