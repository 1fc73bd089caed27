/**
 * Exams as learners take them. The server keeps the paper (with its key) and the clock: an attempt is drawn by the
 * exam's rules for the learner's role, answers are saved one by one (only to questions on the paper, only before
 * the deadline and its grace), the submission is scored here, and a pass issues the certificate in the same
 * transaction. A replayed submission, an answer after the deadline or after the submission are refused with a code
 * and change nothing.
 */
import { randomInt } from 'node:crypto';
import { fieldIssue, localDay } from '@brightkitchen/sdk';
import {
  type Attempt,
  type AttemptResult,
  answerMisfit,
  drawPaper,
  type Exam,
  type ExamAnswer,
  gradePaper,
  type Question,
  reviewPaper,
  type SavedAnswer,
  SUBMIT_GRACE_SECONDS,
  toPaperQuestion,
} from '@brightkitchen/sdk/training';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { type Database, type DB, newId, type TrainingAttemptsTable, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { writeAnswer } from './answer-store.js';
import { activeBank } from './bank.js';
import { issueCertificate } from './certificates.js';
import type { Learner } from './learner.js';
import { toAnswers, toExam, toPaper, toResult } from './store.js';

const DAY_MS = 86_400_000;
/** Attempts are counted over this window (a pass starts the count afresh). */
export const ATTEMPT_WINDOW_DAYS = 30;
const GRACE_MS = SUBMIT_GRACE_SECONDS * 1000;

/** What saving an answer needs of an attempt: fixed once drawn, so it is kept in memory (each instance its own). */
interface AttemptFacts {
  readonly userId: string;
  readonly deadlineMs: number;
  readonly questions: ReadonlyMap<string, Question>;
}

const FACTS_MAX = 20_000;
const factsOf = new WeakMap<Database, Map<string, AttemptFacts>>();

function factsCache(database: Database): Map<string, AttemptFacts> {
  let cache = factsOf.get(database);
  if (!cache) {
    cache = new Map();
    factsOf.set(database, cache);
  }
  return cache;
}

function remember(database: Database, id: string, facts: AttemptFacts): void {
  const cache = factsCache(database);
  if (cache.size >= FACTS_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(id, facts);
}

async function attemptFacts(database: Database, attemptId: string): Promise<AttemptFacts | null> {
  const cached = factsCache(database).get(attemptId);
  if (cached) return cached;
  const row = await database.db
    .selectFrom('training_attempts')
    .select(['id', 'user_id', 'deadline', 'paper'])
    .where('id', '=', attemptId)
    .executeTakeFirst();
  if (!row) return null;
  const facts = {
    userId: row.user_id,
    deadlineMs: Date.parse(row.deadline),
    questions: new Map(toPaper(row).map((q) => [q.id, q])),
  };
  remember(database, attemptId, facts);
  return facts;
}

/** The exam if the learner may take it (national, or of their venue's region or a parent's), else 404. */
export async function examForLearner(database: Database, examId: string, learner: Learner): Promise<Exam> {
  const row = await database.db
    .selectFrom('training_exams')
    .select(['id', 'data', 'region_id'])
    .where('id', '=', examId)
    .executeTakeFirst();
  if (!row || (row.region_id !== null && !learner.regions.includes(row.region_id))) throw new AppError('NOT_FOUND');
  return toExam(row);
}

export interface Standing {
  readonly used: number;
  /** The day an attempt frees up, when all are used. */
  readonly retryOn?: string;
  readonly lastPassAt?: string;
}

/** Attempts counted against the allowance: within 30 days, and after the last pass. */
export async function attemptsUsed(
  db: Kysely<DB>,
  staffId: string,
  exam: Pick<Exam, 'id' | 'attemptsAllowed'>,
  now: Date,
): Promise<Standing> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_DAYS * DAY_MS).toISOString();
  // One read: a person's attempts at one exam are a handful.
  const all = await db
    .selectFrom('training_attempts')
    .select(['started_at', 'submitted_at', 'passed'])
    .where('staff_id', '=', staffId)
    .where('exam_id', '=', exam.id)
    .execute();
  const passes = all.filter((a) => a.passed === 1 && a.submitted_at).map((a) => a.submitted_at as string);
  const lastPass = passes.length ? { at: passes.sort().at(-1) as string } : undefined;
  const from = lastPass?.at && lastPass.at > since ? lastPass.at : since;
  const rows = all.filter((a) => a.started_at > from).sort((a, b) => (a.started_at < b.started_at ? -1 : 1));
  const oldest = rows[0]?.started_at;
  return {
    used: rows.length,
    ...(rows.length >= exam.attemptsAllowed && oldest
      ? { retryOn: new Date(Date.parse(oldest) + ATTEMPT_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10) }
      : {}),
    ...(lastPass?.at ? { lastPassAt: lastPass.at } : {}),
  };
}

