// What a session may do with a customer's design and the world outside the page, decided once from where the app
// runs: the desktop (Electron or a browser tab) asks before dropping changes, keeps drafts and an autosave, opens
// and saves files and keeps the address bar; a showroom kiosk does none of that and exports only to its export
// folder. AppState (./app.svelte.ts) and its pieces ask this object instead of testing "kiosk?". Plain TypeScript.
import type { HostInfo, KioskSettings } from '../../../core/host';

export interface SessionPolicy {
  /** Unsaved changes are asked about (Save / Don't save / Cancel) before a step drops them, a closing tab too. */
  readonly promptOnLeave: boolean;
  /** A design left for the catalog stays as a draft for this session, so its product opens as it was. */
  readonly keepsDrafts: boolean;
  /** Unsaved changes are kept in the browser's storage and offered for restoring at the next start. */
  readonly autosaves: boolean;
  /** Open…, Open recent, Open model file… and files the system hands over (a double-clicked design). */
  readonly opensFiles: boolean;
  /** Save, Save as and the preview's screenshot. */
  readonly savesFiles: boolean;
  /** The address names the open product (#product=): opening one adds a history entry, Back/Forward follow it. */
  readonly tracksAddress: boolean;
  /** Where Export for printing writes: through a save dialog, only to the kiosk's export folder, or nowhere. */
  readonly exports: 'dialog' | 'folder' | 'none';
}

export const DESKTOP_POLICY: SessionPolicy = Object.freeze({
  promptOnLeave: true,
  keepsDrafts: true,
  autosaves: true,
  opensFiles: true,
  savesFiles: true,
  tracksAddress: true,
  exports: 'dialog',
});

/** A kiosk exports only where staff set an export folder, which only the Electron host can write to. */
export function kioskExportsToFolder(hostKind: HostInfo['kind'] | undefined, settings: KioskSettings | null): boolean {
  return hostKind === 'electron' && !!settings?.exportFolder;
}

/** Nothing of a customer outlives them and no file dialog opens; exports go to the export folder, if there is one. */
export function kioskPolicy(hostKind: HostInfo['kind'] | undefined, settings: KioskSettings | null): SessionPolicy {
  return Object.freeze({
    promptOnLeave: false,
    keepsDrafts: false,
    autosaves: false,
    opensFiles: false,
    savesFiles: false,
    tracksAddress: false,
    exports: kioskExportsToFolder(hostKind, settings) ? 'folder' : 'none',
  });
}

/** The policy of a session: the kiosk's (from its host and settings) or the desktop's. */
export function sessionPolicy(kiosk: boolean, hostKind: HostInfo['kind'] | undefined, settings: KioskSettings | null): SessionPolicy {
  return kiosk ? kioskPolicy(hostKind, settings) : DESKTOP_POLICY;
}
