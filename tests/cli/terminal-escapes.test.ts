// Text from untrusted files never reaches the terminal raw: `atelier info` on a model whose name and description
// carry escape sequences, and `atelier batch` reporting a failing order whose id carries them, print visible
// escapes instead (no ESC, BEL, C1 CSI or bidi override byte in the output).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../manufacturing/tools';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('terminal escape sequences from files', () => {
  it('info neutralises control characters in a model name and description', async () => {
    const dir = tempDir('escapes-info');
    const src = path.join(ROOT, 'assets', 'models', 'keychain', 'keychain.model.json');
    const model = JSON.parse(readFileSync(src, 'utf8')) as Record<string, unknown>;
    model.name = 'Key\u001b]0;owned\u0007chain';
    model.description = 'Tag \u001b[2J\u001b[31mred\u009b1m \u202eevil';
    const file = path.join(dir, 'keychain.model.json');
    writeFileSync(file, JSON.stringify(model));
    copyFileSync(path.join(path.dirname(src), 'thumbnail.png'), path.join(dir, 'thumbnail.png'));
    const r = await runCli(['info', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('Key\\x1b]0;owned\\x07chain');
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });

  it('batch neutralises control characters in a failing order id', async () => {
    const dir = tempDir('escapes-batch');
    const input = path.join(dir, 'orders.json');
    writeFileSync(input, JSON.stringify([{ order: 'A\u001b[2J\u001b]0;x\u0007', model: 'no-such-model' }]));
    const r = await runCli(['batch', input, '--out-dir', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('A\\x1b[2J');
    expect(r.stderr.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});
