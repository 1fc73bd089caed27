/**
 * SIGTERM and SIGINT as one AbortSignal for `bk-server start`: the first asks the process to stop cleanly, and
 * whatever it is doing checks the signal (starting, seeding the demo city, serving); a second one exits at once.
 */
import { constants } from 'node:os';

/** Why the signal aborted: the name of the process signal. */
export class StopRequested extends Error {
  constructor(readonly signalName: NodeJS.Signals) {
    super(`${signalName}: stopping`);
    this.name = 'StopRequested';
  }
}

export function stopOnSignals(say: (message: string) => void): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      say(`${name} again: exiting now`);
      process.exit(128 + (constants.signals[name] ?? 0));
    }
    say(`${name}: stopping cleanly (send it again to exit at once)`);
    controller.abort(new StopRequested(name));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return controller.signal;
}

/** Resolves when the signal aborts (at once when it already has). */
export function stopRequested(signal: AbortSignal): Promise<void> {
  return signal.aborted
    ? Promise.resolve()
    : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
