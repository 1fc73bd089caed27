export {
  type DispatcherOptions,
  type DispatchReport,
  EscalationDispatcher,
  MAX_ATTEMPTS,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from './dispatcher.js';
export { type Recipient, recipientsFor } from './recipients.js';
export { sendWebhook, webhookSignature } from './webhook-sender.js';
export { type SubscribeData, WechatSender, type WechatSenderOptions } from './wechat-sender.js';
