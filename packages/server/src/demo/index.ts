export { DEMO_CONSUMER_OPENID, type DemoAccount, type DemoAccountsFile } from './accounts.js';
export { DEMO_ACCOUNTS_FILE, readDemoAccounts, writeDemoAccounts } from './accounts-file.js';
export { startBanner } from './banner.js';
export { demoBanner, prepareDemo, runSeedCommand } from './commands.js';
export { DEMO_CITY, DEMO_DISTRICTS, type DemoDistrict } from './districts.js';
export { type EnsureDemoResult, ensureDemoCity, hasVenues } from './ensure.js';
export { progressPrinter } from './progress.js';
export { DEFAULT_DEMO_VENUES, type SeedOptions, type SeedProgress, type SeedResult, seedDemoCity } from './seed.js';
