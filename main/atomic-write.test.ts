// Atomic saves: a child process writing big files in a loop is killed with SIGKILL mid-write; the target
// must then hold exactly one complete version (old or new), never a torn mix, and temp files never replace it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

const dir = mkdtempSync(path.join(tmpdir(), 'atelier-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 8 * 1024 * 1024;
/** Version n: SIZE bytes all equal to n (so a torn file shows mixed bytes or a short length). */
const version = (n: number) => new Uint8Array(SIZE).fill(n);
function checkWhole(file: string): number {
  const b = readFileSync(file);
  expect(b.length).toBe(SIZE);
  const first = b[0]!;
  expect(b.every((x) => x === first)).toBe(true);
  return first;
}

describe('writeFileAtomic', () => {
  it('writes and replaces a file and leaves no temp files', async () => {
    const f = path.join(dir, 'a.atelier.json');
    await writeFileAtomic(f, '{"v":1}');
    await writeFileAtomic(f, '{"v":2}');
    expect(readFileSync(f, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('fails cleanly into a missing folder, leaving nothing behind', async () => {
    await expect(writeFileAtomic(path.join(dir, 'nope', 'x.json'), 'x')).rejects.toThrow();
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
  });

  it('survives SIGKILL mid-write: the old or the new file, never a broken one', async () => {
    const target = path.join(dir, 'design.3mf');
    writeFileSync(target, version(1));
    const child = `
      import { writeFileAtomic } from ${JSON.stringify(path.resolve(__dirname, 'atomic-write.ts'))};
      const SIZE = ${SIZE};
      let n = 2;
      process.stdout.write('ready\\n');
      for (;;) { await writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(SIZE).fill(n)); n = n === 250 ? 2 : n + 1; process.stdout.write('w\\n'); }
    `;
    const seen = new Set<number>();
    for (let round = 0; round < 6; round++) {
      const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
      let writes = 0;
      await new Promise<void>((resolve) => {
        p.stdout.on('data', (d: Buffer) => {
          writes += (d.toString().match(/w/g) ?? []).length;
          // kill at a different moment each round: before the first rename, and during later writes
          if ((round === 0 && d.toString().includes('ready')) || (round > 0 && writes >= round)) {
            setTimeout(() => p.kill('SIGKILL'), round * 7);
          }
        });
        p.on('exit', () => resolve());
      });
      seen.add(checkWhole(target));
    }
    // it really wrote new versions before some kills (otherwise the test proves nothing)
    expect([...seen].some((v) => v !== 1)).toBe(true);
  });
});
