// `atelier worker` processes for the queue tests: started with a short job lock (a killed worker's order is taken
// back within seconds), their output kept line by line, ready when they say so. Test code; Node only.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from '../manufacturing/tools';

export interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** When each line arrived (Date.now()), for benchmarks. */
  times: number[];
  /** Orders this worker reports as built ("built order X (row N)"). */
  built(): string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export const LOCK_MS = '2000';

export async function startWorker(url: string, env: Record<string, string>, jobs = 1): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--jobs', String(jobs)], {
    env: { ...process.env, ATELIER_DEBUG: '', ATELIER_QUEUE_LOCK_MS: LOCK_MS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const times: number[] = [];
  let partial = '';
  const onData = (d: string): void => {
    const parts = (partial + d).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const _ of parts) times.push(Date.now());
  };
  child.stdout!.setEncoding('utf8').on('data', onData);
  child.stderr!.setEncoding('utf8').on('data', onData);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const t0 = Date.now();
  while (!lines.some((l) => /ready on/.test(l))) {
    if (child.exitCode !== null || Date.now() - t0 > 60_000) throw new Error(`worker did not start:\n${lines.join('\n')}${partial}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    lines,
    times,
    built: () => lines.flatMap((l) => /built order (\S+) \(row (\d+)\)/.exec(l)?.slice(1, 3).join('@') ?? []),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function until(what: string, cond: () => boolean, ms = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
