/**
 * Test helper (not shipped): a real Bright Kitchen platform on 127.0.0.1 (`@brightkitchen/server`, SQLite
 * in a temp dir, embedded broker on a random port) with one venue, its registered GB/T 28181 kitchen
 * camera, an admin and the city video network's partner key.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '@brightkitchen/sdk';
import { buildApp, createPartnerKey, createUser, hashPassword, loadConfig } from '@brightkitchen/server';

export interface Platform {
  readonly baseUrl: string;
  readonly venueId: string;
  readonly partner: { readonly keyId: string; readonly secret: string };
  /** The venue's alerts, as its admin sees them. */
  alerts(): Promise<Alert[]>;
  close(): Promise<void>;
}

export const CAMERA_GB_ID = '34020000001310000001';

export async function startPlatform(): Promise<Platform> {
  const config = loadConfig({
    BK_DATA_DIR: mkdtempSync(join(tmpdir(), 'bk-partner-platform-')),
    BK_LOG_LEVEL: 'silent',
    BK_MQTT_PORT: '0',
    BK_MQTT_WS_PORT: '-1',
  });
  const app = await buildApp(config, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const { database } = app.ctx;
  const password = 'example-admin-password';
  await createUser(database, {
    role: 'admin',
    displayName: 'admin',
    login: 'example-admin',
    passwordHash: await hashPassword(password),
  });
  const call = async <T>(path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${address}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const { accessToken } = await call<{ accessToken: string }>('/v1/auth/login', undefined, {
    login: 'example-admin',
    password,
  });
  const region = await call<{ id: string }>('/v1/regions', accessToken, { name: '东昌府区', code: 'EXAMPLE' });
  const venue = await call<{ id: string }>('/v1/venues', accessToken, {
    regionId: region.id,
    name: '第一中学食堂',
    kind: 'school_canteen',
    licence: { number: 'JY13715020000001', issuedOn: '2023-01-01', expiresOn: '2028-01-01' },
    address: '聊城市东昌府区 1 号',
    coordinates: { lat: 36.45, lng: 115.98 },
    timeZone: 'Asia/Shanghai',
    hasLiveVideo: true,
  });
  await call(`/v1/venues/${venue.id}/devices`, accessToken, {
    kind: 'camera',
    vendor: 'gb28181',
    locationKind: 'camera',
    name: '热菜间摄像机',
    binding: { address: CAMERA_GB_ID },
  });
  const partner = await createPartnerKey(database, '城市视频网');
  return {
    baseUrl: address,
    venueId: venue.id,
    partner: { keyId: partner.keyId, secret: partner.secret },
    alerts: async () => (await call<{ items: Alert[] }>(`/v1/alerts?venueId=${venue.id}`, accessToken)).items,
    close: () => app.close(),
  };
}
