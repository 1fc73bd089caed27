import type { Face } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import { PRESSABLE } from './a11y';
import { DrawnFace, type Mouth } from './drawn-face';

export const FACE_TEXT: Readonly<Record<Face, { mouth: Mouth; tone: 'good' | 'fair' | 'poor'; label: string }>> = {
  satisfied: { mouth: 'smile', tone: 'good', label: '满意' },
  neutral: { mouth: 'flat', tone: 'fair', label: '一般' },
  dissatisfied: { mouth: 'frown', tone: 'poor', label: '不满意' },
};

const ORDER: readonly Face[] = ['satisfied', 'neutral', 'dissatisfied'];

/** Three large faces for one rating aspect. */
export function FacePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: Face;
  onChange: (face: Face) => void;
}) {
  return (
    <View className="face-row">
      <Text className="face-row-label">{label}</Text>
      <View className="face-options">
        {ORDER.map((face) => (
          <View
            key={face}
            className={`face ${value === face ? 'face-on' : ''}`}
            {...PRESSABLE}
            aria-label={`${label}${FACE_TEXT[face].label}`}
            aria-pressed={value === face}
            onClick={() => onChange(face)}
          >
            <DrawnFace mouth={FACE_TEXT[face].mouth} tone={FACE_TEXT[face].tone} size="small" />
            <Text className="face-label">{FACE_TEXT[face].label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
