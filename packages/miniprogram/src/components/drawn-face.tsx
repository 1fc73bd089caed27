/**
 * Faces drawn with plain views (no image files, no emoji font needed): the grade a consumer recognises from the
 * restaurant door — 大笑脸, 笑脸, 平脸 — and the faces of a rating. A face carries its meaning as `aria-label`.
 */
import { GRADE_FACE_LABELS, type GradeFace } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';

/** The mouth: a big open smile, a smile, a straight line, a frown. */
export type Mouth = 'big' | 'smile' | 'flat' | 'frown';

export function DrawnFace({
  mouth,
  tone,
  label,
  size = 'large',
}: {
  readonly mouth: Mouth;
  readonly tone: 'good' | 'fair' | 'poor';
  /** What it says, for screen readers; without one the face is decoration (its button or text says it). */
  readonly label?: string;
  readonly size?: 'large' | 'small';
}) {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <View className={`drawn-face drawn-face-${size} drawn-face-${tone}`} {...a11y}>
      <View className="drawn-face-eye drawn-face-eye-left" />
      <View className="drawn-face-eye drawn-face-eye-right" />
      <View className={`drawn-face-mouth drawn-face-mouth-${mouth}`} />
    </View>
  );
}

const GRADE_DRAWING: Readonly<
  Record<Exclude<GradeFace, 'none'>, { mouth: Mouth; tone: 'good' | 'fair' | 'poor'; word: string }>
> = {
  excellent: { mouth: 'big', tone: 'good', word: '优秀' },
  good: { mouth: 'smile', tone: 'fair', word: '良好' },
  average: { mouth: 'flat', tone: 'poor', word: '一般' },
};

/** The venue's dynamic grade as its face and word (优秀 with 大笑脸 …), or that there is none yet. */
export function GradeBadge({ face, size = 'large' }: { readonly face: GradeFace; readonly size?: 'large' | 'small' }) {
  if (face === 'none') {
    return (
      <View className="grade-badge" data-testid="grade-face">
        <Text className="grade-word muted">暂无动态等级</Text>
      </View>
    );
  }
  const drawing = GRADE_DRAWING[face];
  return (
    <View className="grade-badge" data-testid="grade-face">
      <DrawnFace mouth={drawing.mouth} tone={drawing.tone} label={GRADE_FACE_LABELS[face].zh} size={size} />
      <Text className={`grade-word grade-word-${drawing.tone}`}>{drawing.word}</Text>
    </View>
  );
}
