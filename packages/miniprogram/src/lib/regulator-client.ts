/**
 * The regulator's SDK client on the phone (its own session and outbox, namespace `bk-regulator`): inspections are
 * recorded through its outbox, so they wait on the phone offline and are sent exactly once. Here in lib/ (not in
 * the `regulator` subpackage) because the staff login page (operator subpackage) signs a regulator in with it.
 */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient } from '@brightkitchen/sdk/taro';
import { watchBrowserNetwork } from './browser-network';
import { endpoints, taro } from './taro-api';

let regulator: BrightKitchenClient | null = null;

export function regulatorClient(): BrightKitchenClient {
  if (!regulator) {
    regulator = createTaroClient(taro, { baseURL: endpoints().baseURL, namespace: 'bk-regulator' });
    regulator.outbox.events.on('quarantined', ({ key, reason }) =>
      console.warn(`outbox: set aside a value of ${key}: ${reason}`),
    );
    watchBrowserNetwork(regulator);
  }
  return regulator;
}

/** Where a regulator signed in on the phone lands: this week's plan. */
export const REGULATOR_HOME = '/regulator/plan/index';

/** H5 on a desktop-wide screen: the console suits a regulator better than the phone pages. */
export function prefersConsole(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= 1024;
}
