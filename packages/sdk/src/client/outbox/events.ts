import type { BrightKitchenError } from '../errors/bright-kitchen-error.js';
import type { OutboxItem } from './item.js';
import type { QuarantinedValue } from './stored.js';

/** Events of an outbox, on its mitt emitter (`client.outbox.events.on('sent', …)`). */
export type OutboxEvents = {
  /** The write is stored and will be sent. */
  queued: { readonly item: OutboxItem; readonly pending: number };
  /** The server accepted it (`status` 201, or 200 for a replay of an earlier attempt). */
  sent: { readonly item: OutboxItem; readonly status: number; readonly result: unknown };
  /** The server refused it for good; it left the outbox. `code` is the server's code. */
  failed: { readonly item: OutboxItem; readonly code: string; readonly error: BrightKitchenError };
  /** It could not be sent now (network, 5xx, 401/408/429); the next attempt is in `delayMs`. */
  retrying: {
    readonly item: OutboxItem;
    readonly attempt: number;
    readonly delayMs: number;
    readonly error: BrightKitchenError;
  };
  /** The outbox became empty. */
  drained: { readonly sent: number; readonly failed: number };
  /**
   * A stored value could not be read (damaged storage): it was moved to `<namespace>:outbox:quarantine`
   * (or, if storage refused, left where it was) and the rest of the outbox goes on. Log it.
   */
  quarantined: QuarantinedValue;
};
