/**
 * `bk-server seed --venues 45000 --days 365`: a city the size of Liaocheng (44,548 catering units on record, ~2,500
 * with cameras and sensors, ~440,000 ledger records a year). Every venue has a latent risk: a risky kitchen keeps
 * fewer ledgers, gets more AI captures and fails more inspection items — so the risk model learns from the city
 * what the seed put in, and the warehouse's panels have a year of history to aggregate.
 */
import type { Venue } from '@brightkitchen/sdk';
import type { DeviceStatusTable, DevicesTable } from '../db/index.js';
import { newId, toJson } from '../db/index.js';
import type { Random } from './random.js';
import type { DemoVenuePlan } from './venues.js';

/** What makes a city: how many venues are equipped, and the share of days an average one keeps its ledgers. */
export interface CityScale {
  readonly equipped: number;
  /** Average share of the days an equipped venue records ledgers on (its risk moves it up or down). */
  readonly ledgerDays: number;
}

/** Liaocheng's figures: 2,500 equipped of 44,548; 440,000 records a year at ~13 records per ledger day. */
export function cityScale(venues: number): CityScale {
  const equipped = Math.max(1, Math.round((venues * 2_500) / 44_548));
  return { equipped, ledgerDays: Math.min(1, 440_000 / 365 / 13 / equipped) };
}

export interface VenueRisk {
  of(venueId: string): number;
}

/** Picks the equipped venues (cameras, sensors, ledgers) and gives every venue its latent risk. */
export function equipCity(
  plans: readonly DemoVenuePlan[],
  scale: CityScale,
  random: Random,
): { plans: DemoVenuePlan[]; risk: VenueRisk } {
  const order = plans.map((_, i) => ({ i, key: random.next() })).sort((a, b) => a.key - b.key);
  const equipped = new Set(order.slice(0, scale.equipped).map((o) => o.i));
  const risks = new Map<string, number>();
  const out = plans.map((plan, i) => {
    // Skewed: most kitchens careful, a tail of risky ones.
    risks.set(plan.venue.id, random.next() ** 2);
    const venue: Venue = { ...plan.venue, hasLiveVideo: equipped.has(i) };
    return { ...plan, venue };
  });
  return { plans: out, risk: { of: (venueId) => risks.get(venueId) ?? 0.5 } };
}

/** The days an equipped venue kept its ledgers: a careful one most days, a risky one seldom. */
export function cityLedgerDays(days: readonly string[], scale: CityScale, risk: number, random: Random): string[] {
  const share = Math.min(1, scale.ledgerDays * 2 * (1 - risk));
  return days.filter(() => random.chance(share));
}

/** Each equipped venue's AI camera and fridge sensor, most online, a few silent for days. */
export function cityDevices(
  plans: readonly DemoVenuePlan[],
  createdAt: string,
  random: Random,
): { devices: DevicesTable[]; statuses: DeviceStatusTable[] } {
  const devices: DevicesTable[] = [];
  const statuses: DeviceStatusTable[] = [];
  const now = Date.parse(createdAt);
  for (const { venue } of plans) {
    if (!venue.hasLiveVideo) continue;
    for (const [kind, locationKind, name] of [
      ['camera', 'camera', 'AI 摄像头'],
      ['sensor', 'fridge', '冷藏柜温度'],
    ] as const) {
      const id = newId('dev');
      const binding = `${venue.publicCode}-${kind}`;
      devices.push({
        id,
        venue_id: venue.id,
        vendor: kind === 'camera' ? 'hikvision' : 'tasmota',
        kind,
        location_kind: locationKind,
        name,
        binding_key: binding,
        secret_hash: '',
        data: toJson({
          id,
          venueId: venue.id,
          kind,
          vendor: kind === 'camera' ? 'hikvision' : 'tasmota',
          locationKind,
          name,
          binding: { topic: binding },
        }),
        created_at: createdAt,
        updated_at: createdAt,
        disabled_at: null,
      });
      const silent = random.chance(0.04);
      const lastSeen = new Date(
        now - (silent ? random.int(2, 20) * 86_400_000 : random.int(5, 300) * 1000),
      ).toISOString();
      statuses.push({
        device_id: id,
        online: silent ? 0 : 1,
        last_seen_at: lastSeen,
        readings: '{}',
        failures: '{}',
        failure_count: 0,
        last_failure: null,
        updated_at: lastSeen,
      });
    }
  }
  return { devices, statuses };
}
