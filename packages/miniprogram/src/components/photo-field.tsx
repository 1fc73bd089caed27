/**
 * A ledger form's photo input: one photo, taken or chosen, held to the ledger photo limit (compressed harder when
 * needed, refused in words when still too large), shown as a thumbnail that can be retaken or removed.
 */
import { ledgerPhotoRef } from '@brightkitchen/sdk';
import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isPhotoValue } from '../ledger-form/photo-value';
import type { FormValue } from '../ledger-form/values';
import { LEDGER_PHOTO_LIMITS, pickPhotos } from '../lib/photos';
import { Notice } from './states';

export const PHOTO_TOO_LARGE_TEXT = '照片过大，请重拍或靠近拍摄';

interface Props {
  readonly label: string;
  readonly value: FormValue | undefined;
  readonly onChange: (value: FormValue) => void;
}

export function PhotoInput({ label, value, onChange }: Props) {
  const [message, setMessage] = useState('');
  const [picking, setPicking] = useState(false);
  const photo = isPhotoValue(value) ? value : null;
  // A correction keeps the photo of the record it corrects (its stored reference) unless retaken.
  const kept = typeof value === 'string' && value.startsWith('sha256:');

  async function pick() {
    setPicking(true);
    try {
      const picked = await pickPhotos(0, LEDGER_PHOTO_LIMITS);
      const chosen = picked.photos[0];
      if (chosen) {
        onChange({ ...chosen, ref: ledgerPhotoRef(chosen.dataBase64) });
        setMessage('');
      } else if (picked.tooLarge > 0) setMessage(PHOTO_TOO_LARGE_TEXT);
    } catch {
      // Cancelled by the person: nothing to say.
    } finally {
      setPicking(false);
    }
  }

  return (
    <View className="photo-field">
      {photo ? <Image className="photo" src={photo.preview} mode="aspectFill" aria-label={`${label}预览`} /> : null}
      {kept ? <Text className="muted">沿用原记录的照片</Text> : null}
      <Notice text={message} />
      <View className="actions">
        <Button className="btn" disabled={picking} onClick={pick}>
          {photo || kept ? '重拍' : '拍照/选择照片'}
        </Button>
        {photo || kept ? (
          <Button className="btn btn-warn" onClick={() => onChange('')}>
            删除照片
          </Button>
        ) : null}
      </View>
    </View>
  );
}
