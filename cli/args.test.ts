// Unit tests for option parsing: forms of options, repeatable --set, and messages that list what is allowed.
import { describe, expect, it } from 'vitest';
import { parseArgs, parseSets } from './args';

const spec = {
  command: 'export',
  positionals: ['model'],
  options: { set: { kind: 'multi' }, quality: { kind: 'value', choices: ['preview', 'final'] }, json: { kind: 'flag' }, out: { kind: 'value' } },
} as const;

describe('parseArgs', () => {
  it('accepts --name value, --name=value, repeats and flags', () => {
    const a = parseArgs(['mug', '--set', 'a=1', '--set=b=2', '--quality=final', '--json', '--out', 'x.stl'], spec);
    expect(a.positionals).toEqual(['mug']);
    expect(a.multi.get('set')).toEqual(['a=1', 'b=2']);
    expect(a.values.get('quality')).toBe('final');
    expect(a.flags.has('json')).toBe(true);
  });
  it('names the bad option and what is allowed', () => {
    expect(() => parseArgs(['mug', '--colour', 'red'], spec)).toThrow(/Unknown option "--colour".*allowed: --set, --quality, --json, --out/s);
    expect(() => parseArgs(['mug', '--quality', 'best'], spec)).toThrow(/cannot be "best"; allowed: preview, final/);
    expect(() => parseArgs(['mug', '--out'], spec)).toThrow(/--out needs a value/);
    expect(() => parseArgs([], spec)).toThrow(/needs <model>/);
    expect(() => parseArgs(['a', 'b'], spec)).toThrow(/unexpected "b"/);
    expect(() => parseArgs(['mug', '-x'], spec)).toThrow(/Unknown option "-x"/);
  });
  it('parses --set pairs', () => {
    expect(parseSets(['width=80', 'name=a=b'])).toEqual({ width: '80', name: 'a=b' });
    expect(() => parseSets(['=3'])).toThrow(/NAME=VALUE/);
    expect(() => parseSets(['9x=3'])).toThrow(/NAME=VALUE/);
  });
});
