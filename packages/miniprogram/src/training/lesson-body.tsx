/** A lesson's text as the course library writes it: paragraphs, `## ` headings, `- ` list items; then its media. */
import type { Lesson } from '@brightkitchen/sdk/training';
import { Image, Text, Video, View } from '@tarojs/components';

export function LessonBody({ lesson }: { lesson: Lesson }) {
  const blocks = lesson.body.split(/\n\s*\n/);
  return (
    <View className="lesson-body">
      {blocks.map((block, i) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '');
        const key = `${lesson.id}-${i}`;
        if (lines.length === 1 && lines[0]?.startsWith('## ')) {
          return (
            <Text key={key} className="lesson-heading">
              {lines[0].slice(3)}
            </Text>
          );
        }
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <View key={key} className="lesson-list">
              {lines.map((l) => (
                <Text key={l} className="lesson-item">{`• ${l.slice(2)}`}</Text>
              ))}
            </View>
          );
        }
        return (
          <View key={key} className="lesson-block">
            {lines.map((l) =>
              l.startsWith('## ') ? (
                <Text key={l} className="lesson-heading">
                  {l.slice(3)}
                </Text>
              ) : l.startsWith('- ') ? (
                <Text key={l} className="lesson-item">{`• ${l.slice(2)}`}</Text>
              ) : (
                <Text key={l} className="lesson-paragraph">
                  {l}
                </Text>
              ),
            )}
          </View>
        );
      })}
      {(lesson.images ?? []).map((image) => (
        <View key={image.url} className="lesson-figure">
          <Image src={image.url} mode="widthFix" className="lesson-image" />
          {image.caption ? <Text className="muted">{image.caption}</Text> : null}
        </View>
      ))}
      {lesson.videoUrl ? <Video src={lesson.videoUrl} className="lesson-video" controls /> : null}
    </View>
  );
}
