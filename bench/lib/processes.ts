/** Child processes and readiness polling shared by the benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';

export { freePort } from '../../tests/setup/free-port.js';

export interface Started {
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on the ready URL. */
  readonly readyMs: number;
  stop(): Promise<void>;
}

/** Spawns `node args…` and polls `readyUrl` every 10 ms until it answers 200 (or the timeout passes). */
export async function startProcess(
  args: readonly string[],
  readyUrl: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${readyUrl} not ready after ${timeoutMs} ms`);
    }
    try {
      const res = await fetch(readyUrl);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  return {
    child,
    readyMs,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
