/** Scoring a paper against its key: the score, the tally per topic and the review. */
import type { AttemptResult, ReviewItem, TopicTally } from './exam.js';
import { answerKey, type ExamAnswer, isAnswerCorrect, type Question } from './question.js';

/**
 * The score in percent (right answers ÷ questions) and whether it reaches the pass score.
 * @example scoreExam({ questions, passScore: 80 }, { q1: 'B' }) // { score: 50, passed: false }
 */
export function scoreExam(
  exam: { readonly questions: readonly Question[]; readonly passScore: number },
  answers: Readonly<Record<string, ExamAnswer>>,
): { score: number; passed: boolean } {
  const right = exam.questions.filter((question) => isAnswerCorrect(question, answers[question.id])).length;
  const score = exam.questions.length === 0 ? 0 : (right * 100) / exam.questions.length;
  return { score, passed: score >= exam.passScore };
}

/** The whole result of a paper: score, pass, tally per topic; `timeUp` scores it for the review but never passes. */
export function gradePaper(
  questions: readonly Question[],
  passScore: number,
  answers: Readonly<Record<string, ExamAnswer>>,
  timeUp = false,
): AttemptResult {
  const byTopic: Record<string, { right: number; total: number }> = {};
  let correct = 0;
  for (const question of questions) {
    const tally = byTopic[question.topic] ?? { right: 0, total: 0 };
    const right = isAnswerCorrect(question, answers[question.id]);
    byTopic[question.topic] = { right: tally.right + (right ? 1 : 0), total: tally.total + 1 };
    if (right) correct += 1;
  }
  const total = questions.length;
  // Rounded to a tenth: 2 of 3 reads 66.7, and the pass test uses the same figure the learner sees.
  const score = total === 0 ? 0 : Math.round((correct * 1000) / total) / 10;
  return {
    score,
    passed: !timeUp && total > 0 && score >= passScore,
    correct,
    total,
    byTopic: byTopic as TopicTally,
    ...(timeUp ? { reason: 'time_up' as const } : {}),
  };
}

/** Each question with what was given, the key and the explanation: shown once the attempt is closed. */
export function reviewPaper(
  questions: readonly Question[],
  answers: Readonly<Record<string, ExamAnswer>>,
): ReviewItem[] {
  return questions.map((question) => {
    const given = answers[question.id];
    return {
      questionId: question.id,
      correct: isAnswerCorrect(question, given),
      ...(given === undefined ? {} : { given }),
      answer: answerKey(question),
      ...(question.explanation ? { explanation: question.explanation } : {}),
    };
  });
}
