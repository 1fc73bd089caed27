/**
 * The JSON events published on `bk/venues/{venueId}/events` (QoS 1). `type` tells them apart:
 * - `alert.opened` / `alert.cleared`: the alert engine opened or auto-resolved an alert;
 * - `alert.notification`: a notification (first or reminder) at an escalation level.
 */
import type { Alert } from '@brightkitchen/sdk';

export type RealtimeEvent =
  | {
      readonly type: 'alert.opened' | 'alert.cleared';
      readonly venueId: string;
      readonly at: string;
      readonly alert: Alert;
    }
  | {
      readonly type: 'alert.notification';
      readonly venueId: string;
      readonly at: string;
      readonly alert: Alert;
      readonly repeat: number;
      readonly level: string;
    };

export type PublishRealtime = (event: RealtimeEvent) => Promise<void>;
