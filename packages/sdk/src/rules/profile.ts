/**
 * Every number the rules use, in one profile. NATIONAL_PROFILE holds the national defaults of
 * REGULATIONS.md; regions and venue kinds override parts of it (e.g. 200 g samples for schools
 * in some provinces, −18 ℃ freezers) through `resolveProfile`.
 */
import type { LocationKind, VenueKind } from '../domain/enums.js';
import type { PurchaseCategory } from '../domain/ledger-vocab.js';
import { NATIONAL_KEY_ITEMS } from './inspection/national-checklist.js';

/** An allowed temperature range; a missing bound is open. */
export interface TemperatureRange {
  readonly minC?: number;
  readonly maxC?: number;
}

/** Minimum temperature and duration of a heat disinfection method. */
export interface HeatDisinfectionLimit {
  readonly minTempC: number;
  readonly minSeconds: number;
}

/** Location kinds whose temperature sensors alert. */
export type SensorLocationKind = Extract<
  LocationKind,
  'fridge' | 'freezer' | 'special_room' | 'sample_fridge' | 'hot_holding'
>;

/** Every number the ledger rules use (fever, sample weight and hours, disinfection limits…). */
export interface LedgerRuleNumbers {
  readonly morningCheck: {
    /** Body temperature at or above which staff are unfit. */
    readonly feverC: number;
  };
  readonly purchase: {
    /** Warn when this many days or fewer of shelf life remain on the purchase date (and over half has passed). */
    readonly nearExpiryWarningDays: number;
    /** Categories that need an animal quarantine certificate. */
    readonly quarantineCategories: readonly PurchaseCategory[];
  };
  readonly disinfection: {
    readonly heat_boiling: HeatDisinfectionLimit;
    readonly heat_steam: HeatDisinfectionLimit;
    readonly infrared_cabinet: HeatDisinfectionLimit;
    readonly dishwasher: HeatDisinfectionLimit;
    readonly chlorine_soak: { readonly minChlorineMgPerL: number; readonly minSeconds: number };
  };
  readonly sample: {
    readonly minGrams: number;
    readonly minHours: number;
    readonly storageMinC: number;
    readonly storageMaxC: number;
    /** Venue kinds that must retain a sample of every dish. */
    readonly requiredVenueKinds: readonly VenueKind[];
    /** Any venue serving a gathering of more than this many people must retain samples. */
    readonly requiredAboveGuests: number;
  };
  readonly airDisinfection: {
    readonly uvMinMinutes: number;
    readonly roomMaxC: number;
  };
  readonly accompanyingMeal: {
    /** Venue kinds where principals' accompanying meals are recorded. */
    readonly venueKinds: readonly VenueKind[];
  };
  readonly retention: {
    /** Purchase records: kept this many months after the shelf life ends. */
    readonly monthsAfterShelfLife: number;
    /** Purchase records of goods without a shelf life: kept this many years. */
    readonly yearsWithoutShelfLife: number;
    /** Other ledger records: kept this many years after their day (platform rule). */
    readonly otherRecordYears: number;
  };
  /** Tolerance for clocks running ahead before a time counts as in the future. */
  readonly clockSkewMinutes: number;
}

/** Numbers of the sensor threshold state machine. */
export interface SensorRuleNumbers {
  readonly ranges: Readonly<Record<SensorLocationKind, TemperatureRange>>;
  /** Core temperature of cooked food (probe readings). */
  readonly cookedCore: TemperatureRange;
  /** A reading must stay out of range this long before an alert opens (door openings, defrost). */
  readonly raiseDelayMinutes: number;
  /** An alert clears only once readings are back inside the range by at least this margin. */
  readonly hysteresisC: number;
  /** A sensor silent for this long is treated as offline. */
  readonly silenceTimeoutMinutes: number;
}

/** Numbers of the live kitchen's recordings and outages. */
export interface VideoRuleNumbers {
  /** Recordings are kept this many days, then purged (at least 7; 30 in some provinces). */
  readonly recordingRetentionDays: number;
  /** A channel whose source stays unreachable this long raises an alert to the venue. */
  readonly outageAlertMinutes: number;
}

/** How a region adjusts the national inspection checklist (`checklistFor`). */
export interface InspectionRuleNumbers {
  /** The items treated as key items (关键项), by code. */
  readonly keyItems: readonly string[];
  /** National items the region does not inspect, by code. */
  readonly omittedItems: readonly string[];
}

/** Every number the rules use, for ledgers, sensors, video and inspections: national, or with regional changes. */
export interface RuleProfile {
  readonly name: string;
  readonly ledger: LedgerRuleNumbers;
  readonly sensors: SensorRuleNumbers;
  readonly video: VideoRuleNumbers;
  readonly inspection: InspectionRuleNumbers;
}

