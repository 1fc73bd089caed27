/**
 * 2,000 learners at once, each as a phone takes the exam: start (the paper), then each answer saved on its own
 * after a moment's thought, then the submission. Latencies of each kind of request; what was sent, to check that
 * no answer was lost.
 */
import http from 'node:http';

export interface LoadOptions {
  readonly base: string;
  readonly tokens: readonly string[];
  readonly examId: string;
  /** Mean think time between two answers (uniform from 0 to twice this). */
  readonly thinkMs: number;
  /** Learners start within this window ("at once", without all hitting the same millisecond). */
  readonly rampMs: number;
}

export interface LoadResult {
  readonly start: number[];
  readonly save: number[];
  readonly submit: number[];
  readonly failures: string[];
  readonly seconds: number;
  /** attempt id → question id → answer sent. */
  readonly sent: Map<string, Map<string, unknown>>;
  /** Scored totals answered by the submission: every paper must have 50. */
  readonly totals: number[];
}

interface PaperQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  options?: { id: string }[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function call(base: string, method: string, path: string, token: string, body?: unknown) {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; body: unknown; ms: number }>((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, ms });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function answerFor(q: PaperQuestion, i: number): unknown {
  if (q.kind === 'true_false') return i % 2 === 0;
  const ids = (q.options ?? []).map((o) => o.id);
  return q.kind === 'single' ? ids[i % ids.length] : ids.slice(0, 2);
}

export async function runLearners(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    start: [],
    save: [],
    submit: [],
    failures: [],
    seconds: 0,
    sent: new Map(),
    totals: [],
  };
  const t0 = performance.now();
  await Promise.all(
    options.tokens.map(async (token, n) => {
      await sleep(Math.random() * options.rampMs);
      const started = await call(options.base, 'POST', `/v1/training/exams/${options.examId}/attempts`, token);
      if (started.status !== 201 && started.status !== 200) {
        result.failures.push(`start ${started.status}`);
        return;
      }
      result.start.push(started.ms);
      const attempt = started.body as { id: string; paper: PaperQuestion[] };
      const sent = new Map<string, unknown>();
      result.sent.set(attempt.id, sent);
      for (const [i, q] of attempt.paper.entries()) {
        await sleep(Math.random() * 2 * options.thinkMs);
        const answer = answerFor(q, i + n);
        const saved = await call(options.base, 'PUT', `/v1/training/attempts/${attempt.id}/answers/${q.id}`, token, {
          answer,
        });
        if (saved.status !== 200)
          result.failures.push(`save ${saved.status} ${JSON.stringify(saved.body).slice(0, 80)}`);
        else {
          result.save.push(saved.ms);
          sent.set(q.id, answer);
        }
      }
      await sleep(Math.random() * 2 * options.thinkMs);
      const submitted = await call(options.base, 'POST', `/v1/training/attempts/${attempt.id}/submit`, token, {});
      if (submitted.status !== 200) result.failures.push(`submit ${submitted.status}`);
      else {
        result.submit.push(submitted.ms);
        result.totals.push((submitted.body as { result?: { total?: number } }).result?.total ?? -1);
      }
    }),
  );
  (result as { seconds: number }).seconds = (performance.now() - t0) / 1000;
  return result;
}

/** The p-th percentile (0–100) of a list of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
