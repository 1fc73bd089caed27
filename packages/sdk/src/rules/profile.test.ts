import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE, type RuleProfileOverride, resolveProfile } from './profile.js';

describe('rule profiles', () => {
  it('holds the national numbers of REGULATIONS.md', () => {
    const { ledger, sensors } = NATIONAL_PROFILE;
    expect(ledger.sample).toMatchObject({ minGrams: 125, minHours: 48, storageMinC: 0, storageMaxC: 8 });
    expect(ledger.morningCheck.feverC).toBe(37.3);
    expect(ledger.disinfection).toEqual({
      heat_boiling: { minTempC: 100, minSeconds: 600 },
      heat_steam: { minTempC: 100, minSeconds: 600 },
      infrared_cabinet: { minTempC: 120, minSeconds: 600 },
      dishwasher: { minTempC: 85, minSeconds: 40 },
      chlorine_soak: { minChlorineMgPerL: 250, minSeconds: 300 },
    });
    expect(ledger.airDisinfection).toEqual({ uvMinMinutes: 30, roomMaxC: 25 });
    expect(ledger.retention).toMatchObject({ monthsAfterShelfLife: 6, yearsWithoutShelfLife: 2 });
    expect(ledger.accompanyingMeal.venueKinds).toEqual(['school_canteen', 'kindergarten_canteen']);
    expect(ledger.sample.requiredVenueKinds).not.toContain('restaurant');
    expect(sensors.ranges).toEqual({
      fridge: { minC: 0, maxC: 8 },
      freezer: { maxC: -12 },
      special_room: { maxC: 25 },
      sample_fridge: { minC: 0, maxC: 8 },
      hot_holding: { minC: 60 },
    });
    expect(sensors.cookedCore).toEqual({ minC: 70 });
    expect(sensors.raiseDelayMinutes).toBe(10);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(NATIONAL_PROFILE.ledger.sample)).toBe(true);
    expect(() => {
      (NATIONAL_PROFILE.ledger.sample as { minGrams: number }).minGrams = 1;
    }).toThrow(TypeError);
  });

  it('returns the base when nothing is overridden', () => {
    expect(resolveProfile()).toEqual(NATIONAL_PROFILE);
  });

  it('deep-merges a region override and keeps the rest', () => {
    const profile = resolveProfile({
      regionOverrides: { name: 'shandong', sensors: { ranges: { freezer: { maxC: -18 } } } },
    });
    expect(profile.name).toBe('shandong');
    expect(profile.sensors.ranges.freezer).toEqual({ maxC: -18 });
    expect(profile.sensors.ranges.fridge).toEqual({ minC: 0, maxC: 8 });
    expect(profile.ledger).toEqual(NATIONAL_PROFILE.ledger);
    expect(NATIONAL_PROFILE.sensors.ranges.freezer).toEqual({ maxC: -12 });
  });

  it('applies region overrides in order, then the venue kind override', () => {
    const school: RuleProfileOverride = { ledger: { sample: { minGrams: 200 } } };
    const options = {
      regionOverrides: [
        { ledger: { sample: { minGrams: 150, minHours: 72 } } },
        { ledger: { sample: { minGrams: 160 } } },
      ],
      venueKindOverrides: { school_canteen: school },
    };
    expect(resolveProfile({ ...options, venueKind: 'school_canteen' }).ledger.sample).toMatchObject({
      minGrams: 200,
      minHours: 72,
    });
    expect(resolveProfile({ ...options, venueKind: 'restaurant' }).ledger.sample.minGrams).toBe(160);
    expect(resolveProfile(options).ledger.sample.minGrams).toBe(160);
  });

  it('replaces lists whole', () => {
    const profile = resolveProfile({ regionOverrides: { ledger: { sample: { requiredVenueKinds: ['restaurant'] } } } });
    expect(profile.ledger.sample.requiredVenueKinds).toEqual(['restaurant']);
  });

  it('ignores prototype keys in JSON overrides', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "ledger": {"constructor": {"x": 1}}}',
    ) as RuleProfileOverride;
    const profile = resolveProfile({ regionOverrides: hostile });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(profile).toEqual(NATIONAL_PROFILE);
  });
});
