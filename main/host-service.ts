// The Host contract implemented for Electron's main process, minus Electron itself: catalog, files, recent
// designs, saves, designer-mode watching, hand-off, kiosk settings and slicing. OS dialogs and session wiping are
// injected, so Node tests drive every handler with real files. A renderer can only read or overwrite files
// the user picked (dialogs, recent list, files opened from the OS); in kiosk mode there are no dialogs.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostError } from './messages';
import type { KioskSettingsPatch, ModelSource, OpenedFile, SaveRequest, SaveResult } from '../core/host';
import { writeFileAtomic } from './atomic-write';
import { loadCatalogModel, readCatalogData, readModelSource, scanCatalog } from './catalog';
import type { HandoffManager } from './handoff/index';
import type { HostHandlers } from './ipc';
import { watchModelFile, type ModelWatcher } from './model-watcher';
import { isOpenableFile } from './open-files';
import type { RecentDesigns } from './recent';
import type { SettingsStore } from './settings';
import { readSliceCatalog } from '../node/slice/catalog';
import { createSliceService } from '../node/slice/service';

/** Largest design file opened (bytes): a 3MF with an embedded design and thumbnail. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export const SAVE_EXTENSIONS: Record<SaveRequest['kind'], string> = {
  design: '.atelier.json',
  stl: '.stl',
  '3mf': '.3mf',
  glb: '.glb',
  usdz: '.usdz',
  png: '.png',
};

export interface HostDialogs {
  /** Path of a design the user chose, or null. */
  openDesign(): Promise<string | null>;
  openModelFile(): Promise<string | null>;
  saveAs(suggestedName: string, kind: SaveRequest['kind']): Promise<string | null>;
}

export interface HostDeps {
  assetsDir: string;
  /** URL prefix for catalog thumbnails (atelier://app/assets). */
  assetsUrl: string;
  appVersion: string;
  platform: string;
  kiosk(): boolean;
  dialogs: HostDialogs;
  recent: RecentDesigns;
  settings: SettingsStore;
  handoff: HandoffManager;
  /** Sends a ModelSource to the renderer (HOST_EVENTS.modelFileChanged). */
  modelFileChanged(src: ModelSource): void;
  /** The recent list changed (rebuild the menu). */
  recentChanged(): void;
  /** Kiosk mode switched by staff (the window restarts). */
  kioskChanged(enabled: boolean): void;
  /** Clears web storage, cache and clipboard of the window. */
  wipeSession(): Promise<void>;
  /** Folder for temporary exports (phone hand-off); emptied by kioskReset. */
  tempDir: string;
  /** Slicing for the figures bar: PrusaSlicer's path (null: none; default: on PATH) and the time limit (ms). */
  slice?: { slicer?: string | null; timeoutMs?: number };
}

export interface HostService {
  handlers: HostHandlers;
  /** Reads a design the OS asked to open (argv, open-file) and allows saving over it. */
  openFromOs(file: string): Promise<OpenedFile>;
  dispose(): Promise<void>;
}

function withExtension(file: string, kind: SaveRequest['kind']): string {
  const ext = SAVE_EXTENSIONS[kind];
  return file.toLowerCase().endsWith(ext) ? file : file + ext;
}

/** A kiosk export name: the suggested name made safe, plus a time stamp so customers never overwrite each other. */
export function kioskFileName(suggested: string, kind: SaveRequest['kind'], now: Date): string {
  const ext = SAVE_EXTENSIONS[kind];
  const base = suggested.toLowerCase().endsWith(ext) ? suggested.slice(0, -ext.length) : suggested;
  const safe = base.normalize('NFKC').replace(/[^\p{L}\p{N}_ -]+/gu, '-').replace(/^[-. ]+|[-. ]+$/g, '').slice(0, 60) || 'design';
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
  return `${safe}_${stamp}${ext}`;
}

