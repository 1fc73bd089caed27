/**
 * The console's one client (the SDK's, with its session and refresh) and the warehouse client over it. The session
 * is kept in the browser's localStorage, so a reload stays signed in; every call goes through the SDK.
 */
import {
  type BrightKitchenClient,
  createClient,
  createFetchTransport,
  type KeyValueStorage,
  type Me,
} from '@brightkitchen/sdk';
import { createWarehouseClient, type WarehouseClient } from '@brightkitchen/sdk/warehouse';

const storage: KeyValueStorage = {
  get: async (key) => localStorage.getItem(key),
  set: async (key, value) => localStorage.setItem(key, value),
  remove: async (key) => localStorage.removeItem(key),
};

export const client: BrightKitchenClient = createClient({
  baseURL: location.origin,
  transport: createFetchTransport(),
  storage,
  namespace: 'bk-console',
});

const REGION_KEY = 'bk-console:region';

/** The region chosen in the header (a district, or the city); none: every region the caller oversees. */
export const chosenRegion = (): string | undefined => localStorage.getItem(REGION_KEY) ?? undefined;

export function chooseRegion(regionId: string | undefined): void {
  if (regionId) localStorage.setItem(REGION_KEY, regionId);
  else localStorage.removeItem(REGION_KEY);
}

/** A warehouse query narrowed to the chosen region (the server still keeps a regulator inside their own). */
function inRegion<Q extends { readonly regionId?: string }>(query?: Q): Q | undefined {
  const regionId = chosenRegion();
  return regionId ? ({ ...query, regionId } as Q) : query;
}

const base = createWarehouseClient(client);

/** The SDK's warehouse client, every regional query narrowed to the header's region. */
export const warehouse: WarehouseClient = {
  ...base,
  overview: (q) => base.overview(inRegion(q)),
  map: (q) => base.map(inRegion(q)),
  completion: (q) => base.completion(inRegion(q)),
  completionToday: (q) => base.completionToday(inRegion(q)),
  alerts: (q) => base.alerts(inRegion(q)),
  devices: (q) => base.devices(inRegion(q)),
  complaints: (q) => base.complaints(inRegion(q)),
  ratings: (q) => base.ratings(inRegion(q)),
  ranking: (q) => base.ranking(inRegion(q)),
  model: (q) => base.model(inRegion(q)),
  fit: (q) => base.fit(inRegion(q)),
  setPolicy: (input, q) => base.setPolicy(input, inRegion(q)),
  plan: (q) => base.plan(inRegion(q)),
};

const ROLE_KEY = 'bk-console:role';

/** Signs in and keeps who is signed in; only regulators and admins use the console. */
export async function signIn(login: string, password: string): Promise<void> {
  await client.auth.login(login, password);
  const { user } = await client.request<Me>({ method: 'GET', path: '/v1/me' });
  if (user.role !== 'regulator' && user.role !== 'admin') {
    await client.auth.logout();
    throw new Error('该账号不是监管账号，请在小程序中使用 / Not a regulator account');
  }
  localStorage.setItem(ROLE_KEY, user.role);
}

export async function signOut(): Promise<void> {
  localStorage.removeItem(ROLE_KEY);
  chooseRegion(undefined);
  await client.auth.logout();
}

export const signedIn = () => localStorage.getItem(ROLE_KEY) !== null;
