export { type GradedInspection, gradeOf } from './grade.js';
export { inspectionRow, inspectionsForGrading, toInspection } from './store.js';
