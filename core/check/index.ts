// Manufacturability: printability on a printer profile, mass and cost. Pure TypeScript.
export { checkPrintability, filamentCount, fitInVolume } from './printability';
export type { CheckItem, CheckReport, PrinterProfile } from './printability';
export { massAndCost } from './mass';
export type { MassAndCost } from './mass';
