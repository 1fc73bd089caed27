import type { BrightKitchenClient } from '@brightkitchen/sdk';

/**
 * H5 only: Taro's `onNetworkStatusChange` listens to `navigator.connection`, which most browsers lack, so the
 * browser's own `online` / `offline` events pause the outbox and send what waits the moment the network is back.
 */
export function watchBrowserNetwork(client: BrightKitchenClient): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) client.outbox.setOnline(false);
  window.addEventListener('offline', () => client.outbox.setOnline(false));
  window.addEventListener('online', () => {
    client.outbox.setOnline(true);
    void client.outbox.flush().catch(() => {});
  });
}
