import Taro from '@tarojs/taro';
import { type CurrentVenue, currentVenue } from '../lib/operator-venue';
import { operatorClient } from './client';

/** The current venue of a logged-in operator, or a redirect to the login page. */
export async function requireOperator(): Promise<CurrentVenue | null> {
  const session = await operatorClient().auth.session();
  const venue = currentVenue();
  if (session && venue) return venue;
  await Taro.redirectTo({ url: '/operator/login/index' });
  return null;
}
