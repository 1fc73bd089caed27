/**
 * WS-Security UsernameToken with a password digest (OASIS UsernameToken Profile 1.0), as ONVIF
 * devices require: Base64(SHA-1(nonce + created + password)), the nonce random per request.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface UsernameTokenInput {
  readonly username: string;
  readonly password: string;
  /** Default: 16 random bytes. */
  readonly nonce?: Uint8Array;
  /** Default: now, ISO 8601 UTC. */
  readonly created?: string;
}

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DIGEST = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** The digest of a nonce, creation time and password, Base64. */
export function passwordDigest(nonce: Uint8Array, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce), Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

/** The `<wsse:Security>` header element. */
export function usernameTokenHeader(input: UsernameTokenInput): string {
  const nonce = input.nonce ?? randomBytes(16);
  const created = input.created ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}">` +
    '<wsse:UsernameToken>' +
    `<wsse:Username>${escapeXml(input.username)}</wsse:Username>` +
    `<wsse:Password Type="${DIGEST}">${passwordDigest(nonce, created, input.password)}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64}">${Buffer.from(nonce).toString('base64')}</wsse:Nonce>` +
    `<wsu:Created>${created}</wsu:Created>` +
    '</wsse:UsernameToken></wsse:Security>'
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