/** A partial profile: any nested part may be left out; arrays are replaced whole. */
export type RuleProfileOverride = DeepPartial<RuleProfile>;

/** Every field optional, at every depth (arrays replaced whole). */
export type DeepPartial<T> = {
  readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** The national defaults of REGULATIONS.md. */
export const NATIONAL_PROFILE: RuleProfile = deepFreeze({
  name: 'national',
  ledger: {
    morningCheck: { feverC: 37.3 },
    purchase: { nearExpiryWarningDays: 3, quarantineCategories: ['meat', 'poultry'] },
    disinfection: {
      heat_boiling: { minTempC: 100, minSeconds: 600 },
      heat_steam: { minTempC: 100, minSeconds: 600 },
      infrared_cabinet: { minTempC: 120, minSeconds: 600 },
      dishwasher: { minTempC: 85, minSeconds: 40 },
      chlorine_soak: { minChlorineMgPerL: 250, minSeconds: 300 },
    },
    sample: {
      minGrams: 125,
      minHours: 48,
      storageMinC: 0,
      storageMaxC: 8,
      requiredVenueKinds: [
        'school_canteen',
        'kindergarten_canteen',
        'elderly_care_canteen',
        'hospital_canteen',
        'construction_site_canteen',
        'central_kitchen',
        'collective_meal_delivery',
      ],
      requiredAboveGuests: 100,
    },
    airDisinfection: { uvMinMinutes: 30, roomMaxC: 25 },
    accompanyingMeal: { venueKinds: ['school_canteen', 'kindergarten_canteen'] },
    retention: { monthsAfterShelfLife: 6, yearsWithoutShelfLife: 2, otherRecordYears: 2 },
    clockSkewMinutes: 5,
  },
  sensors: {
    ranges: {
      fridge: { minC: 0, maxC: 8 },
      freezer: { maxC: -12 },
      special_room: { maxC: 25 },
      sample_fridge: { minC: 0, maxC: 8 },
      hot_holding: { minC: 60 },
    },
    cookedCore: { minC: 70 },
    raiseDelayMinutes: 10,
    hysteresisC: 1,
    silenceTimeoutMinutes: 30,
  },
  video: { recordingRetentionDays: 7, outageAlertMinutes: 5 },
  inspection: { keyItems: NATIONAL_KEY_ITEMS, omittedItems: [] },
});

/** Options of {@link resolveProfile}. */
export interface ResolveProfileOptions {
  /** Defaults to NATIONAL_PROFILE. */
  readonly base?: RuleProfile;
  /** The region's overrides, applied first (several are applied in order). */
  readonly regionOverrides?: RuleProfileOverride | readonly RuleProfileOverride[];
  /** Overrides per venue kind, applied after the region's when `venueKind` matches. */
  readonly venueKindOverrides?: Partial<Readonly<Record<VenueKind, RuleProfileOverride>>>;
  readonly venueKind?: VenueKind;
}

/**
 * The profile for a venue: base, then region overrides, then the venue kind's override.
 * @example resolveProfile({ venueKind: 'school_canteen', venueKindOverrides: { school_canteen: { ledger: { sample: { minGrams: 200 } } } } })
 */
export function resolveProfile(options: ResolveProfileOptions = {}): RuleProfile {
  const { base = NATIONAL_PROFILE, regionOverrides, venueKindOverrides, venueKind } = options;
  const regions: readonly RuleProfileOverride[] =
    regionOverrides === undefined ? [] : isOverrideList(regionOverrides) ? regionOverrides : [regionOverrides];
  const kindOverride = venueKind && venueKindOverrides ? venueKindOverrides[venueKind] : undefined;
  let merged: unknown = base;
  for (const override of [...regions, kindOverride]) {
    if (override !== undefined) merged = deepMerge(merged, override);
  }
  return merged as RuleProfile;
}

/** True when venues of this kind must retain a sample of every dish. */
export function isSampleRetentionRequired(venueKind: VenueKind, profile: RuleProfile = NATIONAL_PROFILE): boolean {
  return profile.ledger.sample.requiredVenueKinds.includes(venueKind);
}

function isOverrideList(
  value: RuleProfileOverride | readonly RuleProfileOverride[],
): value is readonly RuleProfileOverride[] {
  return Array.isArray(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Plain objects merge key by key; arrays and values replace; `undefined` keeps the base. Never mutates. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    // Overrides may come from JSON configuration: never let them reach the prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = deepMerge(base[key], override[key]);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
