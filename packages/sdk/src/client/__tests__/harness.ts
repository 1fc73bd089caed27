/** Test seams: a clock whose timers run when told, and a scripted transport that records requests. */
import type { Clock } from '../clock.js';
import type { TransportRequest, TransportResponse } from '../transport.js';

export interface ManualClock extends Clock {
  /** Delays asked of setTimeout, in order. */
  readonly delays: number[];
  /** Moves time on and runs the timers that fall due, letting their async work settle. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  const timers = new Set<{ at: number; run: () => void }>();
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    setTimeout(run, ms) {
      delays.push(ms);
      const timer = { at: now + ms, run };
      timers.add(timer);
      return timer;
    },
    clearTimeout(handle) {
      timers.delete(handle as { at: number; run: () => void });
    },
    async advance(ms) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) {
          timers.delete(timer);
          timer.run();
        }
      }
      await settle();
    },
    pendingTimers: () => timers.size,
  };
}

/** Lets queued promise chains run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export type Script = (request: TransportRequest) => TransportResponse | Error;

export function json(status: number, body: unknown): TransportResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A transport answering from `script`; an `Error` result plays a dropped connection. */
export function scriptedTransport(script: Script) {
  const requests: TransportRequest[] = [];
  const transport = async (request: TransportRequest): Promise<TransportResponse> => {
    requests.push(request);
    const answer = script(request);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { transport, requests };
}

/**
 * A stand-in for the server's write routes as the outbox sees them: the first request with a key stores
 * the body, a repeat answers 200 with the first result. Enough to count records, not a model of the server.
 */
export function idempotentSink() {
  const stored = new Map<string, unknown>();
  const order: unknown[] = [];
  function answer(request: TransportRequest): TransportResponse {
    const key = request.headers['Idempotency-Key'] ?? '';
    const previous = stored.get(key);
    if (previous !== undefined) return json(200, previous);
    const body = JSON.parse(request.body ?? 'null') as unknown;
    const result = { record: { id: `r${stored.size + 1}`, body }, issues: [] };
    stored.set(key, result);
    order.push(body);
    return json(201, result);
  }
  return { answer, stored, order };
}
