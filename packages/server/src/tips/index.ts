export { PUBLIC_TIPS_TTL_MS, PublicTipsCache, publicTipsCacheOf } from './public-cache.js';
export { createTip, loadTip, withdrawTip } from './service.js';
export { TIP_MESSAGE_PAGE, TipMessages, tipMessageData } from './subscribe-messages.js';
