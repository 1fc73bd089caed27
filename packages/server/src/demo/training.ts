/**
 * The demo city's training: the national default set, the demo cook's passed exam and certificate (its code goes
 * to demo-accounts.json as `certificateCode`), and for the coverage figures certificates across the city (some
 * expiring within 30 days) and a few hundred submitted papers (their per-topic results feed "failing topics").
 */
import type { Staff, Venue } from '@brightkitchen/sdk';
import { answerKey, drawPaper, type ExamAnswer, gradePaper, type Question } from '@brightkitchen/sdk/training';
import { type Database, newId, toJson } from '../db/index.js';
import { issueCertificate } from '../training/certificates.js';
import { DEFAULT_EXAM, DEFAULT_QUESTIONS } from '../training/default-set/index.js';
import { ensureDefaultTraining } from '../training/defaults.js';
import type { Random } from './random.js';
import { shiftDay } from './venues.js';

/** How hard each topic is in the demo (the chance of a right answer): the failing topics come out of these. */
const RIGHT_CHANCE: Readonly<Record<string, number>> = {
  sample_retention: 0.72,
  tableware_disinfection: 0.75,
  special_room: 0.78,
  storage_temperature: 0.83,
};

export interface DemoTrainingInput {
  readonly plans: readonly { readonly venue: Venue }[];
  readonly staffOf: ReadonlyMap<string, readonly Staff[]>;
  /** The demo cook (the `staff` account's archive entry) and their venue. */
  readonly cook: { readonly staff: Staff; readonly venue: Venue; readonly userId: string | null } | null;
  readonly regionsOf: (venue: Venue) => readonly string[];
  readonly now: Date;
  readonly random: Random;
}

/** Seeds the demo's training; answers the demo cook's certificate code (null without a cook). */
export async function seedDemoTraining(database: Database, input: DemoTrainingInput): Promise<string | null> {
  await ensureDefaultTraining(database, input.now);
  const { random, now } = input;
  const today = shiftDay(now.toISOString().slice(0, 10), 0);
  const rng = () => random.next();
  let attempts = 0;
  let code: string | null = null;

  const take = async (venue: Venue, person: Staff, daysAgo: number, userId: string | null, sure: boolean) => {
    const startedMs = now.getTime() - daysAgo * 86_400_000;
    const paper = drawPaper(DEFAULT_QUESTIONS as Question[], DEFAULT_EXAM.rules, person.role, rng);
    const answers: Record<string, ExamAnswer> = {};
    for (const q of paper) {
      const right = sure ? random.chance(0.94) : random.chance(RIGHT_CHANCE[q.topic] ?? 0.88);
      answers[q.id] = right ? answerKey(q) : wrongOf(q);
    }
    const result = gradePaper(paper, DEFAULT_EXAM.passScore, answers);
    const id = newId('att');
    const started = new Date(startedMs);
    await database.db
      .insertInto('training_attempts')
      .values({
        id,
        exam_id: DEFAULT_EXAM.id,
        user_id: userId ?? `demo:${person.id}`,
        staff_id: person.id,
        venue_id: venue.id,
        region_id: venue.regionId,
        state: 'submitted',
        exam_title: DEFAULT_EXAM.title,
        pass_score: DEFAULT_EXAM.passScore,
        attempt_no: 1,
        attempts_allowed: DEFAULT_EXAM.attemptsAllowed,
        open_key: null,
        started_at: started.toISOString(),
        deadline: new Date(startedMs + DEFAULT_EXAM.durationMinutes * 60_000).toISOString(),
        submitted_at: new Date(startedMs + 35 * 60_000).toISOString(),
        paper: toJson(paper),
        score_tenths: Math.round(result.score * 10),
        passed: result.passed ? 1 : 0,
        result: toJson(result),
      })
      .execute();
    if (userId) {
      await database.db
        .insertInto('training_answers')
        .values(
          paper.map((q) => ({
            attempt_id: id,
            question_id: q.id,
            answer: toJson(answers[q.id]),
            saved_at: started.toISOString(),
          })),
        )
        .execute();
    }
    attempts += 1;
    if (!result.passed) return null;
    const row = await issueCertificate(
      database.db,
      {
        staffId: person.id,
        userId,
        venueId: venue.id,
        regionId: venue.regionId,
        regions: input.regionsOf(venue),
        examId: DEFAULT_EXAM.id,
        attemptId: id,
        holderName: person.name,
        role: person.role,
        venueName: venue.name,
        courseTitle: '餐饮服务从业人员食品安全基础',
        scoreTenths: Math.round(result.score * 10),
        issuedOn: shiftDay(today, -daysAgo),
      },
      started,
    );
    return row.code;
  };

  if (input.cook) {
    const { staff, venue, userId } = input.cook;
    // Passed twenty days ago: valid for eleven more months.
    for (let tries = 0; tries < 5 && !code; tries++) code = await take(venue, staff, 20, userId, true);
  }
  // Across the city: about half the staff took the platform's exam at some point in the last year (a sixth of
  // those within the last two weeks of their year, so the renewal reminders show); the others rely on the archive.
  for (const { venue } of input.plans) {
    for (const person of input.staffOf.get(venue.id) ?? []) {
      if (person.id === input.cook?.staff.id || person.role === 'principal' || !random.chance(0.5)) continue;
      const daysAgo = random.chance(0.17) ? random.int(340, 364) : random.int(1, 330);
      if (attempts < 400) await take(venue, person, daysAgo, null, false);
    }
  }
  return code;
}

function wrongOf(question: Question): ExamAnswer {
  if (question.kind === 'true_false') return !question.answer;
  const wrong = question.options.find((o) =>
    question.kind === 'single' ? o.id !== question.answer : !question.answers.includes(o.id),
  );
  return question.kind === 'single' ? (wrong?.id ?? 'A') : [wrong?.id ?? 'A'];
}
