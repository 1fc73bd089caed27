/** 培训考试: the learner's courses (with progress), exams (with attempts left, one under way) and certificates. */
import type { CoursePage, ExamPage } from '@brightkitchen/sdk/training';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useAsync } from '../../lib/use-async';
import { requireOperator } from '../../operator/require-login';
import { learnerTraining } from '../client';
import '../training.css';

async function load(): Promise<{ courses: CoursePage; exams: ExamPage } | null> {
  if (!(await requireOperator())) return null;
  const training = learnerTraining();
  const [courses, exams] = await Promise.all([training.courses(), training.exams()]);
  return { courses, exams };
}

export default function CoursesPage() {
  const { state, reload } = useAsync(load, 'training');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const { courses, exams } = state.data;
  return (
    <View className="page">
      <Text className="section-title">考试</Text>
      {exams.items.length === 0 ? <Empty text="暂无考试" /> : null}
      {exams.items.map((exam) => {
        const standing = exam.standing;
        const left = exam.attemptsAllowed - (standing?.attemptsUsed ?? 0);
        return (
          <View key={exam.id} className="card" data-exam-id={exam.id}>
            <Text className="card-title">{exam.title}</Text>
            <Text className="muted">{`${exam.questionCount} 题 · ${exam.durationMinutes} 分钟 · ${exam.passScore} 分合格`}</Text>
            {standing?.passed ? <Text className="success-text">已通过</Text> : null}
            {standing?.bestScore !== undefined ? <Text>{`最好成绩 ${standing.bestScore} 分`}</Text> : null}
            <Text className="muted">{`30 天内还可考 ${Math.max(0, left)} 次（共 ${exam.attemptsAllowed} 次）`}</Text>
            <Button
              className="btn btn-primary"
              disabled={!standing?.openAttemptId && left <= 0}
              onClick={() => Taro.navigateTo({ url: `/training/exam/index?id=${exam.id}` })}
            >
              {standing?.openAttemptId ? '继续考试' : '开始考试'}
            </Button>
          </View>
        );
      })}

      <Text className="section-title">课程</Text>
      {courses.items.length === 0 ? <Empty text="暂无适合您岗位的课程" /> : null}
      {courses.items.map((course) => {
        const done = course.progress?.completedLessons.length ?? 0;
        const total = course.lessons.length;
        return (
          <View
            key={course.id}
            className="card"
            data-course-id={course.id}
            onClick={() => Taro.navigateTo({ url: `/training/course/index?id=${course.id}` })}
          >
            <Text className="card-title">{course.title}</Text>
            <Text className="muted">{course.summary}</Text>
            <View className="progress-bar" aria-label={`已学 ${done}/${total} 课`}>
              <View className="progress-fill" style={{ width: `${total ? (done * 100) / total : 0}%` }} />
            </View>
            <Text className="muted">{done === total ? '已学完' : `已学 ${done}/${total} 课`}</Text>
          </View>
        );
      })}

      <View className="link-row" onClick={() => Taro.navigateTo({ url: '/training/certificates/index' })}>
        <Text className="link">我的培训合格证</Text>
      </View>
    </View>
  );
}
