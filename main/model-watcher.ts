// Designer mode: watches an opened model file (and the folder of mesh files beside it) and reports each
// change once, debounced, as a fresh ModelSource. Watches the folder, not the file, because editors often
// save by writing a new file and renaming it over the old one. Node only.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { ModelSource } from '../core/host';
import { readModelSource } from './catalog';

/** Quiet time before a burst of file events is reported as one change (ms): editors write in several steps. */
export const WATCH_DEBOUNCE_MS = 150;

export interface ModelWatcher {
  dispose(): void;
}

export function watchModelFile(
  modelFile: string,
  onChange: (src: ModelSource) => void,
  opts: { debounceMs?: number; onError?: (e: unknown) => void } = {},
): ModelWatcher {
  const dir = path.dirname(modelFile);
  const name = path.basename(modelFile);
  const debounce = opts.debounceMs ?? WATCH_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  let watcher: FSWatcher | undefined;
  let last: string | undefined;

  const fire = async () => {
    try {
      const src = await readModelSource(modelFile);
      if (disposed) return;
      const key = src.text + '\0' + Object.entries(src.assets).map(([k, v]) => `${k}:${v.byteLength}:${hash(v)}`).join('|');
      if (key === last) return; // touched but unchanged
      last = key;
      onChange(src);
    } catch (e) {
      // mid-rename the file may briefly be missing; the next event reports it
      if (!disposed) opts.onError?.(e);
    }
  };

  // Remember the current content so the first report is a real change.
  void readModelSource(modelFile)
    .then((src) => {
      last ??= src.text + '\0' + Object.entries(src.assets).map(([k, v]) => `${k}:${v.byteLength}:${hash(v)}`).join('|');
    })
    .catch(() => {});

  watcher = watch(dir, { recursive: process.platform !== 'linux' }, (_event, file) => {
    if (disposed) return;
    const f = file?.toString() ?? '';
    // the model itself, or anything else in its folder (mesh files); skip editor swap files
    if (f !== name && (f.startsWith('.') || f.endsWith('~') || f.endsWith('.swp'))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounce);
  });
  watcher.on('error', (e) => opts.onError?.(e));

  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}

/** FNV-1a over the bytes: cheap change detection, not security. */
function hash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}
