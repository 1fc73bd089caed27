import { validateLedger } from '@brightkitchen/sdk';
import { describe, expect, it, vi } from 'vitest';
import { initialValues, toRecord } from './values';

// The SDK from source (the package's exports point at its build).
vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));

const ctx = { day: '2024-05-01', time: '07:30', timeZone: 'Asia/Shanghai' };

describe('ledger form values', () => {
  it('starts with now, today and the checks passed', () => {
    const v = initialValues('morning_check', ctx);
    expect(v).toMatchObject({ time: '07:30', handCheckOk: true, uniformOk: true, symptoms: [], temperatureC: '' });
  });

  it('makes a record the SDK accepts: local times with offset, minutes as seconds, lists split', () => {
    const record = toRecord(
      'tableware_disinfection',
      {
        items: '碗，盘 筷子',
        count: '120',
        method: 'heat_steam',
        temperatureC: '100',
        durationSeconds: '15',
        rinsed: true,
        operator: '李四',
        time: '10:05',
      },
      ctx,
    );
    expect(record).toMatchObject({
      kind: 'tableware_disinfection',
      items: ['碗', '盘', '筷子'],
      count: 120,
      durationSeconds: 900,
      time: '2024-05-01T10:05:00+08:00',
    });
    expect(validateLedger(record, { timeZone: 'Asia/Shanghai', now: '2024-05-01T12:00:00+08:00' }).ok).toBe(true);
  });

  it('nests supplier fields and leaves empty inputs out, so the rules name what is missing', () => {
    const record = toRecord(
      'purchase_inspection',
      { ...initialValues('purchase_inspection', ctx), 'supplier.name': '某某农场' },
      ctx,
    );
    expect(record.supplier).toEqual({ name: '某某农场' });
    expect('productName' in record).toBe(false);
    const result = validateLedger(record, { now: '2024-05-01T12:00:00+08:00' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toContain('productName');
  });
});
