/**
 * Helpers for tests and the benchmark: a learner account (a staff entry, a user, the membership linking them), and
 * the key of an attempt's paper, read from the store (what the server knows and a phone never sees).
 */
import type { StaffRole } from '@brightkitchen/sdk';
import { answerKey, type ExamAnswer } from '@brightkitchen/sdk/training';
import { addMembership, createUser } from '../accounts/index.js';
import { issueAccessToken } from '../auth/access-token.js';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/index.js';
import { createStaff } from '../venues/index.js';
import { toPaper } from './store.js';

export interface LearnerAccount {
  readonly userId: string;
  readonly staffId: string;
  readonly token: string;
}

export async function createLearner(
  database: Database,
  config: Pick<ServerConfig, 'tokenSecret'>,
  venueId: string,
  options: {
    readonly name?: string;
    readonly role?: StaffRole;
    readonly login?: string;
    readonly ttlSeconds?: number;
  } = {},
): Promise<LearnerAccount> {
  const staff = await createStaff(database, venueId, {
    name: options.name ?? '王小厨',
    role: options.role ?? 'cook',
    healthCertificate: { number: `HC-${Math.random().toString(36).slice(2, 8)}`, expiresOn: '2099-12-31' },
  });
  const user = await createUser(database, {
    role: 'operator_staff',
    displayName: options.name ?? '王小厨',
    login: options.login ?? `learner-${Math.random().toString(36).slice(2, 10)}`,
    password: 'a-long-password',
  });
  await addMembership(database, user.id, venueId, 'operator_staff', staff.id);
  const token = issueAccessToken(
    config.tokenSecret,
    { userId: user.id, role: 'operator_staff' },
    options.ttlSeconds ?? 900,
  );
  return { userId: user.id, staffId: staff.id, token };
}

/** The right answer to every question of an attempt's paper. */
export async function paperKey(database: Database, attemptId: string): Promise<Record<string, ExamAnswer>> {
  const row = await database.db
    .selectFrom('training_attempts')
    .select(['id', 'paper'])
    .where('id', '=', attemptId)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(toPaper(row).map((q) => [q.id, answerKey(q)]));
}

/** A wrong answer to a question (the key changed), for tests that need to fail. */
export function wrongAnswer(right: ExamAnswer, optionIds: readonly string[] = ['A', 'B']): ExamAnswer {
  if (typeof right === 'boolean') return !right;
  if (Array.isArray(right)) return [optionIds.find((id) => !right.includes(id as never)) ?? 'A'] as ExamAnswer;
  return (optionIds.find((id) => id !== right) ?? 'A') as ExamAnswer;
}
