// Atomic output files for the CLI: write a temp file beside the target, fsync, rename; never half a file,
// and nothing left behind on failure. Temp names start with `.` and end with `.atelier-tmp` so a batch
// re-run can sweep what a killed run left. Node only.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';

export const TEMP_SUFFIX = '.atelier-tmp';

/** A unique temp name for `file`, beside it or in `tempDir` (which must be on the same filesystem). */
export function tempNameFor(file: string, tempDir = path.dirname(file)): string {
  return path.join(tempDir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

function describeFsError(e: unknown, file: string): UserError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const dir = path.dirname(file);
  const why =
    code === 'ENOENT' ? `its folder ${dir} does not exist`
    : code === 'EACCES' || code === 'EPERM' ? `there is no permission to write in ${dir}`
    : code === 'EROFS' ? `${dir} is on a read-only filesystem`
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EISDIR' ? `${file} is a folder`
    : code === 'ENOTDIR' ? `a part of ${dir} is not a folder`
    : `the system refused (${code ?? 'unknown error'})`;
  return new UserError(`Cannot write ${file}: ${why}. Choose a writable location with --out.`);
}

/**
 * Writes bytes to `file` atomically (sync: callers are CLI commands and batch workers). Throws UserError on failure.
 * `tempDir` (same filesystem) keeps even a SIGKILLed write's partial temp file out of the target's folder.
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array | string, tempDir?: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
  } catch (e) {
    throw describeFsError(e, file);
  }
  const tmp = tempNameFor(file, tempDir);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw describeFsError(e, file);
  }
  try {
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw describeFsError(e, file);
  }
  syncDir(path.dirname(file));
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems refuse fsync on folders; the data itself is synced
  }
}

/** Removes temp files a killed run left in `dir` (only ours: `.NAME.PID-HEX.atelier-tmp`). Returns how many. */
export function sweepTempFiles(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) {
    if (f.startsWith('.') && f.endsWith(TEMP_SUFFIX)) {
      try {
        unlinkSync(path.join(dir, f));
        n++;
      } catch {
        // raced with another process: fine
      }
    }
  }
  return n;
}
