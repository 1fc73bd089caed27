import Taro from '@tarojs/taro';
import { regulatorClient } from '../lib/regulator-client';

/** True when a regulator is signed in on the phone; otherwise off to the regulator's login page. */
export async function requireRegulator(): Promise<boolean> {
  if (await regulatorClient().auth.session()) return true;
  await Taro.redirectTo({ url: '/regulator/login/index' });
  return false;
}
