// The CLI's atomic writes: node/atomic-write.ts (the one home, shared with the Electron main process), with the
// CLI's hint on failure. Node only.
import { writeFileAtomicSync as write } from '../node/atomic-write';

export { sweepTempFiles, TEMP_SUFFIX, tempNameFor } from '../node/atomic-write';

/** Writes bytes to `file` atomically; a failure is a UserError that says which file, why, and to choose another --out. */
export function writeFileAtomicSync(file: string, bytes: Uint8Array | string, tempDir?: string): void {
  write(file, bytes, { tempDir, hint: 'Choose a writable location with --out.' });
}
