/** Frigate NVR (open source) over MQTT. */
import { defineAdapter } from '@brightkitchen/sdk';
import { convertFrigate } from './convert.js';

export const frigate = defineAdapter({
  vendor: 'frigate',
  models: ['Frigate NVR 0.14+ (events, reviews, tracked_object_update)'],
  description: {
    zh: 'Frigate 开源 NVR：目标事件、审核、自定义分类模型（如厨师帽）、在线状态',
    en: 'Frigate NVR: tracked-object events, reviews, custom classification models (e.g. a chef-hat classifier), availability',
  },
  inputs: [
    {
      transport: 'mqtt',
      topics: ['frigate/events', 'frigate/reviews', 'frigate/tracked_object_update', 'frigate/available'],
    },
  ],
  convert: convertFrigate,
});
