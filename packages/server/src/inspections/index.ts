export { type GradedInspection, type GradedVenue, type GradeOutcome, gradeOf, gradeOutcome } from './grade.js';
export { gradesRefreshedOn, type RefreshGradesOptions, refreshGrades } from './grades.js';
export { gradeFromRow, storedGrade, toInspectionRecord } from './record.js';
export { inspectionRow, inspectionsForGrading, toInspection } from './store.js';
