import { it } from 'vitest';
import { loadWeapp } from '/work/main/packages/miniprogram/src/weapp/harness';
it('dbg', async () => {
  try { const app = loadWeapp('/work/main/packages/miniprogram/dist'); await app.openPage('pages/scan/index'); }
  catch (e) { console.log((e as Error).stack?.split('\n').slice(0, 12).join('\n')); }
});
