// The renderer's only door to the host: one named method per Host call, exposed as `window.atelierHost`
// through contextBridge. ipcRenderer itself is never exposed, and event callbacks never see the IPC event.
// Runs sandboxed: it may import only `electron` (bundled to dist/main/preload.cjs with core/host.ts inlined).
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_CHANNELS, HOST_EVENTS, type Host } from '../core/host';

type Reply = { value: unknown } | { error: string; code?: string; params?: Record<string, unknown> };

/**
 * A failed call rejects with an Error; a coded one (main/messages.ts) with a plain { message, code, params } instead,
 * because only an Error's message survives the context bridge while plain data is copied whole.
 */
function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args).then((r: Reply) => {
    if ('error' in r) throw r.code ? { message: r.error, code: r.code, ...(r.params ? { params: r.params } : {}) } : new Error(r.error);
    return r.value as T;
  });
}

function subscribe<T>(channel: string, cb: (payload: T) => void): () => void {
  if (typeof cb !== 'function') throw new TypeError('expected a callback');
  const listener = (_event: unknown, payload: T) => cb(payload);
  ipcRenderer.on(channel, listener);
  return () => void ipcRenderer.removeListener(channel, listener);
}

const host: Required<Host> = {
  info: () => call(HOST_CHANNELS.info),
  listCatalog: () => call(HOST_CHANNELS.listCatalog),
  loadCatalogModel: (id) => call(HOST_CHANNELS.loadCatalogModel, id),
  catalogData: () => call(HOST_CHANNELS.catalogData),
  openDesign: () => call(HOST_CHANNELS.openDesign),
  openRecent: (path) => call(HOST_CHANNELS.openRecent, path),
  recentDesigns: () => call(HOST_CHANNELS.recentDesigns),
  save: (req) => call(HOST_CHANNELS.save, req),
  openModelFile: () => call(HOST_CHANNELS.openModelFile),
  startHandoff: (req) => call(HOST_CHANNELS.startHandoff, req),
  stopHandoff: () => call(HOST_CHANNELS.stopHandoff),
  kioskSettings: () => call(HOST_CHANNELS.kioskSettings),
  verifyStaffPin: (pin) => call(HOST_CHANNELS.verifyStaffPin, pin),
  updateKioskSettings: (pin, patch) => call(HOST_CHANNELS.updateKioskSettings, pin, patch),
  kioskReset: () => call(HOST_CHANNELS.kioskReset),
  sliceDesign: (req) => call(HOST_CHANNELS.sliceDesign, req),
  slicerAvailable: () => call(HOST_CHANNELS.slicerAvailable),
  onCommand: (cb) => subscribe(HOST_EVENTS.command, cb),
  onOpenFile: (cb) => subscribe(HOST_EVENTS.openFile, cb),
  onModelFileChanged: (cb) => subscribe(HOST_EVENTS.modelFileChanged, cb),
};

contextBridge.exposeInMainWorld('atelierHost', host);
