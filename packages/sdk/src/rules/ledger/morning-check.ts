/** Morning health check 晨检: who is unfit to handle food today. Unfit is a warning: the record is kept. */
import type { MorningCheckRecord } from '../../domain/ledger.js';
import { SYMPTOM_LABELS } from '../../domain/ledger-vocab.js';
import { localDay } from '../../time.js';
import {
  futureInstant,
  invalidDate,
  joinLabels,
  type LedgerIssue,
  type LedgerRuleContext,
  ledgerIssue,
} from './context.js';

export function checkMorningCheck(record: MorningCheckRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const issues = futureInstant(ctx, record.time, 'time');
  const { feverC } = ctx.profile.ledger.morningCheck;
  if (record.temperatureC >= feverC) {
    issues.push(ledgerIssue('LEDGER_MORNING_FEVER', 'temperatureC', { actual: record.temperatureC, limit: feverC }));
  }
  if (record.symptoms.length > 0) {
    const unique = [...new Set(record.symptoms)];
    const symptoms = joinLabels(unique.map((s) => SYMPTOM_LABELS[s]));
    issues.push(ledgerIssue('LEDGER_MORNING_SYMPTOM', 'symptoms', { symptoms }));
  }
  if (!record.handCheckOk) issues.push(ledgerIssue('LEDGER_MORNING_HAND_CHECK', 'handCheckOk'));
  if (!record.uniformOk) issues.push(ledgerIssue('LEDGER_MORNING_UNIFORM', 'uniformOk'));
  issues.push(...checkHealthCertificate(record, ctx));
  return issues;
}

/** The certificate must be valid on the check's local day (valid through its expiry date). Absent = unknown. */
function checkHealthCertificate(record: MorningCheckRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const expiresOn = record.healthCertificateExpiresOn;
  if (expiresOn === undefined) return [];
  const badDate = invalidDate(expiresOn, 'healthCertificateExpiresOn');
  if (badDate.length > 0) return badDate;
  const day = localDay(record.time, ctx.timeZone);
  if (expiresOn === null) {
    return [
      ledgerIssue('LEDGER_STAFF_HEALTH_CERT_INVALID', 'healthCertificateExpiresOn', {
        day,
        reason: { zh: '无健康证明', en: 'none on file' },
      }),
    ];
  }
  if (expiresOn < day) {
    return [
      ledgerIssue('LEDGER_STAFF_HEALTH_CERT_INVALID', 'healthCertificateExpiresOn', {
        day,
        reason: { zh: `已于 ${expiresOn} 过期`, en: `expired on ${expiresOn}` },
      }),
    ];
  }
  return [];
}
