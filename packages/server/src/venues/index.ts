export { createStaff, toStaff, updateStaff } from './staff-store.js';
export { createVenue, toVenue, updateVenue } from './venue-store.js';
