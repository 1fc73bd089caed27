/** Valid ledger records of every kind, as the forms would send them, around NOW (Asia/Shanghai). */
import type { LedgerRecord } from '../../../domain/ledger.js';
import type { LedgerValidationOptions, LedgerValidationResult } from '../validate.js';
import { validateLedger } from '../validate.js';

export const NOW = '2024-06-15T12:00:00+08:00';

export const morningCheck = {
  kind: 'morning_check',
  staffId: 'staff-1',
  staffName: '张三',
  time: '2024-06-15T07:30:00+08:00',
  temperatureC: 36.5,
  symptoms: [] as string[],
  handCheckOk: true,
  uniformOk: true,
  checker: '李四',
  healthCertificateExpiresOn: '2025-01-01' as string | null,
};

export const purchase = {
  kind: 'purchase_inspection',
  productName: '猪里脊',
  spec: '5 kg/袋',
  quantity: 2,
  unit: '袋',
  productionDate: '2024-06-14',
  shelfLifeDays: 10 as number | null,
  purchaseDate: '2024-06-15',
  supplier: { name: '聊城肉联', address: '聊城市东昌府区', contact: '0635-1234567', licenceNo: 'JY13715020001234' },
  category: 'meat',
  certificateNo: 'DQ-3701-0001',
  certificateKind: 'quarantine',
  invoicePhotoRef: 'photos/invoice-1.jpg',
};

export const tableware = {
  kind: 'tableware_disinfection',
  time: '2024-06-15T09:00:00+08:00',
  items: ['碗', '盘'],
  count: 120,
  method: 'heat_steam',
  temperatureC: 100,
  durationSeconds: 600,
  operator: '王五',
};

export const sample = {
  kind: 'sample_retention',
  dishName: '红烧肉',
  meal: 'lunch',
  weightGrams: 125,
  sampledAt: '2024-06-13T11:30:00+08:00',
  storageUnit: '留样柜 1',
  storageTempC: 4,
  sealedSeparately: true,
  person: '赵六',
};

export const air = {
  kind: 'air_disinfection',
  room: '凉菜间',
  method: 'uv',
  start: '2024-06-15T10:00:00+08:00',
  end: '2024-06-15T10:30:00+08:00',
  operator: '王五',
  roomEmptyConfirmed: true,
  roomTempC: 22,
};

export const meal = {
  kind: 'accompanying_meal',
  meal: 'lunch',
  date: '2024-06-15',
  person: '陈校长',
  role: '校长',
};

export const VALID_RECORDS = [morningCheck, purchase, tableware, sample, air, meal] as const;

/** validateLedger at NOW in a school canteen unless told otherwise. */
export function check(record: unknown, options: LedgerValidationOptions = {}): LedgerValidationResult {
  return validateLedger(record, { now: NOW, venueKind: 'school_canteen', ...options });
}

/** A fixture as validated (server-filled fields included), judged long after the fact so no time rule refuses it. */
export function parsed(record: unknown): LedgerRecord {
  const result = check(record, { now: '2030-01-01T00:00:00+08:00' });
  if (!result.record) throw new Error(JSON.stringify(result.issues));
  return result.record;
}

/** The codes of a result, in order. */
export function codes(result: LedgerValidationResult): string[] {
  return result.issues.map((issue) => issue.code);
}
