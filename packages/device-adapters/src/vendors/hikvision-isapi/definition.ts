/** Hikvision ISAPI cameras, NVRs and access terminals: HTTP-listening pushes and the alertStream. */
import { accept, type ConvertResult, defineAdapter, type NormalizedEvent } from '@brightkitchen/sdk';
import { alertEvents } from './alert.js';
import { parseAlert } from './parse.js';
import { splitIsapiBody } from './split.js';

export const hikvisionIsapi = defineAdapter({
  vendor: 'hikvision-isapi',
  models: ['DS-2CD series (ISAPI 2.0)', 'DS-7xxx NVR', 'DS-K1T access terminals', 'AI Open Platform (AIOP) cameras'],
  description: {
    zh: '海康威视 ISAPI：HTTP 监听推送与 alertStream 长连接（XML/JSON、抓拍图、AIOP 后厨 AI、门禁口罩检测）',
    en: 'Hikvision ISAPI: HTTP listening pushes and the alertStream (XML/JSON, snapshots, AIOP kitchen AI, access-terminal mask checks)',
  },
  inputs: [
    { transport: 'http', mode: 'push', paths: ['/isapi/events'] },
    { transport: 'http', mode: 'pull', paths: ['/ISAPI/Event/notification/alertStream'] },
  ],
  convert(message, context): ConvertResult {
    const split = splitIsapiBody(message);
    if (!split.ok) return { ok: false, rejection: split.rejection };
    const events: NormalizedEvent[] = [];
    for (const one of split.messages) {
      const alert = parseAlert(one);
      const result = alert.ok ? alertEvents(alert.value, one, context) : alert;
      if (!result.ok) return result;
      events.push(...result.events);
    }
    return accept(events);
  },
});
