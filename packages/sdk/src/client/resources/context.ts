import type { Clock } from '../clock.js';
import type { Http } from '../http.js';
import type { Outbox } from '../outbox/outbox.js';

/** What every resource client shares: the request pipeline and the outbox of one client. */
export interface ResourceContext {
  readonly http: Http;
  readonly outbox: Outbox;
  readonly clock: Clock;
}
