// The contract between the UI (renderer) and its host: Electron's main process or the browser host.
// Types plus runtime validators for every call's payload, used by the IPC wrapper in main/ and by renderer/host/.
// Pure TypeScript: no DOM, no Node, no Electron.
import type { Translations } from './model/types';

/** A product in the catalog as the gallery shows it. */
export interface CatalogEntry {
  id: string;
  /** English; `translations` holds the name and description in every language the model file gives. */
  name: string;
  description: string;
  translations?: { name?: Translations; description?: Translations; tags?: Translations[] };
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

/** Phone hand-off: the current design's GLB and USDZ, served on the local network behind a secret link. */
export interface HandoffRequest {
  /** Shown on the phone page, e.g. the product name. */
  title: string;
  glb: Uint8Array;
  usdz: Uint8Array;
}

export interface HandoffInfo {
  /** The secret link the phone opens. */
  url: string;
  /** QR code of `url` as an SVG document. */
  qrSvg: string;
  /** ms since epoch; the link answers 403 after this. */
  expiresAt: number;
}

/** Showroom kiosk settings as the UI sees them; the staff PIN's hash never leaves the host. */
export interface KioskSettings {
  enabled: boolean;
  /** Seconds without input before "Are you still there?". */
  idleSeconds: number;
  /** Catalog ids shown to customers; null means all. */
  products: string[] | null;
  /** Printer ids offered; null means all. */
  printers: string[] | null;
  /** Folder exports go to (e.g. a USB stick); null means exports are only offered by phone hand-off. */
  exportFolder: string | null;
  showPrices: boolean;
  hasPin: boolean;
}

/** A change to the kiosk settings; `newPin` (4-12 digits) replaces the staff PIN. */
export type KioskSettingsPatch = Partial<Omit<KioskSettings, 'hasPin'>> & { newPin?: string };

/**
 * Slice the design's slicer-ready 3MF (the bytes the 3MF export writes) for one catalog printer. `filaments` are the
 * design's filament slots in order (core/export filamentSlots): the host looks each material up in its own catalog.
 */
export interface SliceRequest {
  printerId: string;
  bytes: Uint8Array;
  filaments: { material: string; color: string }[];
}

/** The slicer's own figures for a design: never an estimate. */
export interface SliceDesignFigures {
  printer: string;
  /** e.g. "PrusaSlicer-2.5.0+linux-x64-GTK3". */
  slicer?: string;
  printSeconds: number;
  toolChanges: number;
  filaments: { slot: number; material: string; name: string; lengthMm: number; massG: number }[];
  estimated: false;
}

/**
 * A slice's answer. `no-slicer`: this host has no slicer (or the printer is not one a slicer here can slice);
 * `superseded`: a newer request replaced this one; `failed`: the slicer ran but gave no figures (`timeout` when it
 * ran out of time), with a one-line English message.
 */
export type SliceAnswer =
  | { status: 'sliced'; figures: SliceDesignFigures }
  | { status: 'no-slicer' }
  | { status: 'superseded' }
  | { status: 'failed'; reason: 'timeout' | 'slicer'; message: string };

/** Largest 3MF a host slices (bytes): the app's designs are a few MB; the endpoint reads no more than this. */
export const MAX_SLICE_BYTES = 64 * 1024 * 1024;
/** Filament slots a slice request may name (an XL has 5, an AMS setup 16). */
export const MAX_SLICE_FILAMENTS = 16;

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
  /** Phone hand-off (Electron only; absent in the browser host). Replaces any running hand-off. */
  startHandoff?(req: HandoffRequest): Promise<HandoffInfo>;
  stopHandoff?(): Promise<void>;
  /** Kiosk (Electron only). */
  kioskSettings?(): Promise<KioskSettings>;
  /** True if `pin` is the staff PIN (or no PIN is set yet). */
  verifyStaffPin?(pin: string): Promise<boolean>;
  /** Needs the staff PIN; leaving kiosk mode (`enabled: false`) restarts the window. */
  updateKioskSettings?(pin: string, patch: KioskSettingsPatch): Promise<KioskSettings>;
  /** Wipes the customer's traces: web storage, cache, clipboard, temporary exports. */
  kioskReset?(): Promise<void>;
  /** The slicer's figures for the design (print time, filament, tool changes); absent where the host cannot slice. */
  sliceDesign?(req: SliceRequest): Promise<SliceAnswer>;
  /** True when sliceDesign can give figures here: asked first, so the design is not written for a slicer that is not there. */
  slicerAvailable?(): Promise<boolean>;
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
  startHandoff: 'atelier:start-handoff',
  stopHandoff: 'atelier:stop-handoff',
  kioskSettings: 'atelier:kiosk-settings',
  verifyStaffPin: 'atelier:verify-staff-pin',
  updateKioskSettings: 'atelier:update-kiosk-settings',
  kioskReset: 'atelier:kiosk-reset',
  sliceDesign: 'atelier:slice-design',
  slicerAvailable: 'atelier:slicer-available',
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
  startHandoff: (a) => {
    if (a.length !== 1 || typeof a[0] !== 'object' || a[0] === null) return 'startHandoff needs one request object';
    const r = a[0] as Record<string, unknown>;
    if (typeof r.title !== 'string' || r.title.length > 200) return 'startHandoff: title must be a string of at most 200 characters';
    for (const k of ['glb', 'usdz'] as const) {
      const b = r[k];
      if (!(b instanceof Uint8Array) || b.byteLength === 0) return `startHandoff: ${k} must be a non-empty Uint8Array`;
      if (b.byteLength > MAX_SAVE_BYTES) return `startHandoff: ${k} is larger than ${MAX_SAVE_BYTES} bytes`;
    }
    return null;
  },
  stopHandoff: (a) => (a.length === 0 ? null : 'stopHandoff takes no arguments'),
  kioskSettings: (a) => (a.length === 0 ? null : 'kioskSettings takes no arguments'),
  kioskReset: (a) => (a.length === 0 ? null : 'kioskReset takes no arguments'),
  verifyStaffPin: (a) => (a.length === 1 && isPin(a[0]) ? null : 'verifyStaffPin needs a PIN of 4-12 digits'),
  updateKioskSettings: (a) => {
    if (a.length !== 2 || !isPin(a[0])) return 'updateKioskSettings needs the staff PIN (4-12 digits) and a change';
    return validateKioskPatch(a[1]);
  },
  sliceDesign: (a) => (a.length === 1 ? validateSliceRequest(a[0]) : 'sliceDesign needs one request object'),
  slicerAvailable: (a) => (a.length === 0 ? null : 'slicerAvailable takes no arguments'),
};

