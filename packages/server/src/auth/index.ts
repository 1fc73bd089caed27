export { issueAccessToken, verifyAccessToken } from './access-token.js';
export { type RouteAuthConfig, registerAuthenticate } from './authenticate.js';
export {
  type AuthorizedVenue,
  authorizeVenue,
  MEMBER_OR_REGULATOR,
  MEMBERS,
  oversees,
  requirePrincipal,
  requireRole,
  type VenueAccess,
  type VenueScope,
  venueAccessOf,
  venueScope,
  venueScopeSql,
} from './authorize.js';
export { basicCredentials } from './basic-auth.js';
export { signatureMatches, signPartnerRequest } from './partner-signature.js';
export { hashPassword, verifyPassword } from './password.js';
export type { Principal } from './principal.js';
export { ReplayCache } from './replay-cache.js';
export { SMS_CODE_TTL_S, SMS_RESEND_AFTER_S, sendSmsCode, verifySmsCode } from './sms-codes.js';
export { code2session, type WechatSession } from './wechat.js';
