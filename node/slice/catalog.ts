// The materials and printers a slice may name, read from a catalog folder (assets/): materials/materials.json and
// printers/*.json, with the app's lenient list rules (a broken profile is left out, as the UI leaves it out).
// For `atelier serve`; the app's main process passes its own (kiosk-filtered) catalog. Node only; imports core/ only.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePrinterProfiles } from '../../core/check';
import { parseMaterialCatalog } from '../../core/model';
import type { SliceCatalog } from './service';

export async function readSliceCatalog(assetsDir: string): Promise<SliceCatalog> {
  const materials = parseMaterialCatalog(await readFile(path.join(assetsDir, 'materials', 'materials.json'), 'utf8'));
  const dir = path.join(assetsDir, 'printers');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
  const files = await Promise.all(names.map(async (f) => ({ file: f, text: await readFile(path.join(dir, f), 'utf8') })));
  return { materials, printers: parsePrinterProfiles(files).printers };
}

/** The catalog once per folder, re-read only after it failed. */
export function cachedSliceCatalog(assetsDir: string): () => Promise<SliceCatalog> {
  let p: Promise<SliceCatalog> | null = null;
  return () => {
    p ??= readSliceCatalog(assetsDir).catch((e: unknown) => {
      p = null;
      throw e;
    });
    return p;
  };
}
