// Command-line option parsing for every atelier command: `--name value`, `--name=value`, repeatable options,
// flags and positional arguments, with messages that name the bad option and list the allowed ones.
// Node-free; imports core/errors only.
import { UserError } from '../core/errors';

export interface OptionSpec {
  /** flag: no value; value: one value; multi: repeatable. */
  kind: 'flag' | 'value' | 'multi';
  /** Allowed values (checked here, so every command reports them the same way). */
  choices?: readonly string[];
  /** Shown in messages, e.g. `NAME=VALUE`. */
  meta?: string;
}

export interface CommandSpec {
  command: string;
  /** Names of the positional arguments, for messages. */
  positionals: readonly string[];
  /** Minimum number of positionals (default: all). */
  minPositionals?: number;
  options: Record<string, OptionSpec>;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  multi: Map<string, string[]>;
}

function usageLine(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([n, o]) => (o.kind === 'flag' ? `--${n}` : `--${n} ${o.meta ?? (o.choices ? o.choices.join('|') : 'VALUE')}`));
  return `atelier ${spec.command} ${spec.positionals.map((p) => `<${p}>`).join(' ')} ${opts.map((o) => `[${o}]`).join(' ')}`.replace(/\s+/g, ' ').trim();
}

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map(), multi: new Map() };
  const allowed = Object.keys(spec.options).map((n) => `--${n}`).join(', ');
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyPositionals || !a.startsWith('--') || a === '-') {
      if (!onlyPositionals && a.startsWith('-') && a.length > 1 && a !== '-')
        throw new UserError(`Unknown option "${a}" for "atelier ${spec.command}"; allowed: ${allowed || 'none'}.\nUsage: ${usageLine(spec)}`);
      out.positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const opt = spec.options[name];
    if (!opt) throw new UserError(`Unknown option "--${name}" for "atelier ${spec.command}"; allowed: ${allowed || 'none'}.\nUsage: ${usageLine(spec)}`);
    if (opt.kind === 'flag') {
      if (eq >= 0) throw new UserError(`Option --${name} takes no value.`);
      out.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        throw new UserError(`Option --${name} needs a value (${opt.meta ?? (opt.choices ? opt.choices.join(' | ') : 'VALUE')}).`);
      i++;
    }
    if (opt.choices && !opt.choices.includes(value))
      throw new UserError(`Option --${name} cannot be "${value}"; allowed: ${opt.choices.join(', ')}.`);
    if (opt.kind === 'multi') out.multi.set(name, [...(out.multi.get(name) ?? []), value]);
    else {
      if (out.values.has(name)) throw new UserError(`Option --${name} is given twice; give it once.`);
      out.values.set(name, value);
    }
  }
  const min = spec.minPositionals ?? spec.positionals.length;
  if (out.positionals.length < min)
    throw new UserError(`"atelier ${spec.command}" needs ${spec.positionals.slice(out.positionals.length, min).map((p) => `<${p}>`).join(' ')}.\nUsage: ${usageLine(spec)}`);
  if (out.positionals.length > spec.positionals.length)
    throw new UserError(`"atelier ${spec.command}" takes ${spec.positionals.length} argument${spec.positionals.length === 1 ? '' : 's'}; unexpected "${out.positionals[spec.positionals.length]}".\nUsage: ${usageLine(spec)}`);
  return out;
}

/** `--set NAME=VALUE` pairs → an input record; later wins; NAME must be an identifier. */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    const name = eq > 0 ? s.slice(0, eq).trim() : '';
    if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UserError(`--set "${s}" is not NAME=VALUE (NAME is a parameter id such as width).`);
    out[name] = s.slice(eq + 1);
  }
  return out;
}
