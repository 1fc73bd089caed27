/**
 * Labels of ledger record fields in zh-CN and en, keyed by field path without array indexes
 * (`supplier.licenceNo`). Forms and rule messages share them.
 */
import type { LocalizedText } from './text.js';

/**
 * Display names of ledger fields in zh-CN and en, by path.
 * @example ledgerFieldLabel('supplier.licenceNo') // { zh: '…', en: '…' }
 */
export const LEDGER_FIELD_LABELS: Readonly<Record<string, LocalizedText>> = {
  kind: { zh: '台账类型', en: 'ledger kind' },
  venueId: { zh: '单位', en: 'venue' },
  recordedAt: { zh: '记录时间', en: 'recorded at' },
  clientId: { zh: '客户端编号', en: 'client id' },
  corrects: { zh: '更正', en: 'correction' },
  'corrects.recordId': { zh: '被更正的记录', en: 'record corrected' },
  'corrects.reason': { zh: '更正原因', en: 'reason for the correction' },
  staffId: { zh: '从业人员', en: 'staff member' },
  staffName: { zh: '姓名', en: 'name' },
  time: { zh: '时间', en: 'time' },
  temperatureC: { zh: '温度', en: 'temperature' },
  symptoms: { zh: '症状', en: 'symptoms' },
  handCheckOk: { zh: '手部检查', en: 'hand check' },
  uniformOk: { zh: '衣帽饰物', en: 'uniform, hat and jewellery' },
  checker: { zh: '晨检人', en: 'checker' },
  healthCertificateExpiresOn: { zh: '健康证有效期', en: 'health certificate expiry' },
  trainingCertificateExpiresOn: { zh: '培训合格证有效期', en: 'training certificate expiry' },
  productName: { zh: '产品名称', en: 'product name' },
  spec: { zh: '规格', en: 'specification' },
  quantity: { zh: '数量', en: 'quantity' },
  unit: { zh: '单位', en: 'unit' },
  productionDate: { zh: '生产日期', en: 'production date' },
  batch: { zh: '批号', en: 'batch' },
  shelfLifeDays: { zh: '保质期', en: 'shelf life' },
  purchaseDate: { zh: '进货日期', en: 'purchase date' },
  supplier: { zh: '供货者', en: 'supplier' },
  'supplier.name': { zh: '供货者名称', en: 'supplier name' },
  'supplier.address': { zh: '供货者地址', en: 'supplier address' },
  'supplier.contact': { zh: '供货者联系方式', en: 'supplier contact' },
  'supplier.licenceNo': { zh: '供货者许可证号', en: 'supplier licence number' },
  category: { zh: '品类', en: 'category' },
  certificateNo: { zh: '检验检疫合格证明编号', en: 'inspection or quarantine certificate number' },
  certificateKind: { zh: '证明类型', en: 'certificate kind' },
  invoicePhotoRef: { zh: '票据凭证照片', en: 'invoice or voucher photo' },
  items: { zh: '餐饮具', en: 'items' },
  count: { zh: '数量', en: 'count' },
  method: { zh: '方式', en: 'method' },
  durationSeconds: { zh: '时长', en: 'duration' },
  chlorineMgPerL: { zh: '有效氯浓度', en: 'available chlorine' },
  rinsed: { zh: '清水冲洗', en: 'rinsed' },
  operator: { zh: '操作人', en: 'operator' },
  dishName: { zh: '菜品名称', en: 'dish name' },
  samplePhotoRef: { zh: '留样照片', en: 'sample photo' },
  meal: { zh: '餐次', en: 'meal' },
  weightGrams: { zh: '留样重量', en: 'sample weight' },
  sampledAt: { zh: '留样时间', en: 'sampled at' },
  storageUnit: { zh: '存放设备', en: 'storage unit' },
  storageTempC: { zh: '存放温度', en: 'storage temperature' },
  sealedSeparately: { zh: '分别密封', en: 'sealed separately' },
  person: { zh: '责任人', en: 'person' },
  disposedAt: { zh: '处理时间', en: 'disposed at' },
  room: { zh: '专间', en: 'room' },
  start: { zh: '开始时间', en: 'start' },
  end: { zh: '结束时间', en: 'end' },
  deviceId: { zh: '设备', en: 'device' },
  roomEmptyConfirmed: { zh: '确认无人', en: 'room empty confirmed' },
  roomTempC: { zh: '室温', en: 'room temperature' },
  date: { zh: '日期', en: 'date' },
  role: { zh: '职务', en: 'role' },
  remarks: { zh: '意见建议', en: 'remarks' },
};

/** The label of a field path (`symptoms.2` → 症状); the path itself when none is known. */
export function ledgerFieldLabel(path: string): LocalizedText {
  const key = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  const label = Object.hasOwn(LEDGER_FIELD_LABELS, key) ? LEDGER_FIELD_LABELS[key] : undefined;
  return label ?? { zh: path === '' ? '记录' : path, en: path === '' ? 'record' : path };
}
