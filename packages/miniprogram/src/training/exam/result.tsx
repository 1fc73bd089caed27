/** A closed attempt: the score, pass or not (and why), the certificate a pass led to, and the review. */
import { type Attempt, type ExamAnswer, formatCertificateCode } from '@brightkitchen/sdk/training';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { CertificateQr } from '../certificate-qr';
import { KIND_TEXT } from '../client';

function answerText(answer: ExamAnswer | undefined): string {
  if (answer === undefined) return '未作答';
  if (typeof answer === 'boolean') return answer ? '正确' : '错误';
  return Array.isArray(answer) ? answer.join('') || '未作答' : answer;
}

export function AttemptResult({ attempt }: { attempt: Attempt }) {
  // The result replaces the question the learner scrolled down to: show it from its top.
  useEffect(() => {
    (Taro as unknown as { pageScrollTo?: (o: object) => unknown }).pageScrollTo?.({ scrollTop: 0, duration: 0 });
  }, []);
  const result = attempt.result;
  const byId = new Map(attempt.paper.map((q) => [q.id, q]));
  const wrong = (attempt.review ?? []).filter((r) => !r.correct);
  return (
    <View className="page">
      <View className={`card ${result?.passed ? '' : 'card-warn'}`} data-testid="exam-result">
        <Text className="card-title">{attempt.examTitle}</Text>
        {result ? (
          <>
            <Text className={result.passed ? 'verify-valid' : 'verify-invalid'}>
              {`${result.score} 分 · ${result.passed ? '合格' : '不合格'}`}
            </Text>
            <Text>{`答对 ${result.correct}/${result.total} 题（${attempt.passScore} 分合格）`}</Text>
            {result.reason === 'time_up' ? (
              <Text className="field-message">考试时间已到，未在规定时间内交卷</Text>
            ) : null}
          </>
        ) : (
          <Text>成绩计算中</Text>
        )}
      </View>
      {attempt.certificate ? (
        <View className="card">
          <Text className="card-title">培训合格证</Text>
          <Text className="certificate-code" data-testid="certificate-code">
            {formatCertificateCode(attempt.certificate.code)}
          </Text>
          <CertificateQr code={attempt.certificate.code} />
          <Text className="muted">{`有效期至 ${attempt.certificate.expiresOn}，可凭验证码在“证书核验”中查验`}</Text>
          <Button className="btn" onClick={() => Taro.navigateTo({ url: '/training/certificates/index' })}>
            我的证书
          </Button>
        </View>
      ) : null}
      <View className="card">
        <Text className="card-title">{wrong.length ? `错题解析（${wrong.length} 题）` : '全部答对'}</Text>
        {wrong.map((item) => {
          const q = byId.get(item.questionId);
          return (
            <View key={item.questionId} className="review-item" data-review-id={item.questionId}>
              <Text className="muted">{q ? KIND_TEXT[q.kind] : ''}</Text>
              <Text className="question-stem">{q?.stem ?? ''}</Text>
              {(q?.options ?? []).map((o) => (
                <Text key={o.id} className="lesson-item">{`${o.id}. ${o.text}`}</Text>
              ))}
              <Text className="review-wrong">{`你的答案：${answerText(item.given)}`}</Text>
              <Text className="review-right">{`正确答案：${answerText(item.answer)}`}</Text>
              {item.explanation ? <Text>{`解析：${item.explanation}`}</Text> : null}
            </View>
          );
        })}
      </View>
      <Button className="btn" onClick={() => Taro.redirectTo({ url: '/training/courses/index' })}>
        返回培训
      </Button>
    </View>
  );
}
