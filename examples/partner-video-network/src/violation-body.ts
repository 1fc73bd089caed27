/**
 * A GB/T 28181 violation event → the body the platform takes from partners (pure; the body is the SDK's
 * `PartnerViolation`). The camera's 20-digit GB id tells which venue it watches (the video network's own
 * registry of kitchen cameras).
 */
import type { PartnerViolation, ViolationEvent } from '@brightkitchen/sdk';

export type { PartnerViolation };

export interface KitchenCamera {
  readonly venueId: string;
  readonly name?: string;
}

export function partnerViolation(event: ViolationEvent, camera: KitchenCamera): PartnerViolation {
  const description = event.details?.description;
  const sn = event.eventId ?? event.details?.sn;
  return {
    venueId: camera.venueId,
    violation: event.violation,
    time: event.time,
    source: 'gb28181',
    cameraId: event.cameraId,
    ...(camera.name === undefined ? {} : { cameraName: camera.name }),
    ...(event.confidence === undefined ? {} : { confidence: event.confidence }),
    ...(event.vendorCode === undefined ? {} : { vendorCode: event.vendorCode }),
    ...(typeof description === 'string' ? { description } : {}),
    // The alarm's own id (device id + SN), so a resent alarm is recognised.
    externalId: `${event.deviceId}:${sn ?? event.time}`,
  };
}
