// Manufacturability: printability on a printer profile, mass and cost. Pure TypeScript.
export { checkPrintability, filamentCount, fitInVolume } from './printability';
export type { CheckItem, CheckReport, PrinterProfile, PrinterSlicer } from './printability';
export { PRINTER_SLICERS } from './printability';
export { parsePrinterProfile, parsePrinterProfiles } from './printer-profile';
export { massAndCost } from './mass';
export type { MassAndCost } from './mass';
