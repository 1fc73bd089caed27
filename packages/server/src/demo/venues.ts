/** The demo venues and their staff, as plain values (seed.ts writes them): every venue kind in every district. */
import {
  DEFAULT_TIME_ZONE,
  type Staff,
  type StaffRole,
  VENUE_KINDS,
  type Venue,
  type VenueKind,
} from '@brightkitchen/sdk';
import { newId } from '../db/index.js';
import type { DemoDistrict } from './districts.js';
import { address, personName, venueName } from './names.js';
import type { Random } from './random.js';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A 10-character QR code without look-alikes, from the seeded generator (unique in practice). */
function publicCode(random: Random): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += CODE_ALPHABET[random.int(0, CODE_ALPHABET.length - 1)];
  return out;
}

/** 食品经营许可证号: JY + 1 digit (2 catering, 3 canteen) + the district's 6-digit code + a 7-digit serial. */
function licenceNumber(kind: VenueKind, district: DemoDistrict, serial: number): string {
  const type = kind.endsWith('_canteen') ? '3' : '2';
  return `JY${type}${district.code}${String(serial).padStart(7, '0')}`;
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface DemoVenuePlan {
  readonly venue: Venue;
  readonly district: DemoDistrict;
}

/** `count` venues cycling through every kind and every district, so each kind appears in each district. */
export function planVenues(
  count: number,
  districts: readonly DemoDistrict[],
  regionIdOf: (district: DemoDistrict) => string,
  today: string,
  random: Random,
): DemoVenuePlan[] {
  const plans: DemoVenuePlan[] = [];
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const kind = VENUE_KINDS[i % VENUE_KINDS.length] as VenueKind;
    const district = districts[Math.floor(i / VENUE_KINDS.length) % districts.length] as DemoDistrict;
    const town = random.pick(district.towns);
    let name = venueName(kind, district, town, random, i + 1);
    for (let k = 2; usedNames.has(name); k++) name = `${venueName(kind, district, town, random, i + 1)}（${k}）`;
    usedNames.add(name);
    let code = publicCode(random);
    while (usedCodes.has(code)) code = publicCode(random);
    usedCodes.add(code);
    // Licences of 5 years; a few are close to expiry or expired, a few are new (no dynamic grade yet).
    const roll = random.next();
    const issuedOn =
      roll < 0.03
        ? shiftDay(today, -5 * 365 - 20)
        : roll < 0.06
          ? shiftDay(today, -5 * 365 + 15)
          : roll < 0.1
            ? shiftDay(today, -random.int(20, 80))
            : shiftDay(today, -random.int(120, 1500));
    const expiresOn = shiftDay(issuedOn, 5 * 365);
    const venue: Venue = {
      id: newId('ven'),
      regionId: regionIdOf(district),
      name,
      kind,
      licence: { number: licenceNumber(kind, district, 1000 + i * 7 + random.int(0, 6)), issuedOn, expiresOn },
      address: address(district, town, random),
      coordinates: {
        lat: Math.round((district.center.lat + (random.next() - 0.5) * 0.16) * 1e6) / 1e6,
        lng: Math.round((district.center.lng + (random.next() - 0.5) * 0.2) * 1e6) / 1e6,
      },
      publicCode: code,
      timeZone: DEFAULT_TIME_ZONE,
      hasLiveVideo: random.chance(0.75),
      openedOn: issuedOn,
    };
    plans.push({ venue, district });
  }
  return plans;
}

const KITCHEN_ROLES: readonly StaffRole[] = ['chef', 'cook', 'cook', 'helper', 'cleaner'];

/**
 * 3–6 people per venue: a food-safety manager and kitchen staff (a principal at schools). Health
 * certificates run a year; about one person in 40 holds an expired one, and a few lack a training certificate.
 */
export function planStaff(venue: Venue, today: string, random: Random): Staff[] {
  const roles: StaffRole[] = ['food_safety_manager'];
  const kitchen = random.int(2, 5);
  for (let i = 0; i < kitchen; i++) roles.push(KITCHEN_ROLES[i % KITCHEN_ROLES.length] as StaffRole);
  if (venue.kind === 'school_canteen' || venue.kind === 'kindergarten_canteen') roles.push('principal');
  return roles.map((role, i) => {
    const expired = role !== 'principal' && random.chance(0.025);
    const expiresOn = expired ? shiftDay(today, -random.int(1, 20)) : shiftDay(today, random.int(15, 360));
    const number = `健${venue.licence.number.slice(-6)}${String(i + 1).padStart(2, '0')}`;
    const staff: Staff = {
      id: newId('stf'),
      venueId: venue.id,
      name: personName(random),
      role,
      phone: `1${random.pick(['35', '38', '39', '58', '86'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      healthCertificate: { number, expiresOn },
    };
    return random.chance(0.9)
      ? {
          ...staff,
          trainingCertificate: { number: `培${number.slice(1)}`, expiresOn: shiftDay(today, random.int(30, 700)) },
        }
      : staff;
  });
}

export { shiftDay };
