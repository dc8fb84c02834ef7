// Atomic file writes for everything that runs in Node (the Electron main process, the CLI, batch and queue
// workers): a temp file beside the target (or in a temp folder on the same filesystem), written, fsynced and
// renamed over the target, so a crash, kill -9 or power cut leaves the old file or the new one, never a torn
// one, and nothing behind on failure. One set of messages for what can go wrong. Node only; imports core/ only.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/errors';

/** Temp files end with this, so a re-run can sweep what a killed run left (sweepTempFiles). */
export const TEMP_SUFFIX = '.atelier.tmp';

export interface AtomicWriteOptions {
  /** A folder on the same filesystem for the temp file (keeps a SIGKILLed write's partial file out of the target's folder). */
  tempDir?: string;
  /** File mode, set when the temp file is created (0o600 for a private file: never readable by others, even briefly). */
  mode?: number;
  /** What the person can do about a failure, appended to the message (e.g. "Choose a writable location with --out."). */
  hint?: string;
}

let tempSeq = 0;
/**
 * A unique temp name for `file`, beside it or in `tempDir`: this process's id, a count and a random part (no
 * cryptographic strength needed, and node:crypto would add ~15 ms to every CLI call).
 */
export function tempNameFor(file: string, tempDir = path.dirname(file)): string {
  const tag = `${process.pid}-${(tempSeq++).toString(36)}${Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')}`;
  return path.join(tempDir, `.${path.basename(file)}.${tag}${TEMP_SUFFIX}`);
}

/** The one message for a failed write: which file, why, and the caller's hint. */
export function describeWriteError(e: unknown, file: string, hint?: string): UserError {
  if (e instanceof UserError) return e;
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
  return new UserError(`Cannot write ${file}: ${why}.${hint ? ` ${hint}` : ''}`);
}

const isDirError = () => Object.assign(new Error('is a folder'), { code: 'EISDIR' });

/** Writes `bytes` to `file` atomically, synchronously (CLI commands, batch workers, the last write before quitting). */
export function writeFileAtomicSync(file: string, bytes: Uint8Array | string, o: AtomicWriteOptions = {}): void {
  let fd: number;
  const tmp = tempNameFor(file, o.tempDir);
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw isDirError();
    fd = openSync(tmp, 'wx', o.mode ?? 0o644);
  } catch (e) {
    throw describeWriteError(e, file, o.hint);
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
    throw describeWriteError(e, file, o.hint);
  }
  syncDirSync(path.dirname(file));
}

/** The same, asynchronously (the Electron main process must not block its event loop on a large export). */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string, o: AtomicWriteOptions = {}): Promise<void> {
  const tmp = tempNameFor(file, o.tempDir);
  let handle;
  try {
    if ((await stat(file).catch(() => null))?.isDirectory()) throw isDirError();
    handle = await open(tmp, 'wx', o.mode ?? 0o644);
  } catch (e) {
    throw describeWriteError(e, file, o.hint);
  }
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw describeWriteError(e, file, o.hint);
  }
  syncDirSync(path.dirname(file));
}

/** Makes the rename itself durable (POSIX); Windows cannot open folders for fsync and needs no such step. */
function syncDirSync(dir: string): void {
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

/** Removes temp files a killed run left in `dir` (only ours: `.NAME.PID-HEX.atelier.tmp`). Returns how many. */
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
