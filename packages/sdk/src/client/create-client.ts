import mitt, { type Emitter } from 'mitt';
import type { BackoffPolicy } from './backoff.js';
import { type Clock, systemClock } from './clock.js';
import { createFetchTransport } from './fetch-transport.js';
import { type AuthMode, createHttp, type HttpRequest } from './http.js';
import { newIdempotencyKey, type Random } from './ids.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import { type AlertsClient, createAlertsClient } from './resources/alerts.js';
import { type AuthClient, createAuthClient } from './resources/auth.js';
import { type CamerasClient, createCamerasClient } from './resources/cameras.js';
import { type ComplaintsClient, createComplaintsClient } from './resources/complaints.js';
import type { ResourceContext } from './resources/context.js';
import { createDevicesClient, type DevicesClient } from './resources/devices.js';
import { createInspectionsClient, type InspectionsClient } from './resources/inspections.js';
import { createLedgersClient, type LedgersClient } from './resources/ledgers.js';
import { createNoticesClient, type NoticesClient } from './resources/notices.js';
import { createOpenDataClient, type OpenDataClient } from './resources/open-data.js';
import { createPublicVenuesClient, type PublicVenuesClient } from './resources/public-venues.js';
import { createRatingsClient, type RatingsClient } from './resources/ratings.js';
import { createRectificationsClient, type RectificationsClient } from './resources/rectifications.js';
import { createRegionsClient, type RegionsClient } from './resources/regions.js';
import { createSamplingClient, type SamplingClient } from './resources/sampling.js';
import { createVenuesClient, type VenuesClient } from './resources/venues.js';
import { createSessionStore, type Session } from './session.js';
import { defaultHashing, type Hashing } from './signing.js';
import type { RealtimeSocket } from './socket.js';
import { createMemoryStorage, type KeyValueStorage } from './storage.js';
import type { Transport } from './transport.js';

/** How the client authenticates: a user session (default) or a partner key signing every request. */
export type ClientAuth =
  | { readonly kind: 'user' }
  | { readonly kind: 'partner'; readonly keyId: string; readonly secret: string };

/** Options of {@link createClient}: the server's origin and the platform seams; only `baseURL` is required. */
export interface ClientOptions {
  /** Server origin, e.g. `http://127.0.0.1:8080` (routes add `/v1/…`). */
  readonly baseURL: string;
  /** The HTTP seam; `fetch` (see {@link createFetchTransport}) by default where the host has it. */
  readonly transport?: Transport;
  /** Where the session and the outbox live; in memory when absent (nothing survives a restart). */
  readonly storage?: KeyValueStorage;
  /** Storage key prefix; give two clients sharing one storage different namespaces. Default `bk`. */
  readonly namespace?: string;
  readonly auth?: ClientAuth;
  /** HMAC-SHA256 and SHA-256 for partner auth; the SDK's own ({@link defaultHashing}) by default. */
  readonly hashing?: Hashing;
  readonly clock?: Clock;
  readonly random?: Random;
  /** Makes idempotency keys and outbox ids; the host's `crypto.randomUUID` or a UUID v4 by default. */
  readonly newId?: () => string;
  readonly outbox?: {
    /** Send queued writes automatically (default `true`); otherwise call `outbox.flush()`. */
    readonly autoStart?: boolean;
    readonly backoff?: BackoffPolicy;
  };
  /** Realtime seam (MQTT); not used yet, kept for the devices issue. */
  readonly socket?: RealtimeSocket;
}

/** Client-wide events. */
export type ClientEvents = {
  /** Logged in, refreshed or logged out (`null`). */
  session: Session | null;
};

/** One facade over every resource, owning its session, outbox and events. Nothing is shared between clients. */
export interface BrightKitchenClient {
  readonly auth: AuthClient;
  readonly regions: RegionsClient;
  readonly venues: VenuesClient;
  readonly ledgers: LedgersClient;
  readonly ratings: RatingsClient;
  readonly notices: NoticesClient;
  readonly rectifications: RectificationsClient;
  readonly sampling: SamplingClient;
  readonly inspections: InspectionsClient;
  readonly complaints: ComplaintsClient;
  readonly alerts: AlertsClient;
  readonly cameras: CamerasClient;
  readonly devices: DevicesClient;
  readonly publicVenues: PublicVenuesClient;
  readonly openData: OpenDataClient;
  readonly outbox: Outbox;
  readonly events: Emitter<ClientEvents>;
  readonly socket: RealtimeSocket | undefined;
  /**
   * Calls a route no resource client covers, through this client's session, refresh and typed errors (the
   * `./training` entry's `createTrainingClient` builds on it).
   */
  request<T>(request: HttpRequest): Promise<T>;
  /** Stops the outbox's timers; stored writes stay for the next client. */
  close(): void;
}

/**
 * Creates a client. Everything platform-specific is injected.
 *
 * @example
 * const client = createClient({ baseURL: 'http://127.0.0.1:8080', transport, storage });
 * await client.auth.login('staff1', 'secret');
 * const queued = await client.ledgers.submit(venueId, record);
 * const outcome = await queued.settled; // { state: 'sent', status: 201, result: { record, issues } }
 */
export function createClient(options: ClientOptions): BrightKitchenClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? newIdempotencyKey;
  const storage = options.storage ?? createMemoryStorage();
  const namespace = options.namespace ?? 'bk';
  const events = mitt<ClientEvents>();

  const auth = authMode(options);
  const sessions = createSessionStore(storage, `${namespace}:session`, (s) => events.emit('session', s));
  const transport = options.transport ?? (hasFetch() ? createFetchTransport() : undefined);
  const http = createHttp({ baseURL: options.baseURL, transport, auth, sessions, clock });
  const outbox = createOutbox({
    storage,
    namespace,
    clock,
    random,
    newId,
    ...(options.outbox?.backoff ? { backoff: options.outbox.backoff } : {}),
    send: (item) =>
      http.send({
        method: 'POST',
        path: item.path,
        body: item.body,
        headers: { 'Idempotency-Key': item.idempotencyKey },
      }),
  });
  const context: ResourceContext = { http, outbox, clock };

  if (options.outbox?.autoStart !== false) outbox.start();

  return {
    auth: createAuthClient(context),
    regions: createRegionsClient(context),
    venues: createVenuesClient(context),
    ledgers: createLedgersClient(context, newId),
    ratings: createRatingsClient(context),
    notices: createNoticesClient(context),
    rectifications: createRectificationsClient(context),
    sampling: createSamplingClient(context),
    inspections: createInspectionsClient(context),
    complaints: createComplaintsClient(context),
    alerts: createAlertsClient(context),
    cameras: createCamerasClient(context),
    devices: createDevicesClient(context),
    publicVenues: createPublicVenuesClient(context),
    openData: createOpenDataClient(context),
    outbox,
    events,
    socket: options.socket,
    request: (request) => http.call(request),
    close: () => outbox.stop(),
  };
}

function authMode(options: ClientOptions): AuthMode {
  const auth = options.auth ?? { kind: 'user' };
  if (auth.kind === 'user') return auth;
  return { ...auth, hashing: options.hashing ?? defaultHashing };
}

function hasFetch(): boolean {
  return typeof (globalThis as { fetch?: unknown }).fetch === 'function';
}
