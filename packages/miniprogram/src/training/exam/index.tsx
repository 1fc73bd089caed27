/**
 * Taking an exam: one question at a time, each answer kept on the phone and saved at once (again after a reconnect
 * or a restart), the server's countdown, then the submission, the score and the review with explanations.
 */
import type { Attempt, ExamAnswer, PaperQuestion } from '@brightkitchen/sdk/training';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ErrorState, Loading, Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { requireOperator } from '../../operator/require-login';
import { KIND_TEXT, learnerTraining, taroStorage } from '../client';
import { ExamSession, type ExamSnapshot } from '../exam-session';
import { AttemptResult } from './result';
import '../training.css';

type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'taking'; session: ExamSession; snap: ExamSnapshot }
  | { s: 'done'; attempt: Attempt };

function clock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function toggled(question: PaperQuestion, current: ExamAnswer | undefined, option: string): ExamAnswer {
  if (question.kind !== 'multiple') return option as ExamAnswer;
  const chosen = Array.isArray(current) ? current : [];
  const next = chosen.includes(option as never) ? chosen.filter((o) => o !== option) : [...chosen, option];
  return [...next].sort() as ExamAnswer;
}

function isChosen(answer: ExamAnswer | undefined, option: string | boolean): boolean {
  return Array.isArray(answer) ? answer.includes(option as never) : answer === option;
}

export default function ExamPage() {
  const { params } = useRouter();
  const examId = params.id ?? '';
  const [state, setState] = useState<State>({ s: 'loading' });
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submitted = useRef(false);

  async function open() {
    setState({ s: 'loading' });
    try {
      if (!(await requireOperator())) return;
      const session = await ExamSession.open(learnerTraining(), taroStorage, examId);
      if (session.attempt.state !== 'open') return setState({ s: 'done', attempt: session.attempt });
      setState({ s: 'taking', session, snap: session.snapshot() });
      session.subscribe((snap) =>
        setState(snap.attempt.state === 'open' ? { s: 'taking', session, snap } : { s: 'done', attempt: snap.attempt }),
      );
    } catch (error) {
      setState({ s: 'error', error });
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per exam.
  useEffect(() => {
    void open();
  }, [examId]);

  const session = state.s === 'taking' ? state.session : null;
  // The countdown, a retry of unsent answers every few seconds, and at once when the network comes back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per session; `submit` reads refs only.
  useEffect(() => {
    if (!session) return;
    const tick = setInterval(() => {
      const snap = session.snapshot();
      setState((s) => (s.s === 'taking' ? { ...s, snap } : s));
      if (snap.remainingMs <= 0 && !submitted.current) void submit(session);
    }, 1000);
    const retry = setInterval(() => void session.flush(), 5000);
    const online = ({ isConnected }: { isConnected: boolean }) => {
      if (isConnected) void session.flush();
    };
    Taro.onNetworkStatusChange(online);
    return () => {
      clearInterval(tick);
      clearInterval(retry);
      (Taro as unknown as { offNetworkStatusChange?: (cb: typeof online) => void }).offNetworkStatusChange?.(online);
    };
  }, [session]);

  async function submit(current: ExamSession) {
    if (submitted.current) return;
    submitted.current = true;
    setBusy(true);
    try {
      setState({ s: 'done', attempt: await current.submit() });
    } catch (error) {
      submitted.current = false;
      setMessage(`交卷未成功：${errorText(error).title}。答案已保存在手机上，请稍后再交。`);
    } finally {
      setBusy(false);
    }
  }

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={open} />;
  if (state.s === 'done') return <AttemptResult attempt={state.attempt} />;

  const { snap } = state;
  const paper = snap.attempt.paper;
  const question = paper[Math.min(index, paper.length - 1)] as PaperQuestion;
  const answer = snap.answers[question.id];
  const answered = paper.filter((q) => snap.answers[q.id] !== undefined).length;
  const low = snap.remainingMs < 5 * 60_000;
  const syncText =
    snap.sync === 'offline' ? `网络不通，${snap.pending} 题待同步` : snap.pending > 0 ? '保存中…' : '已保存';

  return (
    <View className="page">
      <View className="exam-status">
        <Text className={low ? 'exam-clock-low' : ''} aria-label="剩余时间">{`剩余 ${clock(snap.remainingMs)}`}</Text>
        <Text>{`已答 ${answered}/${paper.length}`}</Text>
        <Text data-testid="sync">{syncText}</Text>
      </View>
      <View className="card" data-question-id={question.id}>
        <Text className="muted">{`第 ${index + 1}/${paper.length} 题 · ${KIND_TEXT[question.kind]}`}</Text>
        <Text className="question-stem">{question.stem}</Text>
        {question.kind === 'true_false'
          ? [
              { value: true, text: '正确' },
              { value: false, text: '错误' },
            ].map((o) => (
              <View
                key={o.text}
                role="radio"
                aria-checked={answer === o.value}
                className={`option ${answer === o.value ? 'option-on' : ''}`}
                onClick={() => void session?.answer(question.id, o.value)}
              >
                {o.text}
              </View>
            ))
          : (question.options ?? []).map((o) => (
              <View
                key={o.id}
                role={question.kind === 'multiple' ? 'checkbox' : 'radio'}
                aria-checked={isChosen(answer, o.id)}
                className={`option ${isChosen(answer, o.id) ? 'option-on' : ''}`}
                onClick={() => void session?.answer(question.id, toggled(question, answer, o.id))}
              >
                <Text className="option-letter">{o.id}</Text>
                {/* Bare text: a tap on it lands on the option itself (WeChat binds the element around text). */}
                {o.text}
              </View>
            ))}
      </View>
      <View className="actions">
        <Button className="btn" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </Button>
        <Button className="btn" disabled={index >= paper.length - 1} onClick={() => setIndex(index + 1)}>
          下一题
        </Button>
      </View>
      <View className="card">
        <Text className="card-title">答题卡</Text>
        <View className="answer-grid">
          {paper.map((q, i) => (
            <View
              key={q.id}
              className={`answer-cell ${snap.answers[q.id] !== undefined ? 'answer-cell-done' : ''} ${i === index ? 'answer-cell-current' : ''}`}
              onClick={() => setIndex(i)}
            >
              <Text>{i + 1}</Text>
            </View>
          ))}
        </View>
      </View>
      <Notice text={message} />
      <Button
        className="btn btn-primary btn-large"
        loading={busy}
        disabled={busy}
        onClick={() => {
          const left = paper.length - answered;
          // Unanswered questions: a second tap confirms.
          if (left > 0 && !confirming) {
            setConfirming(true);
            setMessage(`还有 ${left} 题未答，确定交卷请再点一次“交卷”。`);
            return;
          }
          void submit(state.session);
        }}
      >
        交卷
      </Button>
    </View>
  );
}
