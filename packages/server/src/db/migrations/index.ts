import { initial } from './001-initial.js';
import { inspections } from './002-inspections.js';
import { devices } from './010-devices.js';
import { deviceGateways } from './011-device-gateways.js';
import { idempotentRequests } from './020-idempotent-requests.js';
import { engineIndexes } from './030-engine-indexes.js';
import { readingsTimeIndex } from './031-readings-time-index.js';
import { ledgerPhotos } from './032-ledger-photos.js';
import { regionRuleProfiles } from './033-region-rule-profiles.js';
import { replayGuards } from './034-replay-guards.js';
import { sessionFamilies } from './035-session-families.js';
import { abuseLimits } from './036-abuse-limits.js';
import { auditLog } from './038-audit-log.js';
import { ledgerAnchors } from './039-ledger-anchors.js';
import { staffLeftAndCorrections } from './040-staff-left-and-corrections.js';
import { consumerPhones } from './041-consumer-phones.js';
import { training } from './042-training.js';
import { inspectionOutcomes } from './043-inspection-outcomes.js';
import { venueLicenceNumbers } from './044-venue-licence-numbers.js';
import { riskModels } from './045-risk-models.js';
import { oneOpenAlert } from './055-one-open-alert.js';
import { rateCounters } from './056-rate-counters.js';
import { brokerSessions } from './057-broker-sessions.js';
import { thresholdDue } from './058-threshold-due.js';
import { oneRunningDisinfection } from './059-one-running-disinfection.js';
import { cameraChannels } from './070-camera-channels.js';
import { ratingsByDay } from './071-ratings-by-day.js';
import { inspectionRecords } from './072-inspection-records.js';
import { rectifications } from './073-rectifications.js';
import { samplingTasks } from './074-sampling-tasks.js';
import { tips } from './077-tips.js';
import { duties } from './078-duties.js';
import { listSets } from './079-list-sets.js';
import { deviceRemoval } from './080-device-removal.js';
import { brokerGrants } from './081-broker-grants.js';
import type { AppMigration } from './migration.js';

/** Every migration, in order. Append new ones here. */
export const MIGRATIONS: readonly AppMigration[] = [
  initial,
  inspections,
  devices,
  deviceGateways,
  idempotentRequests,
  engineIndexes,
  readingsTimeIndex,
  ledgerPhotos,
  regionRuleProfiles,
  replayGuards,
  sessionFamilies,
  abuseLimits,
  auditLog,
  ledgerAnchors,
  staffLeftAndCorrections,
  consumerPhones,
  training,
  inspectionOutcomes,
  venueLicenceNumbers,
  riskModels,
  oneOpenAlert,
  rateCounters,
  brokerSessions,
  thresholdDue,
  oneRunningDisinfection,
  cameraChannels,
  ratingsByDay,
  inspectionRecords,
  rectifications,
  samplingTasks,
  tips,
  duties,
  listSets,
  deviceRemoval,
  brokerGrants,
];
export type { AppMigration } from './migration.js';
