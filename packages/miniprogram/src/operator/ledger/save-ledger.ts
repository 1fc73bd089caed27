/**
 * Saving a ledger record with its photos to the outbox: each photo first (`attachPhoto`; the outbox keeps the order,
 * so the server has the photo before the record that names it), then the record carrying the references answered.
 * When a photo cannot be kept (the phone's storage is full) the record is not queued either; the outcome says so.
 */
import type { LedgerRecord, LedgersClient, QueuedWrite } from '@brightkitchen/sdk';
import { isPhotoValue } from '../../ledger-form/photo-value';
import type { FieldSpec } from '../../ledger-form/specs';
import type { FormValues } from '../../ledger-form/values';

export type SaveOutcome =
  | { readonly saved: true; readonly photos: readonly QueuedWrite[]; readonly record: QueuedWrite }
  /** What the phone could not keep, and why (as the platform said it); nothing after it was queued. */
  | { readonly saved: false; readonly failed: 'photo' | 'record'; readonly reason: string };

export async function saveLedger(
  ledgers: Pick<LedgersClient, 'attachPhoto' | 'submit'>,
  venueId: string,
  record: Record<string, unknown>,
  fields: readonly FieldSpec[],
  values: FormValues,
): Promise<SaveOutcome> {
  const withRefs: Record<string, unknown> = { ...record };
  const photos: QueuedWrite[] = [];
  for (const field of fields) {
    const value = values[field.path];
    if (field.type !== 'photo' || !isPhotoValue(value)) continue;
    try {
      const { ref, queued } = await ledgers.attachPhoto(venueId, {
        contentType: value.contentType,
        dataBase64: value.dataBase64,
      });
      withRefs[field.path] = ref; // photo fields are top-level record fields
      photos.push(queued);
    } catch (error) {
      return { saved: false, failed: 'photo', reason: reason(error) };
    }
  }
  try {
    return { saved: true, photos, record: await ledgers.submit(venueId, withRefs as LedgerRecord) };
  } catch (error) {
    return { saved: false, failed: 'record', reason: reason(error) };
  }
}

function reason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof message === 'string') return message;
  }
  return String(error);
}
