import type { TokenAnswer } from '../contract/auth.js';
import type { KeyValueStorage } from './storage.js';
import type { AuthUser } from './wire-types.js';

/** A logged-in user's tokens, as kept in storage. `expiresAt` is epoch milliseconds. */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  readonly user: AuthUser;
}

/** The login, WeChat and refresh answer (`TokenAnswerSchema`). */
export type { TokenAnswer };

export function sessionFromAnswer(answer: TokenAnswer, now: number): Session {
  return {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    expiresAt: now + answer.expiresIn * 1000,
    user: answer.user,
  };
}

/** Keeps one client's session in its storage namespace, with an in-memory copy. */
export interface SessionStore {
  get(): Promise<Session | null>;
  set(session: Session | null): Promise<void>;
}

export function createSessionStore(
  storage: KeyValueStorage,
  key: string,
  onChange: (s: Session | null) => void,
): SessionStore {
  let loaded = false;
  let current: Session | null = null;
  return {
    async get() {
      if (!loaded) {
        const text = await storage.get(key);
        current = text ? (JSON.parse(text) as Session) : null;
        loaded = true;
      }
      return current;
    },
    async set(session) {
      current = session;
      loaded = true;
      if (session) await storage.set(key, JSON.stringify(session));
      else await storage.remove(key);
      onChange(session);
    },
  };
}
