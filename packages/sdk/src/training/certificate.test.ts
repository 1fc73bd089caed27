import { describe, expect, it } from 'vitest';
import {
  certificateExpiry,
  certificateStanding,
  daysUntil,
  formatCertificateCode,
  maskHolderName,
  normalizeCertificateCode,
} from './certificate.js';
import { parseCsv } from './csv.js';

describe('certificates', () => {
  it('masks every character of the holder’s name but the first', () => {
    expect(maskHolderName('张三')).toBe('张*');
    expect(maskHolderName('欧阳娜娜')).toBe('欧***');
    expect(maskHolderName('王')).toBe('王*');
    expect(maskHolderName(' ')).toBe('*');
  });

  it('is valid for the months given, through the day before the same date', () => {
    expect(certificateExpiry('2024-05-10', 12)).toBe('2025-05-09');
    expect(certificateExpiry('2024-02-29', 12)).toBe('2025-02-27');
    expect(certificateExpiry('2024-01-31', 1)).toBe('2024-02-28');
    expect(certificateExpiry('2024-11-15', 3)).toBe('2025-02-14');
  });

  it('is valid through its expiry day, unless revoked', () => {
    expect(certificateStanding({ expiresOn: '2025-05-09' }, '2025-05-09')).toEqual({ valid: true });
    expect(certificateStanding({ expiresOn: '2025-05-09' }, '2025-05-10')).toEqual({ valid: false, reason: 'expired' });
    expect(certificateStanding({ expiresOn: '2099-01-01', revokedAt: '2025-01-01T00:00:00Z' }, '2025-05-10')).toEqual({
      valid: false,
      reason: 'revoked',
    });
    expect(daysUntil('2025-05-01', '2025-05-31')).toBe(30);
  });

  it('reads a code as printed or typed, and refuses what is no code', () => {
    expect(formatCertificateCode('K7Q2M9XA3BCD')).toBe('K7Q2-M9XA-3BCD');
    expect(normalizeCertificateCode('k7q2-m9xa-3bcd')).toBe('K7Q2M9XA3BCD');
    expect(normalizeCertificateCode('K7Q2 M9XA 3BCD')).toBe('K7Q2M9XA3BCD');
    expect(normalizeCertificateCode('K7Q2M9XA3BC')).toBeNull();
    expect(normalizeCertificateCode('K7Q2M9XA3BCI')).toBeNull(); // no I in Crockford's alphabet
    expect(normalizeCertificateCode('../../etc/passwd')).toBeNull();
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and both line ends', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', ''],
    ]);
    expect(parseCsv('only')).toEqual([['only']]);
  });
});
