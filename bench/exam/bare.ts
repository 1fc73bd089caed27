/**
 * The reference: bare Fastify answering the exam's three routes with what they answer (a 50-question paper
 * without keys, a saved answer, a submission), no auth, no storage; run in its own process like the platform.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const paper = Array.from({ length: 50 }, (_, i) => ({
  id: `q${i}`,
  kind: i % 3 === 0 ? 'true_false' : i % 3 === 1 ? 'single' : 'multiple',
  stem: '留样食品应冷藏保存至少多长时间？这是一道用于压测的题目，长度与题库相近。',
  topic: 'sample_retention',
  ...(i % 3 === 0
    ? {}
    : {
        options: [
          { id: 'A', text: '12 小时' },
          { id: 'B', text: '24 小时' },
          { id: 'C', text: '48 小时' },
          { id: 'D', text: '7 天' },
        ],
      }),
}));
const answered = new Map<string, number>();

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.post('/v1/training/exams/:examId/attempts', async (_request, reply) => {
  const id = randomUUID();
  reply.status(201);
  return { id, state: 'open', deadline: new Date(Date.now() + 3600_000).toISOString(), paper, answers: {} };
});
app.put<{ Params: { attemptId: string; questionId: string } }>(
  '/v1/training/attempts/:attemptId/answers/:questionId',
  async (request) => {
    const n = (answered.get(request.params.attemptId) ?? 0) + 1;
    answered.set(request.params.attemptId, n);
    return { questionId: request.params.questionId, savedAt: new Date().toISOString(), answered: n };
  },
);
app.post<{ Params: { attemptId: string } }>('/v1/training/attempts/:attemptId/submit', async (request) => ({
  id: request.params.attemptId,
  state: 'submitted',
  result: { score: 100, passed: true, correct: 50, total: 50 },
}));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
