/**
 * EMQX's management API, for what its hooks cannot do: end a connection now. A removed device is refused by the
 * authentication hook when it reconnects and by the authorization hook when EMQX's cache of its answers expires;
 * with BK_EMQX_API_URL the platform also disconnects it at once — the clients EMQX has under its username
 * (`GET /api/v5/clients?username=`) are kicked (`DELETE /api/v5/clients/{clientid}`), with the API key as HTTP
 * Basic. A failure is logged: the removal stands, and the hooks still refuse the device.
 */

export interface EmqxApi {
  /** Disconnects every client EMQX has under this username. */
  disconnect(username: string): Promise<void>;
}

export interface EmqxApiOptions {
  /** BK_EMQX_API_URL, without a trailing slash. */
  readonly url: string;
  /** BK_EMQX_API_KEY: `key:secret`. */
  readonly key: string;
  readonly log: (message: string, error?: unknown) => void;
  readonly timeoutMs?: number;
}

interface ClientPage {
  readonly data?: readonly { readonly clientid?: unknown }[];
}

export function createEmqxApi(options: EmqxApiOptions): EmqxApi {
  const authorization = `Basic ${Buffer.from(options.key).toString('base64')}`;
  const call = (path: string, method: 'GET' | 'DELETE') =>
    fetch(`${options.url}${path}`, {
      method,
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  return {
    async disconnect(username) {
      try {
        const listed = await call(`/api/v5/clients?username=${encodeURIComponent(username)}&_limit=100`, 'GET');
        if (!listed.ok) throw new Error(`listing clients answered ${listed.status}`);
        const page = (await listed.json()) as ClientPage;
        for (const client of page.data ?? []) {
          if (typeof client.clientid !== 'string') continue;
          const kicked = await call(`/api/v5/clients/${encodeURIComponent(client.clientid)}`, 'DELETE');
          // 404: it left by itself in between.
          if (!kicked.ok && kicked.status !== 404)
            throw new Error(`kicking ${client.clientid} answered ${kicked.status}`);
        }
      } catch (error) {
        options.log(`emqx: could not disconnect ${username}`, error);
      }
    },
  };
}
