/**
 * What a venue must record on one day (its ledger requirements), and how complete a day is. Pure: the warehouse
 * feeds it a venue's plan and its counts per ledger kind; the same numbers explain a venue's gap on the console.
 */
import { type LedgerKind, MEALS, type Meal, type VenueKind } from '../../domain/enums.js';
import type { LocalizedText } from '../../domain/text.js';
import { NATIONAL_PROFILE, type RuleProfile } from '../profile.js';

/** The daily requirements, each answered by one ledger kind. */
export const REQUIREMENT_CODES = [
  'REQ_MORNING_CHECK_EACH_STAFF',
  'REQ_TABLEWARE_EACH_MEAL',
  'REQ_SAMPLE_EACH_DISH',
  'REQ_ACCOMPANYING_EACH_MEAL',
  'REQ_AIR_DISINFECTION_EACH_ROOM_USE',
] as const;
/** One of {@link REQUIREMENT_CODES}. */
export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

/** The ledger kind that satisfies each requirement. */
export const REQUIREMENT_LEDGER_KINDS: Readonly<Record<RequirementCode, LedgerKind>> = {
  REQ_MORNING_CHECK_EACH_STAFF: 'morning_check',
  REQ_TABLEWARE_EACH_MEAL: 'tableware_disinfection',
  REQ_SAMPLE_EACH_DISH: 'sample_retention',
  REQ_ACCOMPANYING_EACH_MEAL: 'accompanying_meal',
  REQ_AIR_DISINFECTION_EACH_ROOM_USE: 'air_disinfection',
};

/** What each requirement asks, in zh-CN and en. */
export const REQUIREMENT_MESSAGES: Readonly<Record<RequirementCode, LocalizedText>> = {
  REQ_MORNING_CHECK_EACH_STAFF: { zh: '每位在岗员工每日晨检', en: 'A morning check for each staff member on duty' },
  REQ_TABLEWARE_EACH_MEAL: { zh: '每餐次餐饮具消毒', en: 'Tableware disinfected for each meal served' },
  REQ_SAMPLE_EACH_DISH: {
    zh: '每餐次每样菜品留样',
    en: 'A retained sample of each dish of each meal',
  },
  REQ_ACCOMPANYING_EACH_MEAL: { zh: '学校负责人每餐次陪餐', en: 'The principal’s accompanying meal at each meal' },
  REQ_AIR_DISINFECTION_EACH_ROOM_USE: {
    zh: '专间每次使用前空气消毒',
    en: 'Air disinfection of each special room before each use',
  },
};

/** One meal a venue serves: the guests it feeds and the dishes on it (as its archive says). */
export interface MealPlan {
  readonly meal: Meal;
  /** Guests at the meal; above the profile's `requiredAboveGuests` any venue must retain samples. */
  readonly guests?: number | undefined;
  /** Dishes served at the meal; one sample per dish. Unknown → {@link DEFAULT_DISHES_PER_MEAL}. */
  readonly dishes?: number | undefined;
}

/** Dishes assumed per meal when the archive does not say (one sample at least). */
export const DEFAULT_DISHES_PER_MEAL = 1;

/** The meals a venue kind serves when its archive does not list them. */
export const DEFAULT_MEALS: Readonly<Record<VenueKind, readonly Meal[]>> = {
  school_canteen: ['lunch'],
  kindergarten_canteen: ['breakfast', 'lunch'],
  elderly_care_canteen: ['breakfast', 'lunch', 'dinner'],
  hospital_canteen: ['breakfast', 'lunch', 'dinner'],
  construction_site_canteen: ['breakfast', 'lunch', 'dinner'],
  company_canteen: ['lunch'],
  central_kitchen: ['lunch'],
  collective_meal_delivery: ['lunch'],
  restaurant: ['lunch', 'dinner'],
  snack_bar: ['lunch'],
  delivery_kitchen: ['lunch', 'dinner'],
};

/** What the requirements of a day depend on. */
export interface VenueDayPlan {
  readonly kind: VenueKind;
  /** Staff on the archive who had not left before the day. */
  readonly staffOnDuty: number;
  /** The meals served; absent → {@link DEFAULT_MEALS} of the kind. */
  readonly meals?: readonly MealPlan[] | undefined;
  /** Special rooms (专间) used at every meal. */
  readonly specialRooms?: number | undefined;
}

/** One requirement of a day and how many records it expects. */
export interface Requirement {
  readonly code: RequirementCode;
  readonly ledgerKind: LedgerKind;
  readonly expected: number;
}

/** The meals of a plan, defaults applied, in the order of {@link MEALS}. */
export function mealsOf(plan: Pick<VenueDayPlan, 'kind' | 'meals'>): readonly MealPlan[] {
  const meals = plan.meals && plan.meals.length > 0 ? plan.meals : DEFAULT_MEALS[plan.kind].map((meal) => ({ meal }));
  return [...meals].sort((a, b) => MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal));
}

const whole = (n: number | undefined, fallback = 0) =>
  n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;

/** The requirements of one day (those expecting nothing are left out). */
export function dayRequirements(plan: VenueDayPlan, profile: RuleProfile = NATIONAL_PROFILE): Requirement[] {
  const meals = mealsOf(plan);
  const sample = profile.ledger.sample;
  const kindRetains = sample.requiredVenueKinds.includes(plan.kind);
  const samples = meals
    .filter((m) => kindRetains || whole(m.guests) > sample.requiredAboveGuests)
    .reduce((n, m) => n + whole(m.dishes, DEFAULT_DISHES_PER_MEAL), 0);
  const expected: Record<RequirementCode, number> = {
    REQ_MORNING_CHECK_EACH_STAFF: whole(plan.staffOnDuty),
    REQ_TABLEWARE_EACH_MEAL: meals.length,
    REQ_SAMPLE_EACH_DISH: samples,
    REQ_ACCOMPANYING_EACH_MEAL: profile.ledger.accompanyingMeal.venueKinds.includes(plan.kind) ? meals.length : 0,
    REQ_AIR_DISINFECTION_EACH_ROOM_USE: whole(plan.specialRooms) * meals.length,
  };
  return REQUIREMENT_CODES.filter((code) => expected[code] > 0).map((code) => ({
    code,
    ledgerKind: REQUIREMENT_LEDGER_KINDS[code],
    expected: expected[code],
  }));
}

/** A requirement short of its records. */
export interface RequirementGap {
  readonly code: RequirementCode;
  readonly expected: number;
  readonly done: number;
}

/** How complete a day is: records beyond a requirement do not make up for another one. */
export interface DayCompletion {
  readonly expected: number;
  readonly done: number;
  /** done ÷ expected, 1 when nothing was expected. */
  readonly rate: number;
  readonly missing: readonly RequirementGap[];
}

/** Scores a day's records (counted per ledger kind) against its requirements. */
export function dayCompletion(
  requirements: readonly Requirement[],
  recorded: Readonly<Partial<Record<LedgerKind, number>>>,
): DayCompletion {
  let expected = 0;
  let done = 0;
  const missing: RequirementGap[] = [];
  for (const r of requirements) {
    const got = Math.min(r.expected, whole(recorded[r.ledgerKind]));
    expected += r.expected;
    done += got;
    if (got < r.expected) missing.push({ code: r.code, expected: r.expected, done: got });
  }
  return { expected, done, rate: expected === 0 ? 1 : done / expected, missing };
}
