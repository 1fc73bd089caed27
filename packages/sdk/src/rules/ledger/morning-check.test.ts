import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profile.js';
import { check, codes, morningCheck } from './__tests__/fixtures.js';
import { isStaffUnfit, ledgerAlerts } from './validate.js';

describe('morning check', () => {
  it('keeps a healthy check without issues', () => {
    const result = check(morningCheck);
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(isStaffUnfit(result)).toBe(false);
  });

  it('marks 37.3 ℃ as fever (a kept record that opens an alert), 37.2 ℃ as fit', () => {
    const fever = check({ ...morningCheck, temperatureC: 37.3 });
    expect(fever.ok).toBe(true);
    expect(fever.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_MORNING_FEVER', path: 'temperatureC', severity: 'warning' }),
    ]);
    expect(fever.issues[0]?.message.zh).toContain('37.3');
    expect(ledgerAlerts(fever).map((i) => i.code)).toEqual(['LEDGER_MORNING_FEVER']);
    expect(isStaffUnfit(fever)).toBe(true);
    expect(codes(check({ ...morningCheck, temperatureC: 37.2 }))).toEqual([]);
    expect(codes(check({ ...morningCheck, temperatureC: 37.29 }))).toEqual([]);
  });

  it('follows a regional fever threshold', () => {
    const profile = resolveProfile({ regionOverrides: { ledger: { morningCheck: { feverC: 37.5 } } } });
    expect(codes(check({ ...morningCheck, temperatureC: 37.4 }, { profile }))).toEqual([]);
    expect(codes(check({ ...morningCheck, temperatureC: 37.5 }, { profile }))).toEqual(['LEDGER_MORNING_FEVER']);
  });

  it('names each symptom in both languages', () => {
    const result = check({ ...morningCheck, symptoms: ['diarrhoea', 'hand_wound'] });
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['LEDGER_MORNING_SYMPTOM']);
    expect(result.issues[0]?.message.zh).toContain('腹泻、手部皮肤破损或感染');
    expect(result.issues[0]?.message.en).toContain('diarrhoea, wound or infection on the hands');
    expect(isStaffUnfit(result)).toBe(true);
  });

  it('rejects an unknown symptom as a schema problem', () => {
    const result = check({ ...morningCheck, symptoms: ['fever', 'sneezing'] });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'FIELD_ENUM', path: 'symptoms.1' })]);
  });

  it('warns on a failed hand check (unfit) and on uniform (no alert)', () => {
    const result = check({ ...morningCheck, handCheckOk: false, uniformOk: false });
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['LEDGER_MORNING_HAND_CHECK', 'LEDGER_MORNING_UNIFORM']);
    expect(ledgerAlerts(result).map((i) => i.code)).toEqual(['LEDGER_MORNING_HAND_CHECK']);
  });

  it('marks staff without a health certificate, or with an expired one, as unfit', () => {
    const none = check({ ...morningCheck, healthCertificateExpiresOn: null });
    expect(none.ok).toBe(true);
    expect(codes(none)).toEqual(['LEDGER_STAFF_HEALTH_CERT_INVALID']);
    expect(isStaffUnfit(none)).toBe(true);
    expect(codes(check({ ...morningCheck, healthCertificateExpiresOn: '2024-06-14' }))).toEqual([
      'LEDGER_STAFF_HEALTH_CERT_INVALID',
    ]);
    // Valid through its expiry day.
    expect(codes(check({ ...morningCheck, healthCertificateExpiresOn: '2024-06-15' }))).toEqual([]);
    // Unknown to the client: no judgement.
    const { healthCertificateExpiresOn: _, ...unknown } = morningCheck;
    expect(codes(check(unknown))).toEqual([]);
  });

  it('counts a valid training certificate like the health certificate: none or expired is unfit, with its code', () => {
    const none = check({ ...morningCheck, trainingCertificateExpiresOn: null });
    expect(none.ok).toBe(true);
    expect(codes(none)).toEqual(['LEDGER_STAFF_TRAINING_CERT_INVALID']);
    expect(none.issues[0]?.message.zh).toContain('未取得培训合格证');
    expect(ledgerAlerts(none).map((i) => i.code)).toEqual(['LEDGER_STAFF_TRAINING_CERT_INVALID']);
    expect(isStaffUnfit(none)).toBe(true);
    const expired = check({ ...morningCheck, trainingCertificateExpiresOn: '2024-06-14' });
    expect(codes(expired)).toEqual(['LEDGER_STAFF_TRAINING_CERT_INVALID']);
    expect(expired.issues[0]?.message.en).toContain('expired on 2024-06-14');
    expect(codes(check({ ...morningCheck, trainingCertificateExpiresOn: '2024-06-15' }))).toEqual([]);
    // Both missing: two findings, each with its own code.
    expect(
      codes(check({ ...morningCheck, healthCertificateExpiresOn: null, trainingCertificateExpiresOn: null })),
    ).toEqual(['LEDGER_STAFF_HEALTH_CERT_INVALID', 'LEDGER_STAFF_TRAINING_CERT_INVALID']);
    expect(check({ ...morningCheck, trainingCertificateExpiresOn: '2024-02-30' }).issues).toEqual([
      expect.objectContaining({ code: 'FIELD_FORMAT', path: 'trainingCertificateExpiresOn' }),
    ]);
  });

  it('judges the certificate on the local day of the check (23:59 vs 00:01)', () => {
    const now = '2024-07-02T00:00:00+08:00';
    const cert = { ...morningCheck, healthCertificateExpiresOn: '2024-06-30' };
    expect(codes(check({ ...cert, time: '2024-06-30T23:59:00+08:00' }, { now }))).toEqual([]);
    expect(codes(check({ ...cert, time: '2024-07-01T00:01:00+08:00' }, { now }))).toEqual([
      'LEDGER_STAFF_HEALTH_CERT_INVALID',
    ]);
    // The same instant written in UTC is 1 July in Shanghai, but still 30 June in UTC.
    expect(codes(check({ ...cert, time: '2024-06-30T16:01:00Z' }, { now }))).toEqual([
      'LEDGER_STAFF_HEALTH_CERT_INVALID',
    ]);
    expect(codes(check({ ...cert, time: '2024-06-30T16:01:00Z' }, { now, timeZone: 'UTC' }))).toEqual([]);
  });

  it('refuses a temperature no thermometer reads on a person (a typing slip)', () => {
    expect(check({ ...morningCheck, temperatureC: 3.65 }).issues).toEqual([
      expect.objectContaining({ code: 'FIELD_TOO_SMALL', path: 'temperatureC', severity: 'error' }),
    ]);
  });

  it('refuses a check time more than 5 minutes in the future', () => {
    expect(codes(check({ ...morningCheck, time: '2024-06-15T12:04:00+08:00' }))).toEqual([]);
    expect(codes(check({ ...morningCheck, time: '2024-06-15T12:06:00+08:00' }))).toEqual(['LEDGER_TIME_IN_FUTURE']);
  });
});
