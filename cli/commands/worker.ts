// `atelier worker --queue redis://HOST:PORT [--jobs N]`: builds queued orders on this machine, N at once, until
// SIGTERM or Ctrl-C, which let the orders being built finish (a second signal stops at once: their jobs are taken
// back by another worker once their locks run out). Node only.
import { hostname } from 'node:os';
import { UserError } from '../../core/errors';
import { parseArgs } from '../args';
import { catalogData } from '../catalog';
import { printError, printLine } from '../output';
import { reachRedis } from '../queue/connection';
import { startConsumer } from '../queue/consumer';
import { QUEUE_NAME } from '../queue/jobs';

/** A job's lock, ms: long enough for any one build, short enough that a dead worker's order is soon taken back. */
function lockMs(): number {
  const v = process.env.ATELIER_QUEUE_LOCK_MS;
  if (v === undefined || v === '') return 30_000;
  if (!/^\d+$/.test(v) || Number(v) < 500 || Number(v) > 3_600_000) throw new UserError(`ATELIER_QUEUE_LOCK_MS must be milliseconds from 500 to 3600000; got "${v}".`);
  return Number(v);
}

export async function runWorker(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { command: 'worker', positionals: [], options: { queue: { kind: 'value', meta: 'redis://HOST:PORT' }, jobs: { kind: 'value', meta: 'N' } } });
  const url = a.values.get('queue');
  if (!url) throw new UserError('"atelier worker" needs --queue redis://HOST:PORT (the Redis that holds the orders).');
  const jobsArg = a.values.get('jobs') ?? '1';
  if (!/^\d+$/.test(jobsArg) || Number(jobsArg) < 1 || Number(jobsArg) > 256) throw new UserError(`--jobs must be a whole number from 1 to 256; got "${jobsArg}".`);
  const jobs = Number(jobsArg);
  const lock = lockMs();
  catalogData(); // a broken catalog is bad input (exit 2), not a failure of every order
  const address = await reachRedis(url);
  const name = `${hostname()}:${process.pid}`;

  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((r) => (resolveDone = r));
  let closing = false;
  const consumer = startConsumer({
    address,
    jobs,
    lockMs: lock,
    name,
    log: (line) => printLine(`atelier worker: ${line}`),
    fatal: (why) => {
      printError(`atelier worker: ${why}; stopping.`);
      closing = true;
      void consumer.close().finally(() => resolveDone(70));
    },
  });
  void consumer.ready.then(() => printLine(`atelier worker ${name}: ${jobs} builder${jobs > 1 ? 's' : ''} ready on ${address.host}:${address.port} (queue ${QUEUE_NAME}); Ctrl-C or SIGTERM to stop`));

  const onSignal = (sig: NodeJS.Signals): void => {
    if (closing) {
      printLine(`atelier worker: ${sig} again: stopping now; orders being built go back to the queue.`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
    closing = true;
    printLine(`atelier worker: ${sig}: finishing the orders being built, then stopping.`);
    void consumer.close().finally(() => resolveDone(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (code === 0) printLine('atelier worker: stopped.');
  return code;
}
