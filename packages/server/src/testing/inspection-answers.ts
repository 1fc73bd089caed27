/** A valid inspection body for tests: every national item answered, the ones named failed or not applicable. */
import { type InspectionRecordInput, localDay, NATIONAL_CHECKLIST } from '@brightkitchen/sdk';

export interface InspectionBodyOptions {
  readonly date?: string;
  readonly failing?: readonly string[];
  readonly notApplicable?: readonly string[];
  /** The manager's signature (a ref in the venue's store); declines to sign when absent. */
  readonly managerSignature?: string;
}

export function inspectionBody(signatureRef: string, options: InspectionBodyOptions = {}): InspectionRecordInput {
  const failing = new Set(options.failing ?? []);
  const notApplicable = new Set(options.notApplicable ?? []);
  return {
    date: options.date ?? localDay(Date.now(), 'Asia/Shanghai'),
    type: 'routine',
    answers: NATIONAL_CHECKLIST.map((item) => ({
      code: item.code,
      result: failing.has(item.code) ? 'nonconform' : notApplicable.has(item.code) ? 'not_applicable' : 'conform',
      ...(failing.has(item.code) ? { remark: `${item.title.zh}：现场不符合` } : {}),
    })),
    inspectorSignature: signatureRef,
    countersign: options.managerSignature
      ? { kind: 'signed', name: '王经理', signature: options.managerSignature }
      : { kind: 'declined', reason: '负责人不在现场' },
  };
}

/** A drawn signature as the phone uploads it: PNG magic bytes, then `seed` (different seeds, different refs). */
export function signaturePng(seed: string): { contentType: 'image/png'; dataBase64: string } {
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { contentType: 'image/png', dataBase64: Buffer.concat([magic, Buffer.from(seed)]).toString('base64') };
}
