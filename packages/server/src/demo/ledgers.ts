/**
 * Thirty days of a venue's ledgers as a kitchen would fill them: morning checks of the staff,
 * a purchase, tableware disinfection after lunch and dinner, food samples, UV in the special room and the
 * principal's meal where the rules ask for them. Almost all pass the rules; a rare fever, a warm special
 * room and staff with an expired health certificate give the warnings that open alerts.
 */
import {
  isSampleRetentionRequired,
  type LedgerRecord,
  NATIONAL_PROFILE,
  type PurchaseCategory,
  type Staff,
  type Venue,
} from '@brightkitchen/sdk';
import { SUPPLIERS } from './names.js';
import type { Random } from './random.js';

/** Demo venues are in Asia/Shanghai (UTC+8 all year): local wall-clock times become instants directly. */
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

const PRODUCTS: readonly {
  name: string;
  spec: string;
  unit: string;
  category: PurchaseCategory;
  shelf: number | null;
}[] = [
  { name: '大米', spec: '25kg/袋', unit: '袋', category: 'grain', shelf: 365 },
  { name: '花生油', spec: '5L/桶', unit: '桶', category: 'grain', shelf: 540 },
  { name: '面粉', spec: '25kg/袋', unit: '袋', category: 'grain', shelf: 270 },
  { name: '猪肉（后腿）', spec: '散装', unit: 'kg', category: 'meat', shelf: 3 },
  { name: '鸡胸肉', spec: '2kg/袋', unit: '袋', category: 'poultry', shelf: 5 },
  { name: '白菜', spec: '散装', unit: 'kg', category: 'vegetable', shelf: null },
  { name: '西红柿', spec: '散装', unit: 'kg', category: 'vegetable', shelf: null },
  { name: '鲜牛奶', spec: '250ml/盒', unit: '箱', category: 'dairy', shelf: 7 },
  { name: '草鱼', spec: '散装', unit: 'kg', category: 'aquatic', shelf: 2 },
  { name: '鸡蛋', spec: '15kg/箱', unit: '箱', category: 'other', shelf: 30 },
];
const DISHES = [
  '红烧肉',
  '番茄炒蛋',
  '清炒白菜',
  '鱼香肉丝',
  '土豆烧鸡',
  '麻婆豆腐',
  '西红柿鸡蛋汤',
  '米饭',
  '馒头',
  '炸酱面',
];
const TABLEWARE = [
  { method: 'dishwasher', temperatureC: 85, durationSeconds: 60 },
  { method: 'infrared_cabinet', temperatureC: 125, durationSeconds: 900 },
  { method: 'heat_steam', temperatureC: 100, durationSeconds: 900 },
] as const;
const SPECIAL_ROOM_KINDS = new Set<Venue['kind']>([
  'school_canteen',
  'kindergarten_canteen',
  'elderly_care_canteen',
  'hospital_canteen',
  'company_canteen',
  'central_kitchen',
  'collective_meal_delivery',
]);

function minusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Records of one venue over `days` (oldest first), in the order they were kept; none after `nowMs`. */
export function planLedgers(
  venue: Venue,
  staff: readonly Staff[],
  days: readonly string[],
  nowMs: number,
  random: Random,
): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  const manager = staff.find((s) => s.role === 'food_safety_manager') ?? staff[0];
  const principal = staff.find((s) => s.role === 'principal');
  const checker = manager?.name ?? '食品安全员';
  const tableware = random.pick(TABLEWARE);
  const samples = isSampleRetentionRequired(venue.kind, NATIONAL_PROFILE);
  const specialRoom = SPECIAL_ROOM_KINDS.has(venue.kind);
  const meals = NATIONAL_PROFILE.ledger.accompanyingMeal.venueKinds.includes(venue.kind) && principal;
  const lastDays = new Set(days.slice(-2));

  days.forEach((day, d) => {
    const dayRecords: LedgerRecord[] = [];
    // Everyone on the staff archive is checked (today's completion expects all of them).
    staff.forEach((person, i) => {
      // Someone whose certificate lapsed is kept off the roster, except on the last two days (the warnings).
      if (person.healthCertificate.expiresOn < day && !lastDays.has(day)) return;
      const fever = random.chance(0.002);
      dayRecords.push({
        kind: 'morning_check',
        staffId: person.id,
        time: at(day, `07:${String(10 + i * 3).padStart(2, '0')}`),
        temperatureC: fever ? 37.6 + random.int(0, 6) / 10 : 36.2 + random.int(0, 7) / 10,
        symptoms: fever ? ['fever'] : [],
        handCheckOk: true,
        uniformOk: true,
        checker,
      });
    });
    const product = PRODUCTS[(d + random.int(0, PRODUCTS.length - 1)) % PRODUCTS.length] ?? PRODUCTS[0];
    if (product) {
      const supplier = random.pick(SUPPLIERS);
      const needsQuarantine = product.category === 'meat' || product.category === 'poultry';
      dayRecords.push({
        kind: 'purchase_inspection',
        productName: product.name,
        spec: product.spec,
        quantity: random.int(2, 40),
        unit: product.unit,
        productionDate: minusDays(day, product.shelf === null ? 0 : Math.min(1, product.shelf - 1)),
        shelfLifeDays: product.shelf,
        purchaseDate: day,
        supplier,
        category: product.category,
        certificateNo: `${needsQuarantine ? '动检' : '检'}${day.replaceAll('-', '')}${random.int(100, 999)}`,
        certificateKind: needsQuarantine ? 'quarantine' : 'inspection',
        invoicePhotoRef: `invoices/${venue.publicCode}/${day}.jpg`,
      });
    }
    if (specialRoom) {
      const warm = random.chance(0.003);
      dayRecords.push({
        kind: 'air_disinfection',
        room: '凉菜专间',
        method: 'uv',
        start: at(day, '09:50'),
        end: at(day, '10:30'),
        operator: checker,
        roomEmptyConfirmed: true,
        roomTempC: warm ? 26.5 : 21 + random.int(0, 30) / 10,
      });
    }
    if (samples) {
      for (const dish of [random.pick(DISHES), random.pick(DISHES)]) {
        dayRecords.push({
          kind: 'sample_retention',
          dishName: dish,
          meal: 'lunch',
          weightGrams: 125 + random.int(5, 80),
          sampledAt: at(day, '11:20'),
          storageUnit: '留样专用冰箱',
          storageTempC: 2 + random.int(0, 40) / 10,
          sealedSeparately: true,
          person: checker,
        });
      }
    }
    if (meals && principal) {
      dayRecords.push({ kind: 'accompanying_meal', meal: 'lunch', date: day, person: principal.name, role: '校长' });
    }
    for (const time of ['13:30', '19:40']) {
      dayRecords.push({
        kind: 'tableware_disinfection',
        time: at(day, time),
        items: ['餐盘', '碗', '筷子', '汤勺'],
        count: random.int(80, 600),
        method: tableware.method,
        temperatureC: tableware.temperatureC,
        durationSeconds: tableware.durationSeconds,
        operator: staff.find((s) => s.role === 'cleaner' || s.role === 'helper')?.name ?? checker,
      });
    }
    for (const record of dayRecords) if (recordTime(record) <= nowMs) out.push(record);
  });
  return out;
}

function recordTime(record: LedgerRecord): number {
  switch (record.kind) {
    case 'morning_check':
    case 'tableware_disinfection':
      return Date.parse(record.time);
    case 'sample_retention':
      return Date.parse(record.sampledAt);
    case 'air_disinfection':
      return Date.parse(record.end);
    case 'accompanying_meal':
      return Date.parse(`${record.date}T12:30:00+08:00`);
    case 'purchase_inspection':
      return Date.parse(`${record.purchaseDate}T06:30:00+08:00`);
  }
}
