/** Hikvision ISAPI cameras, NVRs and access terminals: HTTP-listening pushes and the alertStream. */
import { accept, type ConvertResult, defineAdapter, type NormalizedEvent } from '@brightkitchen/sdk';
import { alertEvents } from './alert.js';
import { isMultipart, parseAlert, splitMultipart } from './parse.js';

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
    if (!isMultipart(message)) {
      const alert = parseAlert(message);
      return alert.ok ? alertEvents(alert.value, message, context) : alert;
    }
    const split = splitMultipart(message);
    if (!split.ok) return split;
    const events: NormalizedEvent[] = [];
    for (const part of split.value) {
      const attachments = [...(message.attachments ?? []), ...(part.attachments ?? [])];
      const one = { ...part, ...(message.topic === undefined ? {} : { topic: message.topic }), attachments };
      const alert = parseAlert(one);
      const result = alert.ok ? alertEvents(alert.value, one, context) : alert;
      if (!result.ok) return result;
      events.push(...result.events);
    }
    return accept(events);
  },
});
