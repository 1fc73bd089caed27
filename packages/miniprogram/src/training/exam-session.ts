/**
 * An exam as the phone takes it on a weak network. Each answer is kept on the phone first (storage, so a restart
 * loses nothing) and sent on its own; what could not be sent is sent again when the network is back, and with the
 * submission at the end. The attempt (its paper, without keys) is kept too, so the exam goes on offline after a
 * restart. The countdown follows the server's clock (`deadline − serverNow`), whatever the phone's clock says.
 */
import { type ApiErrorCode, isBrightKitchenError } from '@brightkitchen/sdk';
import type { Attempt, ExamAnswer, TrainingClient } from '@brightkitchen/sdk/training';

/** What the session needs of storage (Taro storage in the app, a Map in tests). */
export interface SessionStorage {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export type SyncState = 'saved' | 'saving' | 'offline';

export interface ExamSnapshot {
  readonly attempt: Attempt;
  /** The answers as the learner gave them (sent or not). */
  readonly answers: Readonly<Record<string, ExamAnswer>>;
  /** Answers not yet confirmed by the server. */
  readonly pending: number;
  readonly sync: SyncState;
  /** Milliseconds left by the server's clock (0 once the time is up). */
  readonly remainingMs: number;
  /** A refusal to show (time up, closed), as the server said it. */
  readonly refusal?: ApiErrorCode;
}

interface Stored {
  attempt: Attempt;
  /** Phone time minus server time when the attempt was read. */
  skewMs: number;
  pending: Record<string, ExamAnswer>;
}

const key = (attemptId: string) => `bk-training:attempt:${attemptId}`;
const openKey = (examId: string) => `bk-training:open:${examId}`;

function code(error: unknown): ApiErrorCode | undefined {
  return isBrightKitchenError(error, 'ApiError') ? (error.code as ApiErrorCode) : undefined;
}

/** True for a failure to reach the server (try again later), not a refusal. */
function unreachable(error: unknown): boolean {
  return isBrightKitchenError(error, 'NetworkError');
}

export class ExamSession {
  private stored: Stored;
  private sending = false;
  private sync: SyncState = 'saved';
  private refusal: ApiErrorCode | undefined;
  private readonly listeners = new Set<(s: ExamSnapshot) => void>();

  private constructor(
    private readonly client: TrainingClient,
    private readonly storage: SessionStorage,
    stored: Stored,
    private readonly now: () => number,
  ) {
    this.stored = stored;
  }

  /**
   * Starts the exam, or resumes the attempt under way: from the server when it answers (merged with the answers
   * the phone still holds), else from what the phone kept.
   */
  static async open(
    client: TrainingClient,
    storage: SessionStorage,
    examId: string,
    now: () => number = Date.now,
  ): Promise<ExamSession> {
    const keptId = await storage.get(openKey(examId));
    const kept = keptId ? await readStored(storage, keptId) : null;
    let attempt: Attempt;
    try {
      attempt = kept ? await client.attempt(kept.attempt.id) : await client.startExam(examId);
      // The kept attempt was closed meanwhile (submitted elsewhere, time up): a new one if the learner may.
      if (attempt.state !== 'open' && kept) attempt = await client.startExam(examId);
    } catch (error) {
      if (kept && unreachable(error)) return new ExamSession(client, storage, kept, now);
      throw error;
    }
    const stored: Stored = {
      attempt,
      skewMs: now() - Date.parse(attempt.serverNow),
      pending: kept?.attempt.id === attempt.id ? kept.pending : {},
    };
    const session = new ExamSession(client, storage, stored, now);
    await storage.set(openKey(examId), attempt.id);
    await session.persist();
    void session.flush();
    return session;
  }

  get attempt(): Attempt {
    return this.stored.attempt;
  }

