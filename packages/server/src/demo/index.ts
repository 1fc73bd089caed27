export { DEMO_CONSUMER_OPENID, type DemoAccount, type DemoAccountsFile } from './accounts.js';
export { DEMO_ACCOUNTS_FILE, readDemoAccounts, writeDemoAccounts } from './accounts-file.js';
export { startBanner } from './banner.js';
export { demoBanner, prepareDemo, runSeedCommand } from './commands.js';
export { DEMO_CAMERA_NAME, type DemoCamera, demoCameraNote, ffmpegAvailable, startDemoCamera } from './demo-camera.js';
export { DEMO_DEVICES_FILE, readDemoDeviceSecrets } from './demo-devices-file.js';
export { DEMO_CITY, DEMO_DISTRICTS, type DemoDistrict } from './districts.js';
export { type EnsureDemoResult, ensureDemoCity, hasVenues } from './ensure.js';
export { DEMO_CYCLE_MINUTES, DEMO_INCIDENT_CYCLE, demoScenarioAt, type IncidentSlot } from './incidents.js';
export { ensureKitchenDevices, type KitchenDevice } from './kitchen-devices.js';
export { type LiveKitchen, type LiveKitchenOptions, startLiveKitchen } from './live-kitchen.js';
export { liveKitchenNote, liveKitchenVenue } from './live-kitchen-note.js';
export { progressPrinter } from './progress.js';
export { DEFAULT_DEMO_VENUES, type SeedOptions, type SeedProgress, type SeedResult, seedDemoCity } from './seed.js';
export {
  consumerSignInNotes,
  DEMO_CONSUMER_CODE,
  STAND_IN_APP_ID,
  standInOpenid,
  startWechatStandIn,
  type WechatStandIn,
} from './wechat-stand-in.js';