/** An attempt's row without its paper (read once into the facts cache). */
type AttemptRow = Omit<TrainingAttemptsTable, 'paper'>;

const ROW_COLUMNS = [
  'id',
  'exam_id',
  'user_id',
  'staff_id',
  'venue_id',
  'region_id',
  'state',
  'exam_title',
  'pass_score',
  'attempt_no',
  'attempts_allowed',
  'open_key',
  'started_at',
  'deadline',
  'submitted_at',
  'score_tenths',
  'passed',
  'result',
] as const;

/** Closes an open attempt whose time is over: scored on the answers saved in time, never passed. */
export async function closeIfTimeUp<R extends AttemptRow>(database: Database, row: R, now: Date): Promise<R> {
  if (row.state !== 'open' || now.getTime() <= Date.parse(row.deadline) + GRACE_MS) return row;
  const { db } = database;
  const facts = await attemptFacts(database, row.id);
  const answers = toAnswers(
    await db
      .selectFrom('training_answers')
      .select(['question_id', 'answer'])
      .where('attempt_id', '=', row.id)
      .execute(),
  );
  const result = gradePaper([...(facts?.questions.values() ?? [])], row.pass_score, answers, true);
  const closed = {
    state: 'expired',
    open_key: null,
    result: toJson(result),
    score_tenths: Math.round(result.score * 10),
    passed: 0,
  } as const;
  await db.updateTable('training_attempts').set(closed).where('id', '=', row.id).where('state', '=', 'open').execute();
  return { ...row, ...closed };
}

/** Starts an attempt, or answers the open one (resume). `created` tells which. */
export async function startAttempt(
  database: Database,
  learner: Learner,
  examId: string,
  now: Date,
): Promise<{ row: AttemptRow; created: boolean; paper?: Question[] }> {
  const exam = await examForLearner(database, examId, learner);
  const { db } = database;
  const openAttempt = () =>
    db
      .selectFrom('training_attempts')
      .select(ROW_COLUMNS)
      .where('exam_id', '=', exam.id)
      .where('staff_id', '=', learner.staffId)
      .where('open_key', '=', 'open')
      .executeTakeFirst();
  const open = await openAttempt();
  if (open) {
    const still = await closeIfTimeUp(database, open, now);
    if (still.state === 'open') return { row: still, created: false };
  }
  if (exam.state !== 'published') throw new AppError('TRAINING_EXAM_RETIRED');
  const standing = await attemptsUsed(db, learner.staffId, exam, now);
  if (standing.used >= exam.attemptsAllowed) {
    throw new AppError('TRAINING_ATTEMPTS_EXHAUSTED', {
      attemptsAllowed: exam.attemptsAllowed,
      used: standing.used,
      ...(standing.retryOn ? { retryOn: standing.retryOn } : {}),
    });
  }
  const bank = await activeBank(database, learner.regions);
  const paper = drawPaper(bank, exam.rules, learner.staffRole, () => randomInt(0, 2 ** 32) / 2 ** 32);
  const row: TrainingAttemptsTable = {
    id: newId('att'),
    exam_id: exam.id,
    user_id: learner.userId,
    staff_id: learner.staffId,
    venue_id: learner.venueId,
    region_id: learner.regionId,
    state: 'open',
    exam_title: exam.title,
    pass_score: exam.passScore,
    attempt_no: standing.used + 1,
    attempts_allowed: exam.attemptsAllowed,
    open_key: 'open',
    started_at: now.toISOString(),
    deadline: new Date(now.getTime() + exam.durationMinutes * 60_000).toISOString(),
    submitted_at: null,
    paper: toJson(paper),
    score_tenths: null,
    passed: null,
    result: null,
  };
  try {
    await db.insertInto('training_attempts').values(row).execute();
  } catch (error) {
    // Two starts at once (a double tap, a retried request): the unique open key lets one in; answer that one.
    const other = await openAttempt();
    if (other) return { row: other, created: false };
    throw error;
  }
  remember(database, row.id, {
    userId: row.user_id,
    deadlineMs: Date.parse(row.deadline),
    questions: new Map(paper.map((q) => [q.id, q])),
  });
  return { row, created: true, paper };
}

