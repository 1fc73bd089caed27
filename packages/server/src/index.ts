/** @brightkitchen/server: build the platform's HTTP app, open its database, manage accounts (seeding). */
export {
  addMembership,
  addRegulatorRegion,
  createPartnerKey,
  createUser,
  type NewUser,
  type PartnerKey,
  type PublicUser,
} from './accounts/index.js';
export { type BuildAppOptions, buildApp } from './app.js';
export { hashPassword, signPartnerRequest } from './auth/index.js';
export { type DatabaseConfig, describeConfig, type LogLevel, loadConfig, type ServerConfig } from './config.js';
export type { AppContext } from './context.js';
export { type Database, type DialectKind, migrateToLatest, openDatabase } from './db/index.js';
export {
  DEMO_ACCOUNTS_FILE,
  DEMO_CONSUMER_OPENID,
  type DemoAccount,
  type DemoAccountsFile,
  ensureDemoCity,
  readDemoAccounts,
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
  seedDemoCity,
} from './demo/index.js';
export { AppError } from './errors/index.js';
export { type GradedInspection, gradeOf, inspectionRow } from './inspections/index.js';
export {
  appendLedgerRecords,
  type LedgerEntry,
  ledgersToday,
  loadRuleContext,
  prepareRecord,
  purgeExpiredLedgers,
  requestHash,
} from './ledgers/index.js';
export { type OpenGrade, openGrades } from './open-data/service.js';
export { buildPublicProfile } from './public-venues/profile.js';
export { ratingSummaries, ratingSummary } from './ratings/service.js';
export { createStaff, createVenue } from './venues/index.js';
