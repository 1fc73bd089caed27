/**
 * WeChat subscribe messages, the documented HTTP API against a configurable base:
 * `POST /cgi-bin/stable_token` `{ grant_type: client_credential, appid, secret, force_refresh }` →
 * `{ access_token, expires_in }` (the stable token: every instance of a cluster gets the same one, and fetching
 * it never invalidates the others' as `/cgi-bin/token` does),
 * then `POST /cgi-bin/message/subscribe/send?access_token=…` with
 * `{ touser, template_id, page, miniprogram_state, lang, data: { key: { value } } }` → `{ errcode: 0 }`.
 * The token is cached until shortly before it expires; when WeChat says it is invalid it is refreshed by force.
 */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

export interface WechatSenderOptions {
  readonly apiBase: string;
  readonly appId: string;
  readonly secret: string;
  readonly templateId: string;
  readonly now: () => number;
}

/** Template data: thing ≤ 20 characters, time `YYYY-MM-DD HH:mm`, phrase ≤ 5 characters. */
export type SubscribeData = Readonly<Record<string, { readonly value: string }>>;

interface WechatAnswer {
  readonly errcode?: number;
  readonly errmsg?: string;
  readonly access_token?: string;
  readonly expires_in?: number;
}

async function getJson(url: string, init?: RequestInit): Promise<WechatAnswer> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`WeChat HTTP ${res.status}`);
  return JSON.parse(await res.text()) as WechatAnswer;
}

export class WechatSender {
  private token: { value: string; expiresAt: number } | undefined;
  private fetching: Promise<string> | undefined;
  /** WeChat refused the token: the next fetch forces a new one (limited by WeChat to a few a day). */
  private forceNext = false;

  constructor(private readonly o: WechatSenderOptions) {}

  get enabled(): boolean {
    return this.o.appId !== '' && this.o.secret !== '' && this.o.templateId !== '';
  }

  /** The cached token, or one fetch shared by every concurrent sender. */
  private accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.o.now()) return Promise.resolve(this.token.value);
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const forceRefresh = this.forceNext;
    this.forceNext = false;
    const answer = await getJson(`${this.o.apiBase}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.o.appId,
        secret: this.o.secret,
        force_refresh: forceRefresh,
      }),
    });
    if (!answer.access_token) throw new Error(`WeChat token: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim());
    const ttl = Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000;
    this.token = { value: answer.access_token, expiresAt: this.o.now() + ttl };
    return this.token.value;
  }

  async send(openid: string, data: SubscribeData, page = 'pages/alerts/index'): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken();
      const answer = await getJson(
        `${this.o.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: openid,
            template_id: this.o.templateId,
            page,
            miniprogram_state: 'formal',
            lang: 'zh_CN',
            data,
          }),
        },
      );
      if (!answer.errcode) return;
      if (TOKEN_ERRORS.has(answer.errcode) && attempt === 0) {
        if (this.token?.value === token) {
          this.token = undefined;
          this.forceNext = true;
        }
        continue;
      }
      throw new Error(`WeChat ${answer.errcode}: ${answer.errmsg ?? ''}`.trim());
    }
  }
}
