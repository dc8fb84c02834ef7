// Placeholder until the order intake lands.
import { UserError } from '../../core/errors';

export function runIntake(_argv: string[]): Promise<number> {
  return Promise.reject(new UserError('"atelier orders serve" is not available yet.'));
}
