/**
 * Saving an inspection to the regulator's outbox: every image first — each item's photos, the inspector's
 * signature, the manager's — with `attachPhoto` (the outbox keeps the order, so the server holds each image before
 * the record that names it), then the record carrying the refs. Offline it all waits on the phone; the outbox's
 * idempotency key makes it one inspection however often it is retried.
 */
import type {
  Countersign,
  InspectionAnswer,
  InspectionRecordInput,
  InspectionResult,
  InspectionsClient,
  LedgersClient,
  QueuedWrite,
} from '@brightkitchen/sdk';
import type { PickedPhoto } from '../lib/photos';

export interface DraftAnswer {
  readonly result: InspectionResult;
  readonly remark?: string;
  readonly photos?: readonly PickedPhoto[];
}

export type DraftCountersign =
  | { readonly kind: 'signed'; readonly name: string; readonly signaturePng: string }
  | { readonly kind: 'declined'; readonly reason: string };

export interface InspectionDraft {
  readonly date: string;
  readonly answers: ReadonlyMap<string, DraftAnswer>;
  readonly inspectorSignaturePng: string;
  readonly countersign: DraftCountersign;
  readonly remark?: string;
}

export interface SavedInspection {
  readonly images: readonly QueuedWrite[];
  readonly record: QueuedWrite;
  readonly input: InspectionRecordInput;
}

export async function saveInspection(
  client: { ledgers: Pick<LedgersClient, 'attachPhoto'>; inspections: Pick<InspectionsClient, 'record'> },
  venueId: string,
  draft: InspectionDraft,
): Promise<SavedInspection> {
  const images: QueuedWrite[] = [];
  const attach = async (contentType: PickedPhoto['contentType'], dataBase64: string) => {
    const { ref, queued } = await client.ledgers.attachPhoto(venueId, { contentType, dataBase64 });
    images.push(queued);
    return ref;
  };
  const answers: InspectionAnswer[] = [];
  for (const [code, answer] of draft.answers) {
    const photos: string[] = [];
    for (const p of answer.photos ?? []) photos.push(await attach(p.contentType, p.dataBase64));
    const remark = answer.remark?.trim();
    answers.push({
      code,
      result: answer.result,
      ...(remark ? { remark } : {}),
      ...(photos.length > 0 ? { photos } : {}),
    });
  }
  const inspectorSignature = await attach('image/png', draft.inspectorSignaturePng);
  const c = draft.countersign;
  const countersign: Countersign =
    c.kind === 'signed'
      ? { kind: 'signed', name: c.name.trim(), signature: await attach('image/png', c.signaturePng) }
      : { kind: 'declined', reason: c.reason.trim() };
  const remark = draft.remark?.trim();
  const input: InspectionRecordInput = {
    date: draft.date,
    type: 'routine',
    answers,
    inspectorSignature,
    countersign,
    ...(remark ? { remark } : {}),
  };
  const record = await client.inspections.record(venueId, input);
  return { images, record, input };
}

/** The score the answers give (Σ conforming scores ÷ items checked), as the grade rules count it; null when none checked. */
export function previewScore(
  items: readonly { code: string; score: number }[],
  answers: ReadonlyMap<string, DraftAnswer>,
): number | null {
  let total = 0;
  let checked = 0;
  for (const item of items) {
    const a = answers.get(item.code);
    if (!a || a.result === 'not_applicable') continue;
    checked += 1;
    if (a.result === 'conform') total += item.score;
  }
  return checked === 0 ? null : Math.round((total / checked) * 100) / 100;
}
