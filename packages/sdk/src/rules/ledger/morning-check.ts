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
  issues.push(
    ...checkCertificate(record.healthCertificateExpiresOn, 'healthCertificateExpiresOn', HEALTH, record, ctx),
    ...checkCertificate(record.trainingCertificateExpiresOn, 'trainingCertificateExpiresOn', TRAINING, record, ctx),
  );
  return issues;
}

/** The code of each certificate, and how "none on file" reads for it. */
const HEALTH = { code: 'LEDGER_STAFF_HEALTH_CERT_INVALID', none: { zh: '无健康证明', en: 'none on file' } } as const;
const TRAINING = {
  code: 'LEDGER_STAFF_TRAINING_CERT_INVALID',
  none: { zh: '未取得培训合格证', en: 'none on file' },
} as const;

/**
 * A certificate (health, training) must be valid on the check's local day (valid through its expiry date).
 * Absent = unknown: nothing is judged.
 */
function checkCertificate(
  expiresOn: string | null | undefined,
  path: 'healthCertificateExpiresOn' | 'trainingCertificateExpiresOn',
  kind: typeof HEALTH | typeof TRAINING,
  record: MorningCheckRecord,
  ctx: LedgerRuleContext,
): LedgerIssue[] {
  if (expiresOn === undefined) return [];
  const badDate = invalidDate(expiresOn, path);
  if (badDate.length > 0) return badDate;
  const day = localDay(record.time, ctx.timeZone);
  if (expiresOn === null) return [ledgerIssue(kind.code, path, { day, reason: kind.none })];
  if (expiresOn < day) {
    return [
      ledgerIssue(kind.code, path, { day, reason: { zh: `已于 ${expiresOn} 过期`, en: `expired on ${expiresOn}` } }),
    ];
  }
  return [];
}
