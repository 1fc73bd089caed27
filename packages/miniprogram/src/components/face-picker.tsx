import type { Face } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';

export const FACE_TEXT: Readonly<Record<Face, { icon: string; label: string }>> = {
  satisfied: { icon: '😊', label: '满意' },
  neutral: { icon: '😐', label: '一般' },
  dissatisfied: { icon: '😞', label: '不满意' },
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
            aria-label={`${label}${FACE_TEXT[face].label}`}
            aria-pressed={value === face}
            onClick={() => onChange(face)}
          >
            <Text className="face-icon">{FACE_TEXT[face].icon}</Text>
            <Text className="face-label">{FACE_TEXT[face].label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
