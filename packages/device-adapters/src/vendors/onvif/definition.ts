/** Any ONVIF Profile S/T camera through a PullPoint subscription. */
import { defineAdapter } from '@brightkitchen/sdk';
import { convertOnvif } from './convert.js';

export const onvif = defineAdapter({
  vendor: 'onvif',
  models: ['ONVIF Profile S/T/M cameras (PullPoint events)'],
  description: {
    zh: 'ONVIF 摄像机：PullPoint 订阅的事件（移动侦测、规则引擎、分析规则）',
    en: 'ONVIF cameras: PullPoint events (motion, rule engine, analytics rules)',
  },
  inputs: [{ transport: 'onvif', service: 'pullpoint' }],
  convert: convertOnvif,
});
