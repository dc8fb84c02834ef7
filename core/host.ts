// The contract between the UI (renderer) and its host: Electron's main process or the browser host.
// Types plus runtime validators for every call's payload, used by the IPC wrapper in main/ and by renderer/host/.
// Pure TypeScript: no DOM, no Node, no Electron.

/** A product in the catalog as the gallery shows it. */
export interface CatalogEntry {
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** URL the renderer can load (atelier:// in Electron, http(s) in the browser). */
  thumbnailUrl: string;
}

/** A model file and the assets it references, as text and bytes (the renderer never reads the disk itself). */
export interface ModelSource {
  /** Where it came from, for messages: `catalog:mug` or a file path. */
  origin: string;
  text: string;
  /** Mesh files referenced by the model, by relative path. */
  assets: Record<string, Uint8Array>;
}

export interface FontEntry {
  id: string;
  name: string;
  license: string;
  bytes: Uint8Array;
}

/** Static data every renderer needs once: fonts, materials, printers. */
export interface HostCatalogData {
  fonts: FontEntry[];
  /** JSON text of assets/materials/materials.json */
  materialsJson: string;
  /** JSON text of each assets/printers/*.json */
  printersJson: string[];
}

export interface OpenedFile {
  /** Path (Electron) or file name (browser). */
  path: string;
  name: string;
  bytes: Uint8Array;
}

export interface SaveRequest {
  /** Suggested file name, e.g. `mug.atelier.json`. */
  suggestedName: string;
  bytes: Uint8Array;
  /** Save to this path without asking (Save after a first Save As). */
  path?: string;
  kind: 'design' | 'stl' | '3mf' | 'glb' | 'usdz' | 'png';
}

export interface SaveResult {
  /** Where it was written; null if the user cancelled. */
  path: string | null;
}

export type MenuCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'export'
  | 'undo'
  | 'redo'
  | 'toggle-units'
  | 'screenshot'
  | 'open-model-file'
  | 'about';

export interface RecentItem {
  path: string;
  name: string;
  /** ms since epoch */
  openedAt: number;
}

export interface HostInfo {
  kind: 'electron' | 'web';
  appVersion: string;
  platform: string;
  kiosk: boolean;
}

/**
 * What the UI may ask of its host. One method per call; Electron's preload exposes exactly these names,
 * the browser host implements them with fetch, file pickers and downloads.
 */
export interface Host {
  info(): Promise<HostInfo>;
  listCatalog(): Promise<CatalogEntry[]>;
  loadCatalogModel(id: string): Promise<ModelSource>;
  catalogData(): Promise<HostCatalogData>;
  /** Shows an open dialog for designs (.atelier.json, .3mf); null if cancelled. */
  openDesign(): Promise<OpenedFile | null>;
  /** Opens a recent design by path. */
  openRecent(path: string): Promise<OpenedFile | null>;
  recentDesigns(): Promise<RecentItem[]>;
  /** Writes atomically (temp file + rename); asks for a location unless `path` is given. */
  save(req: SaveRequest): Promise<SaveResult>;
  /** Designer mode: pick a model file on disk; its changes are reported through onModelFileChanged. */
  openModelFile(): Promise<ModelSource | null>;
  /** Subscribes to menu commands and OS file-open requests; returns an unsubscribe function. */
  onCommand(cb: (cmd: MenuCommand) => void): () => void;
  onOpenFile(cb: (file: OpenedFile) => void): () => void;
  onModelFileChanged(cb: (src: ModelSource) => void): () => void;
}

/** Channel names, one per Host method, for Electron IPC. */
export const HOST_CHANNELS = {
  info: 'atelier:info',
  listCatalog: 'atelier:list-catalog',
  loadCatalogModel: 'atelier:load-catalog-model',
  catalogData: 'atelier:catalog-data',
  openDesign: 'atelier:open-design',
  openRecent: 'atelier:open-recent',
  recentDesigns: 'atelier:recent-designs',
  save: 'atelier:save',
  openModelFile: 'atelier:open-model-file',
} as const;

export const HOST_EVENTS = {
  command: 'atelier:command',
  openFile: 'atelier:open-file',
  modelFileChanged: 'atelier:model-file-changed',
} as const;

const SAVE_KINDS = new Set(['design', 'stl', '3mf', 'glb', 'usdz', 'png']);
const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Largest payload a renderer may ask the host to write (bytes): a 3MF of a few million triangles. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/** Validates the argument of each Host call; returns a message naming the problem, or null if valid. */
export const HOST_ARG_VALIDATORS: Record<keyof typeof HOST_CHANNELS, (args: unknown[]) => string | null> = {
  info: (a) => (a.length === 0 ? null : 'info takes no arguments'),
  listCatalog: (a) => (a.length === 0 ? null : 'listCatalog takes no arguments'),
  catalogData: (a) => (a.length === 0 ? null : 'catalogData takes no arguments'),
  loadCatalogModel: (a) =>
    a.length === 1 && typeof a[0] === 'string' && ID_RE.test(a[0]) ? null : 'loadCatalogModel needs one model id (a-z, 0-9, -)',
  openDesign: (a) => (a.length === 0 ? null : 'openDesign takes no arguments'),
  openRecent: (a) =>
    a.length === 1 && typeof a[0] === 'string' && a[0].length > 0 && a[0].length < 4096 ? null : 'openRecent needs one path',
  recentDesigns: (a) => (a.length === 0 ? null : 'recentDesigns takes no arguments'),
  openModelFile: (a) => (a.length === 0 ? null : 'openModelFile takes no arguments'),
  save: (a) => {
    if (a.length !== 1 || typeof a[0] !== 'object' || a[0] === null) return 'save needs one request object';
    const r = a[0] as Record<string, unknown>;
    if (typeof r.suggestedName !== 'string' || r.suggestedName.length === 0 || r.suggestedName.length > 255 || /[\\/\0]/.test(r.suggestedName))
      return 'save: suggestedName must be a file name (1-255 characters, no slashes)';
    if (!(r.bytes instanceof Uint8Array)) return 'save: bytes must be a Uint8Array';
    if (r.bytes.byteLength > MAX_SAVE_BYTES) return `save: at most ${MAX_SAVE_BYTES} bytes`;
    if (typeof r.kind !== 'string' || !SAVE_KINDS.has(r.kind)) return `save: kind must be one of ${[...SAVE_KINDS].join(', ')}`;
    if (r.path !== undefined && (typeof r.path !== 'string' || r.path.length === 0 || r.path.length > 4096)) return 'save: path must be a string';
    return null;
  },
};
