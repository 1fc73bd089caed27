export { coverageOf, dutiesOfVenue, loadDuty, markRead, publishDuty, receiptsOf } from './service.js';
