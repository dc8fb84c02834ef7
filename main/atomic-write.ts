// Atomic file writes: a temp file in the same folder, written and fsynced, then renamed over the target,
// so a crash or power cut leaves either the old file or the new one, never a torn one. Node only.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Writes `bytes` to `file` atomically. The temp file sits beside the target (same filesystem) and is removed on failure. */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
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
    throw e;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable (POSIX); Windows cannot open folders for fsync, and needs no such step. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r').catch(() => null);
  if (!h) return;
  try {
    await h.sync();
  } catch {
    // some filesystems refuse fsync on directories; the data itself is already synced
  } finally {
    await h.close();
  }
}

/**
 * The same, synchronously: for the last write before the process quits (the window position on close),
 * where nothing would await a promise.
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array | string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    try {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
