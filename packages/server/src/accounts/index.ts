export { issueSession, refreshSession, type Session } from './sessions.js';
export {
  addMembership,
  addRegulatorRegion,
  createPartnerKey,
  createUser,
  type NewUser,
  type PartnerKey,
  type PublicUser,
  publicUser,
} from './users.js';
