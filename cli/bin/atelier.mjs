#!/usr/bin/env node
// Launcher for the `atelier` command: runs the TypeScript CLI through tsx so `npx atelier` works right after `npm install`.
// Last line of defence against stack traces: anything escaping main() becomes one line and exit 70.
import { register } from 'tsx/esm/api';

const die = (e) => {
  process.stderr.write(`atelier: internal error: ${String(e?.message ?? e).split('\n')[0]}\n`);
  if (process.env.ATELIER_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  process.exit(70);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
process.stdout.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : die(e)));

try {
  register();
  const { main } = await import('../main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  die(e);
}
