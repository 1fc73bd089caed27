/** Valid ledger records for tests, built for "now" in Asia/Shanghai. */
import type { MorningCheckRecord, PurchaseInspectionRecord } from '@brightkitchen/sdk';
import { inZone } from '@brightkitchen/sdk';

export function morningCheck(staffId: string, overrides: Partial<MorningCheckRecord> = {}): MorningCheckRecord {
  return {
    kind: 'morning_check',
    staffId,
    time: inZone(Date.now() - 60_000).format(),
    temperatureC: 36.5,
    symptoms: [],
    handCheckOk: true,
    uniformOk: true,
    checker: '王经理',
    ...overrides,
  };
}

export function purchase(overrides: Partial<PurchaseInspectionRecord> = {}): PurchaseInspectionRecord {
  const today = inZone(Date.now()).format('YYYY-MM-DD');
  return {
    kind: 'purchase_inspection',
    productName: '大米',
    spec: '25kg/袋',
    quantity: 4,
    unit: '袋',
    productionDate: inZone(Date.now() - 30 * 86_400_000).format('YYYY-MM-DD'),
    shelfLifeDays: 365,
    purchaseDate: today,
    supplier: { name: '聊城粮油公司', address: '聊城市', contact: '0635-1234567', licenceNo: 'JY1371500000001' },
    category: 'grain',
    certificateNo: 'QC-2024-001',
    invoicePhotoRef: 'photos/invoice-001.jpg',
    ...overrides,
  };
}
