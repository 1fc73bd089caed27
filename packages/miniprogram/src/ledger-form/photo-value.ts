/**
 * A photo chosen in a ledger form: the picked image and its reference (`sha256:…`, the SDK's `ledgerPhotoRef`),
 * known before anything is sent, so the record as typed already names it and the rules see it there.
 */
import type { PickedPhoto } from '../lib/photos';

export interface PhotoValue extends PickedPhoto {
  readonly ref: string;
}

export function isPhotoValue(value: unknown): value is PhotoValue {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'ref' in value && 'dataBase64' in value
  );
}
