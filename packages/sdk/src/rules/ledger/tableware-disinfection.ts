/** Tableware disinfection 餐饮具消毒: temperature / chlorine and time per method (2011 规范 附件). */
import type { TablewareDisinfectionRecord } from '../../domain/ledger.js';
import { ledgerFieldLabel } from '../../domain/ledger-fields.js';
import { DISINFECTION_METHOD_LABELS } from '../../domain/ledger-vocab.js';
import { formatDuration, futureInstant, type LedgerIssue, type LedgerRuleContext, ledgerIssue } from './context.js';

export function checkTablewareDisinfection(record: TablewareDisinfectionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const issues = futureInstant(ctx, record.time, 'time');
  const method = DISINFECTION_METHOD_LABELS[record.method];
  const limits = ctx.profile.ledger.disinfection;
  let minSeconds: number;
  if (record.method === 'chlorine_soak') {
    const { minChlorineMgPerL } = limits.chlorine_soak;
    minSeconds = limits.chlorine_soak.minSeconds;
    if (record.chlorineMgPerL === undefined) {
      issues.push(
        ledgerIssue('LEDGER_DISINFECTION_PARAM_MISSING', 'chlorineMgPerL', {
          method,
          field: ledgerFieldLabel('chlorineMgPerL'),
        }),
      );
    } else if (record.chlorineMgPerL < minChlorineMgPerL) {
      issues.push(
        ledgerIssue('LEDGER_CHLORINE_LOW', 'chlorineMgPerL', {
          actual: record.chlorineMgPerL,
          limit: minChlorineMgPerL,
        }),
      );
    }
    if (record.rinsed !== true) issues.push(ledgerIssue('LEDGER_CHLORINE_NOT_RINSED', 'rinsed'));
  } else {
    const { minTempC } = limits[record.method];
    minSeconds = limits[record.method].minSeconds;
    if (record.temperatureC === undefined) {
      issues.push(
        ledgerIssue('LEDGER_DISINFECTION_PARAM_MISSING', 'temperatureC', {
          method,
          field: ledgerFieldLabel('temperatureC'),
        }),
      );
    } else if (record.temperatureC < minTempC) {
      issues.push(
        ledgerIssue('LEDGER_DISINFECTION_TEMP_LOW', 'temperatureC', {
          method,
          actual: record.temperatureC,
          limit: minTempC,
        }),
      );
    }
  }
  if (record.durationSeconds < minSeconds) {
    issues.push(
      ledgerIssue('LEDGER_DISINFECTION_TIME_SHORT', 'durationSeconds', {
        method,
        actual: formatDuration(record.durationSeconds),
        limit: formatDuration(minSeconds),
      }),
    );
  }
  return issues;
}