  snapshot(): ExamSnapshot {
    const { attempt, pending, skewMs } = this.stored;
    const pendingCount = Object.keys(pending).length;
    const remainingMs = Math.max(0, Date.parse(attempt.deadline) - (this.now() - skewMs));
    return {
      attempt,
      answers: { ...attempt.answers, ...pending },
      pending: pendingCount,
      sync: pendingCount === 0 ? 'saved' : this.sync,
      remainingMs,
      ...(this.refusal ? { refusal: this.refusal } : {}),
    };
  }

  /** Follows the session (answers, sync state, the result); answers the unsubscribe. */
  subscribe(listener: (s: ExamSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Keeps the answer on the phone at once, then sends it. */
  async answer(questionId: string, answer: ExamAnswer): Promise<void> {
    if (this.stored.attempt.state !== 'open') return;
    this.stored.pending = { ...this.stored.pending, [questionId]: answer };
    await this.persist();
    this.emit();
    await this.flush();
  }

  /** Sends the answers not yet confirmed, one by one (after a reconnect, a restart). */
  async flush(): Promise<void> {
    if (this.sending || this.stored.attempt.state !== 'open') return;
    this.sending = true;
    try {
      for (;;) {
        const [next] = Object.entries(this.stored.pending);
        if (!next) break;
        const [questionId, answer] = next;
        this.sync = 'saving';
        this.emit();
        let accepted = true;
        try {
          await this.client.saveAnswer(this.stored.attempt.id, questionId, answer);
        } catch (error) {
          if (!isBrightKitchenError(error, 'ApiError')) {
            this.sync = 'offline';
            this.emit();
            return;
          }
          this.refusal = code(error);
          if (this.refusal === 'TRAINING_TIME_UP' || this.refusal === 'TRAINING_ATTEMPT_CLOSED') {
            await this.reload();
            return;
          }
          // Refused for itself (an answer the server will not take): it cannot be sent, and is dropped.
          accepted = false;
        }
        if (this.stored.pending[questionId] === answer) {
          const { [questionId]: _sent, ...rest } = this.stored.pending;
          this.stored.pending = rest;
          if (accepted) {
            const answers = { ...this.stored.attempt.answers, [questionId]: answer };
            this.stored.attempt = { ...this.stored.attempt, answers };
          }
          await this.persist();
        }
      }
      this.sync = 'saved';
      this.emit();
    } finally {
      this.sending = false;
    }
  }

  /**
   * Submits with every answer the server has not confirmed. A submission whose answer was lost on the way is found
   * submitted on the retry (TRAINING_ATTEMPT_CLOSED): the attempt is read again and shows its result.
   */
  async submit(): Promise<Attempt> {
    const { id } = this.stored.attempt;
    let attempt: Attempt;
    try {
      attempt = await this.client.submit(id, this.stored.pending);
    } catch (error) {
      const refused = code(error);
      if (refused !== 'TRAINING_ATTEMPT_CLOSED' && refused !== 'TRAINING_TIME_UP') throw error;
      this.refusal = refused;
      attempt = await this.client.attempt(id);
    }
    this.stored = { ...this.stored, attempt, pending: {} };
    await this.storage.remove(openKey(attempt.examId));
    await this.storage.remove(key(id));
    this.emit();
    return attempt;
  }

  private async reload(): Promise<void> {
    try {
      const attempt = await this.client.attempt(this.stored.attempt.id);
      this.stored = { ...this.stored, attempt, pending: attempt.state === 'open' ? this.stored.pending : {} };
      if (attempt.state !== 'open') {
        await this.storage.remove(openKey(attempt.examId));
        await this.storage.remove(key(attempt.id));
      } else await this.persist();
    } finally {
      this.emit();
    }
  }

  private async persist(): Promise<void> {
    await this.storage.set(key(this.stored.attempt.id), JSON.stringify(this.stored));
  }

  private emit(): void {
    const snap = this.snapshot();
    for (const listener of this.listeners) listener(snap);
  }
}

async function readStored(storage: SessionStorage, attemptId: string): Promise<Stored | null> {
  const text = await storage.get(key(attemptId));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Stored;
    return value?.attempt?.id === attemptId && typeof value.pending === 'object' ? value : null;
  } catch {
    return null;
  }
}