const COLOR_RE = /^#[0-9a-fA-F]{6}$/;

/** Checks a SliceRequest: known keys only, a printer id, a non-empty 3MF (zip) of at most MAX_SLICE_BYTES, 1-16 filaments. */
export function validateSliceRequest(r: unknown): string | null {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return 'sliceDesign needs one request object';
  const o = r as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'printerId' && k !== 'bytes' && k !== 'filaments') return `sliceDesign: unknown field "${k}"`;
  if (typeof o.printerId !== 'string' || !ID_RE.test(o.printerId)) return 'sliceDesign: printerId must be a printer id (a-z, 0-9, -)';
  if (!(o.bytes instanceof Uint8Array) || o.bytes.byteLength === 0) return 'sliceDesign: bytes must be a non-empty Uint8Array';
  if (o.bytes.byteLength > MAX_SLICE_BYTES) return `sliceDesign: at most ${MAX_SLICE_BYTES} bytes`;
  if (o.bytes[0] !== 0x50 || o.bytes[1] !== 0x4b) return 'sliceDesign: bytes must be a 3MF file';
  const f = o.filaments;
  if (!Array.isArray(f) || f.length === 0 || f.length > MAX_SLICE_FILAMENTS) return `sliceDesign: filaments must list 1-${MAX_SLICE_FILAMENTS} filaments`;
  for (const x of f as unknown[]) {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'sliceDesign: each filament must be { material, color }';
    const e = x as Record<string, unknown>;
    if (Object.keys(e).some((k) => k !== 'material' && k !== 'color')) return 'sliceDesign: each filament must be { material, color }';
    if (typeof e.material !== 'string' || !ID_RE.test(e.material)) return 'sliceDesign: a filament\'s material must be a material id (a-z, 0-9, -)';
    if (typeof e.color !== 'string' || !COLOR_RE.test(e.color)) return 'sliceDesign: a filament\'s color must be #rrggbb';
  }
  return null;
}

function isPin(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9]{4,12}$/.test(v);
}

const isIdList = (v: unknown): boolean =>
  v === null || (Array.isArray(v) && v.length <= 1000 && v.every((x) => typeof x === 'string' && ID_RE.test(x)));

/** Checks a KioskSettingsPatch: known keys only, each of the right type and range. */
export function validateKioskPatch(p: unknown): string | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'kiosk settings change must be an object';
  for (const [k, v] of Object.entries(p)) {
    switch (k) {
      case 'enabled':
      case 'showPrices':
        if (typeof v !== 'boolean') return `kiosk settings: ${k} must be true or false`;
        break;
      case 'idleSeconds':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 15 || v > 3600) return 'kiosk settings: idleSeconds must be a whole number from 15 to 3600';
        break;
      case 'products':
      case 'printers':
        if (!isIdList(v)) return `kiosk settings: ${k} must be null or a list of ids (a-z, 0-9, -)`;
        break;
      case 'exportFolder':
        if (v !== null && (typeof v !== 'string' || v.length === 0 || v.length > 4096)) return 'kiosk settings: exportFolder must be null or a folder path';
        break;
      case 'newPin':
        if (!isPin(v)) return 'kiosk settings: newPin must be 4-12 digits';
        break;
      default:
        return `kiosk settings: unknown setting "${k}"`;
    }
  }
  return null;
}
