/** GB/T 28181 video networks: MANSCDP bodies, bare or inside the SIP MESSAGE/NOTIFY that carried them. */
import { type ConvertResult, defineAdapter, reject } from '@brightkitchen/sdk';
import { decodeManscdp } from './decode.js';
import { manscdpEvents } from './manscdp.js';
import { looksLikeSip, parseSipRequest, sipHeader } from './sip.js';

const METHODS = ['MESSAGE', 'NOTIFY'];

export const gb28181 = defineAdapter({
  vendor: 'gb28181',
  models: ['GB/T 28181-2016/2022 devices and platforms (IPC, NVR, video networks)'],
  description: {
    zh: 'GB/T 28181 视频联网：报警、心跳、目录（MANSCDP，GB2312/GBK 编码，SIP MESSAGE/NOTIFY）',
    en: 'GB/T 28181 video networks: alarms, keepalives, catalogs (MANSCDP in GB2312/GBK, SIP MESSAGE/NOTIFY)',
  },
  inputs: [{ transport: 'sip', methods: METHODS }],
  convert(message, context): ConvertResult {
    let body: Uint8Array | string = message.payload;
    if (looksLikeSip(message.payload)) {
      const sip = parseSipRequest(message.payload);
      if (!sip.ok) return sip;
      if (!METHODS.includes(sip.value.method)) return reject('ADAPTER_UNSUPPORTED_EVENT', { method: sip.value.method });
      const contentType = sipHeader(sip.value, 'content-type') ?? '';
      if (!/manscdp\+xml/i.test(contentType)) return reject('ADAPTER_UNSUPPORTED_EVENT', { contentType });
      body = sip.value.body;
    }
    const text = decodeManscdp(body);
    if (!text.ok) return text;
    return manscdpEvents(text.text, message.receivedAt, context);
  },
});
