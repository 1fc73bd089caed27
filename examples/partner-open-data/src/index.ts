export { districtGrades, findRegion } from './district-grades.js';
export { displayWidth, gradeRow, gradesTable } from './grades-table.js';
export { type ReportOptions, readOptions, USAGE } from './options.js';
export { type ReportIo, runReport } from './report.js';
