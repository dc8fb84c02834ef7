// Host inside the Electron app: a thin wrapper over `window.atelierHost`, which main/preload.ts exposes with one
// method per Host call (see core/host.ts). Errors arrive as messages meant for a person.
import type { Host } from '../../core/host';

type Bridge = Host;

export function electronBridge(): Bridge | null {
  const b = (window as unknown as { atelierHost?: Bridge }).atelierHost;
  return b && typeof b.info === 'function' ? b : null;
}

/** Wraps the preload bridge so every call is a real Promise of the contract's type and optional calls stay optional. */
export function createElectronHost(b: Bridge): Host {
  const host: Host = {
    info: () => b.info(),
    listCatalog: () => b.listCatalog(),
    loadCatalogModel: (id) => b.loadCatalogModel(id),
    catalogData: () => b.catalogData(),
    openDesign: () => b.openDesign(),
    openRecent: (p) => b.openRecent(p),
    recentDesigns: () => b.recentDesigns(),
    save: (r) => b.save(r),
    openModelFile: () => b.openModelFile(),
    onCommand: (cb) => b.onCommand(cb),
    onOpenFile: (cb) => b.onOpenFile(cb),
    onModelFileChanged: (cb) => b.onModelFileChanged(cb),
  };
  if (b.startHandoff) host.startHandoff = (r) => b.startHandoff!(r);
  if (b.stopHandoff) host.stopHandoff = () => b.stopHandoff!();
  if (b.kioskSettings) host.kioskSettings = () => b.kioskSettings!();
  if (b.verifyStaffPin) host.verifyStaffPin = (p) => b.verifyStaffPin!(p);
  if (b.updateKioskSettings) host.updateKioskSettings = (p, c) => b.updateKioskSettings!(p, c);
  if (b.kioskReset) host.kioskReset = () => b.kioskReset!();
  return host;
}