/** A new attempt as its learner sees it, without reading back what was just written. */
export function newAttemptView(row: AttemptRow, paper: readonly Question[], now: Date): Attempt {
  return {
    id: row.id,
    examId: row.exam_id,
    examTitle: row.exam_title,
    staffId: row.staff_id,
    venueId: row.venue_id,
    state: 'open',
    attemptNo: row.attempt_no,
    attemptsAllowed: row.attempts_allowed,
    passScore: row.pass_score,
    startedAt: row.started_at,
    deadline: row.deadline,
    serverNow: now.toISOString(),
    paper: paper.map(toPaperQuestion),
    answers: {},
  };
}

function answerIssue(question: Question, answer: unknown) {
  const misfit = answerMisfit(toPaperQuestion(question), answer);
  if (misfit === null) return null;
  return fieldIssue(
    misfit === 'kind' ? 'FIELD_TYPE' : 'FIELD_INVALID',
    'answer',
    {},
    {
      answer: { zh: '答案', en: 'answer' },
    },
  );
}

/** The attempt's facts for its own learner (anyone else: 404, as if it did not exist). */
async function ownFacts(database: Database, principal: Principal, attemptId: string): Promise<AttemptFacts> {
  const facts = await attemptFacts(database, attemptId);
  if (!facts || facts.userId !== principal.userId) throw new AppError('NOT_FOUND');
  return facts;
}

function checkAnswer(facts: AttemptFacts, questionId: string, answer: ExamAnswer, path = 'answer'): void {
  const question = facts.questions.get(questionId);
  if (!question) throw new AppError('TRAINING_QUESTION_NOT_ON_PAPER', { questionId: questionId.slice(0, 128) });
  const issue = answerIssue(question, answer);
  if (issue) throw new AppError('VALIDATION_FAILED', { issues: [{ ...issue, path }] });
}

/** Why an attempt no longer takes answers, read after a write found it closed. */
async function closedReason(database: Database, attemptId: string, now: Date, deadlineMs: number): Promise<never> {
  const row = await database.db
    .selectFrom('training_attempts')
    .select('state')
    .where('id', '=', attemptId)
    .executeTakeFirst();
  if (row?.state === 'submitted') throw new AppError('TRAINING_ATTEMPT_CLOSED');
  if (row?.state === 'expired' || now.getTime() > deadlineMs + GRACE_MS) throw new AppError('TRAINING_TIME_UP');
  throw new AppError('TRAINING_ATTEMPT_CLOSED');
}

/** Saves one answer (a later one to the same question replaces it). */
export async function saveAnswer(
  database: Database,
  principal: Principal,
  attemptId: string,
  questionId: string,
  answer: ExamAnswer,
  now: Date,
): Promise<SavedAnswer> {
  const facts = await ownFacts(database, principal, attemptId);
  if (now.getTime() > facts.deadlineMs + GRACE_MS) throw new AppError('TRAINING_TIME_UP');
  checkAnswer(facts, questionId, answer);
  const savedAt = now.toISOString();
  const written = await writeAnswer(database, { attemptId, questionId, answer: toJson(answer), savedAt });
  if (!written.stored) return closedReason(database, attemptId, now, facts.deadlineMs);
  return { questionId, savedAt, answered: written.answered };
}

/** Scores the attempt (with any answers sent along, saved first), closes it and issues a certificate on a pass. */
export async function submitAttempt(
  database: Database,
  principal: Principal,
  attemptId: string,
  extra: Readonly<Record<string, ExamAnswer>>,
  now: Date,
): Promise<void> {
  const facts = await ownFacts(database, principal, attemptId);
  if (now.getTime() > facts.deadlineMs + GRACE_MS) {
    const row = await database.db
      .selectFrom('training_attempts')
      .select('state')
      .where('id', '=', attemptId)
      .executeTakeFirst();
    throw new AppError(row?.state === 'submitted' ? 'TRAINING_ATTEMPT_CLOSED' : 'TRAINING_TIME_UP');
  }
  for (const [questionId, answer] of Object.entries(extra))
    checkAnswer(facts, questionId, answer, `answers.${questionId}`);
  const at = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('training_attempts')
      .select(ROW_COLUMNS)
      .where('id', '=', attemptId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    if (row.state !== 'open')
      throw new AppError(row.state === 'submitted' ? 'TRAINING_ATTEMPT_CLOSED' : 'TRAINING_TIME_UP');
    for (const [questionId, answer] of Object.entries(extra)) {
      await trx
        .insertInto('training_answers')
        .values({ attempt_id: attemptId, question_id: questionId, answer: toJson(answer), saved_at: at })
        .onConflict((oc) =>
          oc.columns(['attempt_id', 'question_id']).doUpdateSet({ answer: toJson(answer), saved_at: at }),
        )
        .execute();
    }
    const answers = toAnswers(
      await trx
        .selectFrom('training_answers')
        .select(['question_id', 'answer'])
        .where('attempt_id', '=', attemptId)
        .execute(),
    );
    const result = gradePaper([...facts.questions.values()], row.pass_score, answers);
    // The conditional update decides a race between two submissions: only one finds the attempt open.
    const closed = await trx
      .updateTable('training_attempts')
      .set({
        state: 'submitted',
        open_key: null,
        submitted_at: at,
        result: toJson(result),
        score_tenths: Math.round(result.score * 10),
        passed: result.passed ? 1 : 0,
      })
      .where('id', '=', attemptId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw new AppError('TRAINING_ATTEMPT_CLOSED');
    if (result.passed) await issueFor(trx, row, result, now);
  });
}

