import { describe, expect, it } from 'vitest';
import { paper, paperAnswers } from '../domain/__tests__/fixtures.js';
import { answerKey, answerMisfit, type ExamAnswer, isAnswerCorrect, toPaperQuestion } from './question.js';
import { gradePaper, reviewPaper } from './scoring.js';

const [single, multiple, trueFalse] = paper.questions as [never, never, never];

describe('questions', () => {
  it('sends the paper without the key or the explanation', () => {
    const shown = paper.questions.map(toPaperQuestion);
    const text = JSON.stringify(shown);
    expect(text).not.toMatch(/"answers?"|explanation/);
    expect(shown[0]).toEqual({
      id: 'q1',
      kind: 'single',
      stem: '留样至少保存多久？',
      topic: 'sample_retention',
      options: [
        { id: 'A', text: '24 小时' },
        { id: 'B', text: '48 小时' },
      ],
    });
  });

  it('tells an answer that cannot belong to the question', () => {
    expect(answerMisfit(single, 'B')).toBeNull();
    expect(answerMisfit(single, 'C')).toBe('option');
    expect(answerMisfit(single, true)).toBe('kind');
    expect(answerMisfit(multiple, ['A', 'C'])).toBeNull();
    expect(answerMisfit(multiple, ['A', 'A'])).toBe('repeated');
    expect(answerMisfit(multiple, ['A', 'D'])).toBe('option');
    expect(answerMisfit(trueFalse, false)).toBeNull();
    expect(answerMisfit(trueFalse, 'A')).toBe('kind');
  });

  it('needs exactly the right options of a multiple-choice question, in any order', () => {
    expect(isAnswerCorrect(multiple, ['B', 'A'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['A'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['A', 'B', 'C'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['A', 'A', 'B'])).toBe(false);
    expect(answerKey(multiple)).toEqual(['A', 'B']);
  });
});

describe('gradePaper', () => {
  it('scores in tenths of a percent, tallies each topic and passes at the pass score', () => {
    expect(gradePaper(paper.questions, 60, paperAnswers)).toEqual({
      score: 66.7,
      passed: true,
      correct: 2,
      total: 3,
      byTopic: {
        sample_retention: { right: 1, total: 1 },
        health_management: { right: 1, total: 1 },
        storage_temperature: { right: 0, total: 1 },
      },
    });
    expect(gradePaper(paper.questions, 70, paperAnswers).passed).toBe(false);
  });

  it('never passes a paper whose time ran out, and says so', () => {
    const answers: Record<string, ExamAnswer> = { q1: 'B', q2: ['A', 'B'], q3: true };
    expect(gradePaper(paper.questions, 60, answers, true)).toMatchObject({
      score: 100,
      passed: false,
      reason: 'time_up',
    });
  });

  it('reviews each question with what was given, the key and the explanation', () => {
    expect(reviewPaper(paper.questions, { q1: 'A' })[0]).toEqual({
      questionId: 'q1',
      correct: false,
      given: 'A',
      answer: 'B',
    });
    expect(reviewPaper(paper.questions, {})[2]).toEqual({ questionId: 'q3', correct: false, answer: true });
  });
});
