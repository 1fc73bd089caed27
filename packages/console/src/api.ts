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

export const warehouse: WarehouseClient = createWarehouseClient(client);

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
  await client.auth.logout();
}

export const signedIn = () => localStorage.getItem(ROLE_KEY) !== null;
