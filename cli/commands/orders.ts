// `atelier orders serve ...`: the order intake for a web shop (cli/queue/intake.ts). Node only.
import { UserError } from '../../core/errors';

export async function runOrders(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'serve') throw new UserError(`"atelier orders" needs a subcommand: serve${sub === undefined ? '' : ` (got "${sub}")`}. Try atelier --help.`);
  return (await import('../queue/intake')).runIntake(rest);
}
