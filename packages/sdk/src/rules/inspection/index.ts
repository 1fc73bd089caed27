export { checklistFor, type ScoredAnswers, scoreAnswers } from './checklist-for.js';
export { CHECKLIST_CODES, NATIONAL_CHECKLIST, NATIONAL_KEY_ITEMS } from './national-checklist.js';
