export function writeStl(m: any): Uint8Array { return new Uint8Array(84); }
export function write3mf(parts: any, mats: any, meta: any): Uint8Array { return new TextEncoder().encode(JSON.stringify({ design: meta.design })); }
export function read3mf(b: Uint8Array): any { return { objects: [], designJson: JSON.stringify(JSON.parse(new TextDecoder().decode(b)).design), metadata: {} }; }
