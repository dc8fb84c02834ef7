// Designer mode: watches an opened model file and the mesh files it references, and reports each change
// once, debounced, as a fresh ModelSource. Watches folders, not files, because editors often save by
// writing a new file and renaming it over the old one; only the model's folder and its mesh files' folders
// are watched (never a whole tree, which could be a home directory). Node only.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { ModelSource } from '../core/host';
import { readModelSource } from './catalog';

/** Quiet time before a burst of file events is reported as one change (ms): editors write in several steps. */
export const WATCH_DEBOUNCE_MS = 150;

export interface ModelWatcher {
  dispose(): void;
}

/** FNV-1a over the bytes: cheap change detection, not security. */
function hash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

const fingerprint = (src: ModelSource) =>
  src.text + '\0' + Object.entries(src.assets).map(([k, v]) => `${k}:${v.byteLength}:${hash(v)}`).join('|');

export function watchModelFile(
  modelFile: string,
  onChange: (src: ModelSource) => void,
  opts: { debounceMs?: number; onError?: (e: unknown) => void } = {},
): ModelWatcher {
  const modelDir = path.dirname(modelFile);
  const name = path.basename(modelFile);
  const debounce = opts.debounceMs ?? WATCH_DEBOUNCE_MS;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  let last: string | undefined;

  const onEvent = (_event: string, file: string | Buffer | null) => {
    if (disposed) return;
    const f = path.basename(file?.toString() ?? '');
    if (f !== name && (f.startsWith('.') || f.endsWith('~') || f.endsWith('.swp'))) return; // editor temp files
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounce);
  };

  /** Watches exactly the model's folder and the folders of its current mesh files. */
  const updateWatched = (src: ModelSource | undefined) => {
    const wanted = new Set([modelDir, ...Object.keys(src?.assets ?? {}).map((rel) => path.dirname(path.join(modelDir, ...rel.split('/'))))]);
    for (const [dir, w] of watchers) {
      if (wanted.has(dir)) continue;
      w.close();
      watchers.delete(dir);
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, onEvent);
        w.on('error', (e) => opts.onError?.(e));
        watchers.set(dir, w);
      } catch (e) {
        opts.onError?.(e);
      }
    }
  };

  const fire = async () => {
    try {
      const src = await readModelSource(modelFile);
      if (disposed) return;
      updateWatched(src);
      const key = fingerprint(src);
      if (key === last) return; // touched but unchanged
      last = key;
      onChange(src);
    } catch (e) {
      // mid-rename the file may briefly be missing; the next event reports it
      if (!disposed) opts.onError?.(e);
    }
  };

  updateWatched(undefined);
  // Remember the current content (so the first report is a real change) and watch its mesh folders.
  void readModelSource(modelFile)
    .then((src) => {
      if (disposed) return;
      last ??= fingerprint(src);
      updateWatched(src);
    })
    .catch(() => {});

  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
