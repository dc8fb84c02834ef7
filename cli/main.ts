// The `atelier` command: dispatches to the commands, and is the one place errors become exit codes:
// bad input → its problems and exit 2; anything unexpected → one line and exit 70. Never a stack trace
// (ATELIER_DEBUG=1 prints one to stderr for developers). Node only; imports core/ and cli/ only.
import { setFlagsFromString } from 'node:v8';
import { isUserError } from '../core/errors';
import { atelierVersion } from './version';
import { printError, printLine, printProblems } from './output';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 70;

const HELP = `Atelier: parametric products, personalised and ready to manufacture.

Usage:
  atelier list [--json]
  atelier info <model-id | model.json | design.json | file.3mf> [--json]
  atelier export <model-id | model.json | design.json | file.3mf> [--set NAME=VALUE]... [--preset NAME]
                 [--quality preview|final] [--printer ID] [--force] --out FILE.stl|FILE.3mf|FILE.glb|FILE.usdz [--json]
  atelier check <model-id | model.json | design.json | file.3mf> [--set NAME=VALUE]... [--preset NAME] [--printer ID] [--fix] [--slice] [--json]
  atelier batch <orders.csv | orders.json> --out-dir DIR [--format 3mf|stl] [--jobs N] [--name TEMPLATE] [--fix] [--printer ID] [--slice]
  atelier batch <orders.csv | orders.json> --out-dir DIR --queue redis://HOST:PORT [--format 3mf|stl] [--name TEMPLATE] [--fix]
  atelier worker --queue redis://HOST:PORT [--jobs N]
  atelier orders serve --queue redis://HOST:PORT --out-dir DIR [--token-file FILE] [--mapping FILE] [--port N] [--host 127.0.0.1]
  atelier serve [--port N] [--host 127.0.0.1]
  atelier --help | --version

Exit codes: 0 success; 1 not printable (check, export without --force) or some batch orders failed;
2 bad input (the message says what is wrong and what is allowed); 70 internal error.`;

const COMMANDS = ['list', 'info', 'export', 'check', 'batch', 'serve', 'worker', 'orders'];

/** Commands that build one design and exit (batch, worker and serve run long and keep V8's defaults). */
const ONE_SHOT = ['info', 'export', 'check'];

/**
 * A process that builds one design ends before V8's optimising WebAssembly tier pays off: it would compile manifold's
 * hot functions a second time on the other core while the first tier already runs them. Baseline code only
 * (measured on the mug: about 45 % less CPU for a preview, 20 % for a final export). Must run before manifold's
 * module is compiled; the flag is process-wide, so only for one-shot commands.
 */
function quickWasm(): void {
  setFlagsFromString('--liftoff-only');
}

async function dispatch(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    printLine(HELP);
    return cmd === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (cmd === '--version' || cmd === '-v') {
    printLine(atelierVersion());
    return EXIT_OK;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    printLine(HELP);
    return EXIT_OK;
  }
  // commands load lazily: `--version` or `serve` never pays for the geometry kernel
  if (ONE_SHOT.includes(cmd)) quickWasm();
  switch (cmd) {
    case 'list':
      return (await import('./commands/list')).runList(rest);
    case 'info':
      return (await import('./commands/info')).runInfo(rest);
    case 'export':
      return (await import('./commands/export')).runExport(rest);
    case 'check':
      return (await import('./commands/check')).runCheck(rest);
    case 'batch':
      return (await import('./batch/run')).runBatch(rest);
    case 'worker':
      return (await import('./commands/worker')).runWorker(rest);
    case 'orders':
      return (await import('./commands/orders')).runOrders(rest);
    case 'serve':
      return (await import('./commands/serve')).runServe(rest);
    default:
      printError(`atelier: unknown command "${cmd}"; commands: ${COMMANDS.join(', ')}. Try atelier --help.`);
      return EXIT_BAD_INPUT;
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    if (isUserError(e)) {
      printProblems(e.problems);
      return EXIT_BAD_INPUT;
    }
    const msg = e instanceof Error ? e.message : String(e);
    printError(`atelier: internal error: ${msg.split('\n')[0]}`); // the message may quote a file's text
    if (process.env.ATELIER_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT_INTERNAL;
  }
}
