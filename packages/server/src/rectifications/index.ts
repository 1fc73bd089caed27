export { escalateOverdue } from './escalation.js';
export {
  assertNotPast,
  assertPhotosStored,
  loadRectification,
  type OpenRectification,
  openRectification,
  toRectification,
} from './service.js';
