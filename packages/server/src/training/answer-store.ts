/**
 * Saving one answer, the hot path of an exam (2,000 learners × 50 answers): stored only while its attempt is open
 * (one statement, so an answer racing the submission is never half-kept), and the count of answers now held. On
 * SQLite through prepared statements on the connection under Kysely (no statement is prepared per request); on
 * PostgreSQL in one round trip.
 */
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';

export interface AnswerWrite {
  readonly attemptId: string;
  readonly questionId: string;
  /** The answer as JSON text. */
  readonly answer: string;
  readonly savedAt: string;
}

/** `stored: false` when the attempt is no longer open (nothing written). */
export interface AnswerWritten {
  readonly stored: boolean;
  readonly answered: number;
}

const UPSERT = `insert into training_answers (attempt_id, question_id, answer, saved_at)
  select ?, ?, ?, ? where exists (select 1 from training_attempts where id = ? and state = 'open')
  on conflict (attempt_id, question_id) do update set answer = excluded.answer, saved_at = excluded.saved_at`;
const COUNT = 'select count(*) as n from training_answers where attempt_id = ?';

interface Statements {
  readonly upsert: SQLite.Statement;
  readonly count: SQLite.Statement;
}
const prepared = new WeakMap<SQLite.Database, Statements>();

function statements(sqlite: SQLite.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = { upsert: sqlite.prepare(UPSERT), count: sqlite.prepare(COUNT) };
    prepared.set(sqlite, s);
  }
  return s;
}

export async function writeAnswer(database: Database, w: AnswerWrite): Promise<AnswerWritten> {
  const { sqlite } = database;
  if (database.dialect === 'sqlite' && sqlite) {
    // Kysely's lock on its one connection: no transaction of another request is open across these two statements.
    return database.db.connection().execute(async () => {
      const s = statements(sqlite);
      const { changes } = s.upsert.run(w.attemptId, w.questionId, w.answer, w.savedAt, w.attemptId);
      const { n } = s.count.get(w.attemptId) as { n: number };
      return { stored: changes > 0, answered: Number(n) };
    });
  }
  // `xmax = 0` tells a new row from an updated one; the count reads the snapshot before this statement.
  const { rows } = await sql<{ written: number; added: number; before: number }>`
    with up as (
      insert into training_answers (attempt_id, question_id, answer, saved_at)
      select ${w.attemptId}, ${w.questionId}, ${w.answer}, ${w.savedAt}
      where exists (select 1 from training_attempts where id = ${w.attemptId} and state = 'open')
      on conflict (attempt_id, question_id) do update set answer = excluded.answer, saved_at = excluded.saved_at
      returning (xmax = 0) as inserted
    )
    select (select count(*) from up) as written,
           (select count(*) from up where inserted) as added,
           (select count(*) from training_answers where attempt_id = ${w.attemptId}) as before`.execute(database.db);
  const row = rows[0];
  return {
    stored: Number(row?.written ?? 0) > 0,
    answered: Number(row?.before ?? 0) + Number(row?.added ?? 0),
  };
}
