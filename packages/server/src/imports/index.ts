export { formatReport, IMPORT_USAGE, registerRows, runImportCommand } from './command.js';
export {
  type ImportOptions,
  ImportRefused,
  type ImportReport,
  importRegister,
  type RegisterKind,
} from './import-register.js';
export { csvRows, IMPORT_LIMITS, isZip, looksLikeText, type SheetCell, xlsxRows } from './read-sheet.js';
