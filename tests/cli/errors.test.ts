// Every kind of bad input to the real CLI: exit 2, a message naming the problem and what is allowed, no stack trace
// and no output file (nor temp file) left behind.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_RE, runCli, tempDir } from '../manufacturing/tools';
import { leftovers, plateModel, writeJson } from './fixtures';

let dir: string;
let model: string;
const INPUTS = ['plate.model.json', 'broken.model.json', 'invalid.model.json', 'bad.atelier.json', 'junk.3mf', 'a-file'];

beforeAll(() => {
  dir = tempDir('cli-errors');
  model = writeJson(dir, 'plate.model.json', plateModel());
  writeJson(dir, 'broken.model.json', '{\n  "format": "atelier-model/1",\n  "id": "x",\n  "parameters": [\n    { "id": "w", }\n');
  const invalid = plateModel() as { parameters: Record<string, unknown>[] };
  invalid.parameters[0]!.max = 'lots';
  writeJson(dir, 'invalid.model.json', invalid);
  writeJson(dir, 'bad.atelier.json', { format: 'atelier-design/1', model: { id: 'no-such-model', version: '1.0.0' }, values: {} });
  writeFileSync(path.join(dir, 'junk.3mf'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]));
  writeFileSync(path.join(dir, 'a-file'), 'not a folder');
});

async function expectBadInput(args: string[], message: RegExp): Promise<string> {
  const r = await runCli(args, { cwd: dir });
  expect(r.code, `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr + r.stdout).not.toMatch(STACK_RE);
  expect(leftovers(dir, INPUTS), 'no output or temp file left').toEqual([]);
  return r.stderr;
}

describe('atelier CLI refuses bad input with exit 2', () => {
  it('unknown model, naming the catalog', async () => {
    const err = await expectBadInput(['export', 'no-such-model', '--out', 'out.stl'], /Unknown model "no-such-model"; the catalog has: /);
    expect(err.split('catalog has:')[1]!.trim().length).toBeGreaterThan(0);
  });
  it('unknown parameter', async () => {
    await expectBadInput(['export', model, '--set', 'colour=red', '--out', 'out.stl'], /colour/);
  });
  it('out-of-range value, with the allowed range', async () => {
    const err = await expectBadInput(['export', model, '--set', 'width=900', '--out', 'out.3mf'], /width/);
    expect(err).toMatch(/20/);
    expect(err).toMatch(/300/);
  });
  it('mistyped values', async () => {
    await expectBadInput(['export', model, '--set', 'width=wide', '--out', 'out.stl'], /width/);
    await expectBadInput(['export', model, '--set', 'holes=2.5', '--out', 'out.stl'], /holes/);
    await expectBadInput(['export', model, '--set', 'stand=maybe', '--out', 'out.stl'], /stand/);
    await expectBadInput(['export', model, '--set', 'finish=shiny', '--out', 'out.stl'], /finish[\s\S]*(flat|bevel)/);
  });
  it('several problems at once are all reported', async () => {
    const err = await expectBadInput(['export', model, '--set', 'width=900', '--set', 'holes=x', '--out', 'out.stl'], /width/);
    expect(err).toMatch(/holes/);
  });
  it('violated constraint, with the model’s own message', async () => {
    await expectBadInput(['export', model, '--set', 'width=30', '--set', 'depth=20', '--out', 'out.stl'], /at least twice as wide as it is deep/);
  });
  it('unknown preset, listing the presets', async () => {
    await expectBadInput(['export', model, '--preset', 'huge', '--out', 'out.stl'], /huge[\s\S]*large/);
  });
  it('malformed model files: syntax error with its line, schema error with its path', async () => {
    await expectBadInput(['info', 'broken.model.json'], /broken\.model\.json:\d+/);
    await expectBadInput(['export', 'invalid.model.json', '--out', 'out.stl'], /parameters\[0\]\.max|parameters\/0\/max|max/);
  });
  it('malformed design and 3MF files', async () => {
    await expectBadInput(['export', 'bad.atelier.json', '--out', 'out.stl'], /no-such-model/);
    await expectBadInput(['info', 'junk.3mf'], /junk\.3mf|3MF|zip/i);
    await expectBadInput(['info', 'missing.json'], /missing\.json does not exist/);
  });
  it('unwritable or unknown output', async () => {
    await expectBadInput(['export', model, '--out', 'no-dir/out.stl'], /Cannot write .*no-dir.*does not exist/);
    await expectBadInput(['export', model, '--out', 'a-file/out.stl'], /Cannot write/);
    await expectBadInput(['export', model, '--out', 'out.obj'], /\.stl, \.3mf, \.glb, \.usdz/);
    await expectBadInput(['export', model], /needs --out/);
    if (process.getuid?.() !== 0) {
      const ro = path.join(dir, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o555);
      INPUTS.push('ro');
      await expectBadInput(['export', model, '--out', 'ro/out.stl'], /no permission/);
    }
  });
  it('bad options and commands', async () => {
    await expectBadInput(['export', model, '--quality', 'best', '--out', 'out.stl'], /preview, final/);
    await expectBadInput(['export', model, '--colour', 'red', '--out', 'out.stl'], /Unknown option "--colour"/);
    await expectBadInput(['frobnicate'], /unknown command "frobnicate"; commands: list, info, export, check, batch, serve/);
    await expectBadInput(['export', model, '--printer', 'hal-9000', '--out', 'out.stl'], /Unknown printer "hal-9000"; known printers: /);
    await expectBadInput(['batch', 'orders.txt', '--out-dir', 'o'], /\.csv or a \.json/);
    await expectBadInput(['batch', 'missing.csv', '--out-dir', 'o'], /does not exist/);
  });
});
