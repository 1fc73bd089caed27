import { describe, expect, it } from 'vitest';
import { resolveProfile } from './profile.js';
import { parseProfileOverride } from './profile-override.js';

describe('parseProfileOverride', () => {
  it('accepts a region’s 200 g samples, −18 ℃ freezers and restaurants among the venues that keep samples', () => {
    const override = {
      ledger: { sample: { minGrams: 200, requiredVenueKinds: ['school_canteen', 'restaurant'] } },
      sensors: { ranges: { freezer: { maxC: -18 } } },
    };
    const result = parseProfileOverride(override);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const profile = resolveProfile({ regionOverrides: result.value });
    expect(profile.ledger.sample.minGrams).toBe(200);
    expect(profile.sensors.ranges.freezer.maxC).toBe(-18);
  });

  it('lists every unknown key, wrong type, unknown word and inverted range with its path', () => {
    const result = parseProfileOverride({
      ledger: { sample: { minGrams: '200', colour: 'red', requiredVenueKinds: ['spaceship'] } },
      sensors: { ranges: { fridge: { minC: 9, maxC: 2 } }, hysteresisC: Number.NaN },
      extra: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      'extra',
      'ledger.sample.colour',
      'ledger.sample.minGrams',
      'ledger.sample.requiredVenueKinds',
      'sensors.hysteresisC',
    ]);
    const inverted = parseProfileOverride({ sensors: { ranges: { fridge: { minC: 9, maxC: 2 } } } });
    expect(inverted.ok ? [] : inverted.issues.map((i) => i.path)).toEqual(['sensors.ranges.fridge']);
    expect(parseProfileOverride('200 g').ok).toBe(false);
  });
});
