import type {
  LoginInput,
  PhoneLinkAnswer,
  SmsCodeAnswer,
  SmsCodeRequest,
  SmsLoginInput,
  WechatLoginInput,
} from '../../contract/auth.js';
import { type Session, sessionFromAnswer, type TokenAnswer } from '../session.js';
import type { Me } from '../wire-types.js';
import type { ResourceContext } from './context.js';

/** Log in and out; the session (tokens) lives in the client's storage and is refreshed on `TOKEN_EXPIRED`. */
export interface AuthClient {
  /** Staff, managers, regulators and admins: login and password. */
  login(login: string, password: string): Promise<Session>;
  /** Consumers: the code from `wx.login()`; the server runs WeChat's `code2session`. */
  wechatLogin(code: string): Promise<Session>;
  /** Consumers outside WeChat: sends a 6-digit code by SMS to a mainland mobile number (`13800000000`). */
  requestSmsCode(phone: string): Promise<SmsCodeAnswer>;
  /** Consumers outside WeChat: the number and the code it received. */
  smsLogin(phone: string, code: string): Promise<Session>;
  /** The signed-in consumer verifies a number: a later SMS sign-in with it is the same person. */
  linkPhone(phone: string, code: string): Promise<PhoneLinkAnswer>;
  /** A new access token from the refresh token. */
  refresh(): Promise<Session>;
  /** Forgets the session on this device. */
  logout(): Promise<void>;
  /** The current session, or `null` when logged out. */
  session(): Promise<Session | null>;
  /** `GET /v1/me`: the user, venue memberships and supervised regions. */
  me(): Promise<Me>;
}

export function createAuthClient({ http, clock }: ResourceContext): AuthClient {
  async function open(path: string, body: unknown): Promise<Session> {
    const answer = await http.call<TokenAnswer>({ method: 'POST', path, body, authenticate: false });
    const session = sessionFromAnswer(answer, clock.now());
    await http.sessions.set(session);
    return session;
  }
  return {
    login: (login, password) => open('/v1/auth/login', { login, password } satisfies LoginInput),
    wechatLogin: (code) => open('/v1/auth/wechat', { code } satisfies WechatLoginInput),
    requestSmsCode: (phone) =>
      http.call<SmsCodeAnswer>({
        method: 'POST',
        path: '/v1/auth/sms/code',
        body: { phone } satisfies SmsCodeRequest,
        authenticate: false,
      }),
    smsLogin: (phone, code) => open('/v1/auth/sms', { phone, code } satisfies SmsLoginInput),
    linkPhone: (phone, code) =>
      http.call<PhoneLinkAnswer>({
        method: 'POST',
        path: '/v1/me/phone',
        body: { phone, code } satisfies SmsLoginInput,
      }),
    refresh: () => http.refresh(),
    logout: () => http.sessions.set(null),
    session: () => http.sessions.get(),
    me: () => http.call<Me>({ method: 'GET', path: '/v1/me' }),
  };
}
