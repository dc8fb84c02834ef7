// Small JSON files in the user-data folder (recent designs, window state, settings): read tolerantly, written atomically.
// Node only; a missing or corrupt file reads as `undefined` so the caller falls back to defaults.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';

/** Parsed JSON, or undefined if the file is missing, unreadable or not JSON. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** `mode` 0o600 keeps a private file (the staff PIN hash) unreadable by others from the moment it exists. */
export async function writeJsonFile(file: string, value: unknown, mode?: number): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n', { mode });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
