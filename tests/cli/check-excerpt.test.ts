// `atelier check` on a model file with mistakes prints, under each located problem, the offending line of the file
// and a caret under the column (core/model/excerpt.ts's two-line form), so a designer sees where without an editor.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_RE, runCli, tempDir } from '../manufacturing/tools';
import { plateModel } from './fixtures';

let dir: string;

beforeAll(() => {
  dir = tempDir('cli-excerpt');
  // a valid model with the comma after "version" removed: the error is at the end of "1.0.0" on line 6
  const lines = JSON.stringify(plateModel(), null, 2).split('\n');
  const i = lines.findIndex((l) => l.includes('"version"'));
  lines[i] = lines[i]!.replace(/,$/, '');
  writeFileSync(path.join(dir, 'comma.model.json'), lines.join('\n'));
  // a schema problem inside a line holding a control character and a bidi override
  const model = plateModel() as { name: string; parameters: Record<string, unknown>[] };
  model.parameters[0]!.max = 'lots';
  model.name = 'Plate \u001b[31m\u202e';
  writeFileSync(path.join(dir, 'schema.model.json'), JSON.stringify(model, null, 2));
});

/** stderr's lines after the problem line matching `re`: the excerpt's two lines. */
function excerptAfter(stderr: string, re: RegExp): [string, string] {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => re.test(l));
  expect(at, stderr).toBeGreaterThanOrEqual(0);
  return [lines[at + 1]!, lines[at + 2]!];
}

describe('atelier check prints the line of a located problem with a caret', () => {
  it('a missing comma: the line, and the caret just after the last good token', async () => {
    const r = await runCli(['check', 'comma.model.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_RE);
    const [src, caret] = excerptAfter(r.stderr, /comma\.model\.json:6:\d+: .*',' is expected/);
    const column = Number(/comma\.model\.json:6:(\d+)/.exec(r.stderr)![1]);
    expect(src).toBe('    6 |   "version": "1.0.0"');
    expect(caret).toMatch(/^ {4} {2}\| +\^$/);
    // the caret stands under the column the problem line names, right after the closing quote
    const bar = src.indexOf('| ') + 2;
    expect(caret.indexOf('^') - bar + 1).toBe(column);
    expect(src[caret.indexOf('^') - 1]).toBe('"');
  });

  it('a schema problem: the line of the value, made safe for the terminal', async () => {
    const r = await runCli(['check', 'schema.model.json'], { cwd: dir });
    expect(r.code).toBe(2);
    const [src, caret] = excerptAfter(r.stderr, /schema\.model\.json:\d+:\d+: .*\(at \$\.parameters\[0\]\.max\)/);
    expect(src).toMatch(/^ +\d+ \| +"max": "lots",?$/);
    expect(caret.trimEnd()).toMatch(/\^$/);
    expect(src[caret.indexOf('^')]).toBe('"');
    // the file's escape and bidi override never reach the terminal raw
    expect(r.stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
