// Host inside the Electron app: a thin wrapper over `window.atelierHost`, which main/preload.ts exposes with one
// method per Host call (see core/host.ts). Errors arrive as messages meant for a person; a coded one (the host's
// main/messages.ts) as plain { message, code, params }, made an Error whose `problems` the UI translates.
import type { Host } from '../../core/host';
import type { Problem } from '../../core/errors';

/** The bridge's rejection as an Error: a coded message keeps its code and params in `problems`. */
export function hostFailure(e: unknown): Error {
  if (e instanceof Error) return e;
  const c = e as { message?: unknown; code?: unknown; params?: unknown } | null;
  if (c && typeof c.message === 'string') {
    const problem: Problem = { message: c.message, ...(typeof c.code === 'string' ? { code: c.code } : {}), ...(c.params && typeof c.params === 'object' ? { params: c.params as Problem['params'] } : {}) };
    return Object.assign(new Error(c.message), { problems: [problem] });
  }
  return new Error(String(e));
}

const failing = <T>(p: Promise<T>): Promise<T> =>
  p.catch((e: unknown) => {
    throw hostFailure(e);
  });

type Bridge = Host;

export function electronBridge(): Bridge | null {
  const b = (window as unknown as { atelierHost?: Bridge }).atelierHost;
  return b && typeof b.info === 'function' ? b : null;
}

/** Wraps the preload bridge so every call is a real Promise of the contract's type and optional calls stay optional. */
export function createElectronHost(b: Bridge): Host {
  const host: Host = {
    info: () => failing(b.info()),
    listCatalog: () => failing(b.listCatalog()),
    loadCatalogModel: (id) => failing(b.loadCatalogModel(id)),
    catalogData: () => failing(b.catalogData()),
    openDesign: () => failing(b.openDesign()),
    openRecent: (p) => failing(b.openRecent(p)),
    recentDesigns: () => failing(b.recentDesigns()),
    save: (r) => failing(b.save(r)),
    openModelFile: () => failing(b.openModelFile()),
    onCommand: (cb) => b.onCommand(cb),
    onOpenFile: (cb) => b.onOpenFile(cb),
    onModelFileChanged: (cb) => b.onModelFileChanged(cb),
  };
  if (b.startHandoff) host.startHandoff = (r) => failing(b.startHandoff!(r));
  if (b.stopHandoff) host.stopHandoff = () => failing(b.stopHandoff!());
  if (b.kioskSettings) host.kioskSettings = () => failing(b.kioskSettings!());
  if (b.verifyStaffPin) host.verifyStaffPin = (p) => failing(b.verifyStaffPin!(p));
  if (b.updateKioskSettings) host.updateKioskSettings = (p, c) => failing(b.updateKioskSettings!(p, c));
  if (b.kioskReset) host.kioskReset = () => failing(b.kioskReset!());
  if (b.sliceDesign) host.sliceDesign = (r) => failing(b.sliceDesign!(r));
  if (b.slicerAvailable) host.slicerAvailable = () => failing(b.slicerAvailable!());
  return host;
}
