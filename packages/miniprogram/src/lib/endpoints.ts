/**
 * Where the app talks to: the h5 app uses the origin that served it (the server hosts it at /app/); the weapp uses
 * `BK_API_BASE` from the build. Realtime is MQTT over WebSocket at `/mqtt` — `wss://` in WeChat, which allows nothing else.
 */
export interface Endpoints {
  readonly baseURL: string;
  readonly realtimeUrl: string;
}

export function endpointsFor(
  env: 'weapp' | 'h5',
  configured: string,
  origin: string | undefined,
  realtime = '',
): Endpoints {
  const baseURL = (configured || (env === 'h5' && origin ? origin : 'http://127.0.0.1:8080')).replace(/\/+$/, '');
  if (realtime) return { baseURL, realtimeUrl: realtime };
  const host = baseURL.replace(/^[a-z]+:\/\//, '');
  const secure = env === 'weapp' || baseURL.startsWith('https:');
  return { baseURL, realtimeUrl: `${secure ? 'wss' : 'ws'}://${host}/mqtt` };
}
