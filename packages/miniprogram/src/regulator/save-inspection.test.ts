import { type InspectionRecordInput, NATIONAL_CHECKLIST } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { planReasons } from './plan-reasons';
import { type DraftAnswer, previewScore, saveInspection } from './save-inspection';

const PNG = 'iVBORw0KGgo=';
const JPEG = '/9j/4AAQSkZJRgABAQ==';

function fakeClient() {
  const queue: { kind: string; body: unknown }[] = [];
  const queued = (kind: string) => ({
    id: String(queue.length),
    kind: kind as 'inspection',
    idempotencyKey: `k${queue.length}`,
    settled: new Promise<never>(() => {}),
  });
  return {
    queue,
    ledgers: {
      attachPhoto: async (_venueId: string, photo: { dataBase64: string }) => {
        queue.push({ kind: 'ledger-photo', body: photo });
        return { ref: `sha256:${photo.dataBase64}`, queued: queued('ledger-photo') };
      },
    },
    inspections: {
      record: async (_venueId: string, input: InspectionRecordInput) => {
        queue.push({ kind: 'inspection', body: input });
        return queued('inspection');
      },
    },
  };
}

describe('saving an inspection to the outbox', () => {
  it('queues every image before the record that names them, and the refusal to sign with its reason', async () => {
    const client = fakeClient();
    const answers = new Map<string, DraftAnswer>([
      ['1.1', { result: 'conform' }],
      [
        '3.4',
        {
          result: 'nonconform',
          remark: ' 生熟混放 ',
          photos: [{ contentType: 'image/jpeg', dataBase64: JPEG, preview: 'p' }],
        },
      ],
      ['8.3', { result: 'not_applicable', remark: '  ' }],
    ]);
    const saved = await saveInspection(client as never, 'v1', {
      date: '2026-12-05',
      answers,
      inspectorSignaturePng: PNG,
      countersign: { kind: 'declined', reason: ' 负责人不在现场 ' },
    });
    expect(client.queue.map((q) => q.kind)).toEqual(['ledger-photo', 'ledger-photo', 'inspection']);
    expect(saved.images).toHaveLength(2);
    expect(saved.input).toEqual({
      date: '2026-12-05',
      type: 'routine',
      answers: [
        { code: '1.1', result: 'conform' },
        { code: '3.4', result: 'nonconform', remark: '生熟混放', photos: [`sha256:${JPEG}`] },
        { code: '8.3', result: 'not_applicable' },
      ],
      inspectorSignature: `sha256:${PNG}`,
      countersign: { kind: 'declined', reason: '负责人不在现场' },
    });
  });

  it('uploads the manager’s signature when they sign', async () => {
    const client = fakeClient();
    const saved = await saveInspection(client as never, 'v1', {
      date: '2026-12-05',
      answers: new Map([['1.1', { result: 'conform' }]]),
      inspectorSignaturePng: PNG,
      countersign: { kind: 'signed', name: '王经理 ', signaturePng: 'AAAA' },
    });
    expect(saved.input.countersign).toEqual({ kind: 'signed', name: '王经理', signature: 'sha256:AAAA' });
    expect(client.queue.map((q) => q.kind)).toEqual(['ledger-photo', 'ledger-photo', 'inspection']);
  });
});

describe('the score shown while answering', () => {
  it('is Σ conforming scores ÷ items checked, not-applicable left out', () => {
    const answers = new Map<string, DraftAnswer>(
      NATIONAL_CHECKLIST.map((i) => [i.code, { result: i.code === '3.4' ? 'nonconform' : 'conform' }]),
    );
    expect(previewScore(NATIONAL_CHECKLIST, answers)).toBe(9.66);
    answers.set('8.3', { result: 'not_applicable' });
    expect(previewScore(NATIONAL_CHECKLIST, answers)).toBe(9.64);
    expect(previewScore(NATIONAL_CHECKLIST, new Map())).toBeNull();
  });
});

describe('why a venue is on the plan', () => {
  it('names the factors that raised its score most, largest first', () => {
    expect(
      planReasons([
        { code: 'last_score_gap', value: 3, contribution: 0.4 },
        { code: 'key_failures', value: 1, contribution: 1.2 },
        { code: 'other_failures', value: 0, contribution: 0 },
      ]),
    ).toEqual(['既往关键项不合格（3 年内，对数）', '上次检查失分（10 − 得分）']);
  });
});
