// The catalog's shared data as the app state holds it: printer profiles read by core's one set of rules (a broken
// file is left out, as the worker does), and re-reading what the host shows after staff changed the kiosk's
// settings. Functions over a narrow interface of the state (./app.svelte.ts delegates; no import circle).
import type { CatalogEntry, Host, KioskSettings } from '../../../core/host';
import { parsePrinterProfiles } from '../../../core/check/printer-profile';

export interface Printer { id: string; name: string; process: string; buildVolume: { x: number; y: number; z: number }; minFeature?: number }

export const printersFrom = (printersJson: string[]): Printer[] => parsePrinterProfiles(printersJson.map((text, i) => ({ file: `printer profile ${i + 1}`, text }))).printers;

export interface CatalogApp {
  readonly host: Host;
  kioskSettings: KioskSettings | null;
  catalog: CatalogEntry[];
  printers: Printer[];
  printerId: string | null;
}

/** Re-reads the products, printers and kiosk settings the host shows (a printer that left is unselected). */
export async function reloadCatalog(app: CatalogApp): Promise<void> {
  app.kioskSettings = (await app.host.kioskSettings?.().catch(() => app.kioskSettings)) ?? app.kioskSettings;
  app.catalog = await app.host.listCatalog();
  app.printers = printersFrom((await app.host.catalogData()).printersJson);
  if (!app.printers.some((p) => p.id === app.printerId)) app.printerId = app.printers[0]?.id ?? null;
}