async function issueFor(trx: Kysely<DB>, row: AttemptRow, result: AttemptResult, now: Date): Promise<void> {
  const facts = await trx
    .selectFrom('staff')
    .innerJoin('venues', 'venues.id', 'staff.venue_id')
    .select([
      'staff.name as staffName',
      'staff.role as role',
      'venues.name as venueName',
      'venues.time_zone as timeZone',
    ])
    .where('staff.id', '=', row.staff_id)
    .executeTakeFirstOrThrow();
  const exam = await trx
    .selectFrom('training_exams')
    .select(['course_id', 'title'])
    .where('id', '=', row.exam_id)
    .executeTakeFirst();
  const course = exam?.course_id
    ? await trx.selectFrom('training_courses').select('title').where('id', '=', exam.course_id).executeTakeFirst()
    : undefined;
  const regions = await regionsOf(trx, row.region_id);
  await issueCertificate(
    trx,
    {
      staffId: row.staff_id,
      userId: row.user_id,
      venueId: row.venue_id,
      regionId: row.region_id,
      regions,
      examId: row.exam_id,
      attemptId: row.id,
      holderName: facts.staffName,
      role: facts.role,
      venueName: facts.venueName,
      courseTitle: course?.title ?? exam?.title ?? row.exam_title,
      scoreTenths: Math.round(result.score * 10),
      issuedOn: localDay(now, facts.timeZone),
    },
    now,
  );
}

async function regionsOf(db: Kysely<DB>, regionId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = regionId;
  while (current && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const r: { parent_id: string | null } | undefined = await db
      .selectFrom('regions')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = r?.parent_id ?? null;
  }
  return chain;
}

/**
 * The attempt as its learner (or the venue's manager, its regulator) reads it: the paper without keys and the
 * saved answers while open; once closed, the result, the review with explanations and the certificate.
 */
export async function attemptView(database: Database, attemptId: string, now: Date): Promise<Attempt> {
  const { db } = database;
  let row = await db.selectFrom('training_attempts').select(ROW_COLUMNS).where('id', '=', attemptId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  row = await closeIfTimeUp(database, row, now);
  const paper = [...((await attemptFacts(database, row.id))?.questions.values() ?? [])];
  const answers = toAnswers(
    await db
      .selectFrom('training_answers')
      .select(['question_id', 'answer'])
      .where('attempt_id', '=', row.id)
      .execute(),
  );
  const closed = row.state !== 'open';
  const result = closed ? toResult(row) : undefined;
  const certificate = closed
    ? await db
        .selectFrom('training_certificates')
        .select(['id', 'code', 'expires_on'])
        .where('attempt_id', '=', row.id)
        .executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    examId: row.exam_id,
    examTitle: row.exam_title,
    staffId: row.staff_id,
    venueId: row.venue_id,
    state: row.state as Attempt['state'],
    attemptNo: row.attempt_no,
    attemptsAllowed: row.attempts_allowed,
    passScore: row.pass_score,
    startedAt: row.started_at,
    deadline: row.deadline,
    serverNow: now.toISOString(),
    ...(row.submitted_at ? { submittedAt: row.submitted_at } : {}),
    paper: paper.map(toPaperQuestion),
    answers,
    ...(result ? { result, review: reviewPaper(paper, answers) } : {}),
    ...(certificate
      ? { certificate: { id: certificate.id, code: certificate.code, expiresOn: certificate.expires_on } }
      : {}),
  };
}
