import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { hikvisionIsapi } from '/work/main/packages/device-adapters/src/vendors/hikvision-isapi/index.js';
test('x', () => {
  for (const f of ['hikvision-isapi-alert.xml', 'hikvision-alertstream-multipart.txt']) {
    const payload = readFileSync(`/work/main/packages/device-adapters/fixtures/${f}`);
    console.log(JSON.stringify(hikvisionIsapi.convert({ payload: new Uint8Array(payload), receivedAt: '2024-05-01T04:35:00Z' }), null, 1));
  }
});