/** `name` in `folder`, or `name-2`, `name-3`… before its extension when a file of that name exists already. */
async function freeName(folder: string, name: string, claimed: Set<string>): Promise<string> {
  const dot = name.indexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; i < 10_000; i++) {
    const candidate = path.join(folder, i === 1 ? name : `${stem}-${i}${ext}`);
    const taken = await stat(candidate).then(() => true, (e: NodeJS.ErrnoException) => e.code !== 'ENOENT');
    if (!taken && !claimed.has(candidate)) {
      claimed.add(candidate); // two saves in flight at once never pick the same name
      return candidate;
    }
  }
  throw hostError('kioskFolderFull', 'The kiosk export folder is full of files with this name; ask the staff to empty it.');
}

export function createHostService(d: HostDeps): HostService {
  /** Files the user chose in this session: the only ones `save({path})` may overwrite. */
  const granted = new Set<string>();
  /** Kiosk export paths handed out in this session. */
  const claimedNames = new Set<string>();
  let watcher: ModelWatcher | undefined;
  // the catalog's materials and the printers this window may offer (a kiosk's own list)
  const slicing = createSliceService({
    ...d.slice,
    catalog: async () => {
      const cat = await readSliceCatalog(d.assetsDir);
      const only = d.settings.get().kiosk.printers;
      return d.kiosk() && only ? { ...cat, printers: cat.printers.filter((p) => only.includes(p.id)) } : cat;
    },
  });

  const refuseInKiosk = (what: string) => {
    if (d.kiosk()) throw hostError(what === 'Designer mode' ? 'notInKiosk.designer' : 'notInKiosk.open', `${what} is not available in kiosk mode.`);
  };

  /** A kiosk with no staff PIN keeps its staff settings shut: a customer must not be able to walk out of it. */
  const refuseWithoutPin = () => {
    if (d.kiosk() && d.settings.get().staffPin === null)
      throw hostError('kioskNoPin', 'Staff settings are closed: this kiosk has no staff PIN. Start Atelier outside kiosk mode and set one.');
  };

  const readOpened = async (file: string): Promise<OpenedFile> => {
    if (!isOpenableFile(file)) throw hostError('notDesign', `${path.basename(file)} is not an Atelier design: open a .atelier.json or .3mf file.`, { file: path.basename(file) });
    const st = await stat(file);
    if (!st.isFile()) throw hostError('notFile', `${path.basename(file)} is not a file.`, { file: path.basename(file) });
    if (st.size > MAX_OPEN_BYTES) throw hostError('tooBig', `${path.basename(file)} is ${st.size} bytes; at most ${MAX_OPEN_BYTES} can be opened.`, { file: path.basename(file), size: st.size, max: MAX_OPEN_BYTES });
    const bytes = new Uint8Array(await readFile(file));
    granted.add(path.resolve(file));
    await d.recent.add(path.resolve(file));
    d.recentChanged();
    return { path: path.resolve(file), name: path.basename(file), bytes };
  };

  const visibleIds = (): Set<string> | null => {
    const k = d.settings.get().kiosk;
    return d.kiosk() && k.products ? new Set(k.products) : null;
  };

  const handlers = {
    info: async () => ({ kind: 'electron' as const, appVersion: d.appVersion, platform: d.platform, kiosk: d.kiosk() }),

    listCatalog: async () => {
      const only = visibleIds();
      return (await scanCatalog(d.assetsDir, d.assetsUrl)).map((f) => f.entry).filter((e) => !only || only.has(e.id));
    },

    loadCatalogModel: async (id: string) => {
      const only = visibleIds();
      if (only && !only.has(id)) throw hostError('noProduct', `There is no product "${id}" in the catalog.`, { id });
      return loadCatalogModel(d.assetsDir, d.assetsUrl, id);
    },

    catalogData: async () => {
      const data = await readCatalogData(d.assetsDir);
      const printers = d.settings.get().kiosk.printers;
      if (d.kiosk() && printers) {
        data.printersJson = data.printersJson.filter((t) => {
          try {
            return printers.includes((JSON.parse(t) as { id?: string }).id ?? '');
          } catch {
            return false;
          }
        });
      }
      return data;
    },

    openDesign: async () => {
      refuseInKiosk('Opening files');
      const file = await d.dialogs.openDesign();
      return file ? readOpened(file) : null;
    },

    openRecent: async (file: string) => {
      refuseInKiosk('Opening files');
      if (!d.recent.list().some((r) => r.path === file)) throw hostError('notRecent', 'That design is not in the recent list.');
      try {
        return await readOpened(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          await d.recent.remove(file);
          d.recentChanged();
          throw hostError('recentGone', `${path.basename(file)} is no longer there; it was removed from the recent list.`, { file: path.basename(file) });
        }
        throw e;
      }
    },

    recentDesigns: async () => (d.kiosk() ? [] : d.recent.list()),

    save: async (req: SaveRequest): Promise<SaveResult> => {
      let target: string | null;
      if (d.kiosk()) {
        const folder = d.settings.get().kiosk.exportFolder;
        if (!folder) throw hostError('kioskNoFolder', 'Saving to a folder is switched off on this kiosk: use "View on your phone".');
        await mkdir(folder, { recursive: true });
        target = await freeName(folder, kioskFileName(req.suggestedName, req.kind, new Date()), claimedNames);
      } else if (req.path !== undefined) {
        target = path.resolve(req.path);
        if (!granted.has(target)) throw hostError('saveOverOnly', 'Atelier can only save over a file you opened or saved in this session; use Save As.');
        if (!target.toLowerCase().endsWith(SAVE_EXTENSIONS[req.kind])) throw hostError('extension', `A ${req.kind} file must end in ${SAVE_EXTENSIONS[req.kind]}.`, { ext: SAVE_EXTENSIONS[req.kind] });
      } else {
        const chosen = await d.dialogs.saveAs(req.suggestedName, req.kind);
        target = chosen ? withExtension(path.resolve(chosen), req.kind) : null;
      }
      if (target === null) return { path: null };
      await writeFileAtomic(target, req.bytes);
      if (!d.kiosk()) {
        granted.add(target);
        if (req.kind === 'design' || req.kind === '3mf') {
          await d.recent.add(target);
          d.recentChanged();
        }
      }
      return { path: target };
    },

    openModelFile: async () => {
      refuseInKiosk('Designer mode');
      const file = await d.dialogs.openModelFile();
      if (!file) return null;
      const src = await readModelSource(path.resolve(file));
      watcher?.dispose();
      watcher = watchModelFile(path.resolve(file), d.modelFileChanged);
      return src;
    },

    startHandoff: (req) => d.handoff.start(req),
    stopHandoff: () => d.handoff.stop(),
    kioskSettings: async () => d.settings.kiosk(),
    verifyStaffPin: async (pin: string) => {
      refuseWithoutPin();
      return d.settings.verify(pin);
    },

    updateKioskSettings: async (pin: string, patch: KioskSettingsPatch) => {
      refuseWithoutPin();
      const before = d.settings.get().kiosk.enabled;
      const after = await d.settings.updateKiosk(pin, patch);
      if (after.enabled !== before) d.kioskChanged(after.enabled);
      return after;
    },

    kioskReset: async () => {
      await d.handoff.stop();
      watcher?.dispose();
      watcher = undefined;
      for (const f of await readdir(d.tempDir).catch(() => [] as string[])) await rm(path.join(d.tempDir, f), { recursive: true, force: true });
      await d.wipeSession();
    },

    // allowed in kiosk mode too: the 3MF goes to a slicer in a temporary folder and nothing leaves the machine
    sliceDesign: (req) => slicing.slice(req),
    slicerAvailable: async () => slicing.available,
  } satisfies HostHandlers;

  return {
    handlers,
    openFromOs: (file) => readOpened(path.resolve(file)),
    async dispose() {
      slicing.dispose();
      watcher?.dispose();
      await d.handoff.stop();
    },
  };
}
