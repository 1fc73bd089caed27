/** A course: its lessons one after the other, each marked done by the learner. */
import type { Course } from '@brightkitchen/sdk/training';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, Loading, Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { useAsync } from '../../lib/use-async';
import { requireOperator } from '../../operator/require-login';
import { learnerTraining } from '../client';
import { LessonBody } from '../lesson-body';
import '../training.css';

export default function CoursePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { state, reload } = useAsync(async (): Promise<Course | null> => {
    if (!(await requireOperator())) return null;
    return learnerTraining().course(id);
  }, id);
  const [done, setDone] = useState<readonly string[] | null>(null);
  const [message, setMessage] = useState('');
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const course = state.data;
  const completed = done ?? course.progress?.completedLessons ?? [];

  async function complete(lessonId: string) {
    try {
      const progress = await learnerTraining().completeLesson(course.id, lessonId);
      setDone(progress.completedLessons);
      setMessage('');
    } catch (error) {
      setMessage(errorText(error).title);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{course.title}</Text>
        <Text className="muted">{course.summary}</Text>
        <Text>{`已学 ${completed.length}/${course.lessons.length} 课`}</Text>
      </View>
      {course.lessons.map((lesson, i) => {
        const finished = completed.includes(lesson.id);
        return (
          <View key={lesson.id} className="card" data-lesson-id={lesson.id}>
            <View className="row-between">
              <Text className="card-title">{`第 ${i + 1} 课 ${lesson.title}`}</Text>
              {lesson.minutes ? <Text className="muted">{`约 ${lesson.minutes} 分钟`}</Text> : null}
            </View>
            <LessonBody lesson={lesson} />
            {finished ? (
              <Text className="success-text">✓ 已学完</Text>
            ) : (
              <Button className="btn" onClick={() => complete(lesson.id)}>
                学完本课
              </Button>
            )}
          </View>
        );
      })}
      <Notice text={message} />
      {course.examId ? (
        <Button
          className="btn btn-primary btn-large"
          onClick={() => Taro.navigateTo({ url: `/training/exam/index?id=${course.examId}` })}
        >
          参加考核
        </Button>
      ) : null}
    </View>
  );
}
