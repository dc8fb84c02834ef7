// What a slicer's G-code says about itself: PrusaSlicer's closing estimate comments (print time, filament length and
// mass per extruder) and, from the moves, the tool changes and which tools print on which layer. Node-free.

export interface GcodeStats {
  /** From "; estimated printing time (normal mode) = 1h 2m 3s". */
  printSeconds: number;
  /** Per extruder, from "; filament used [mm] = a, b". */
  lengthMm: number[];
  /** Per extruder, from "; filament used [g] = a, b". */
  grams: number[];
  /** Changes of the active tool that are followed by extrusion with the new tool. */
  toolChanges: number;
  /** Each layer's height (mm) and the tools that extrude on it. */
  layers: { z: number; tools: number[] }[];
}

/** "1d 2h 3m 4s" (any part may be missing) → seconds. */
export function parseDuration(s: string): number {
  let t = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s*([dhms])/g)) t += Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2] as 'd' | 'h' | 'm' | 's'];
  return t;
}

const list = (s: string | undefined) => (s === undefined ? [] : s.split(',').map((v) => Number(v.trim())).filter((v) => Number.isFinite(v)));

export function gcodeStats(gcode: string): GcodeStats {
  const comment = (label: string) => new RegExp(`^; ${label.replace(/[[\]()]/g, '\\$&')} = (.*)$`, 'm').exec(gcode)?.[1];
  const time = comment('estimated printing time (normal mode)');
  if (time === undefined) throw new Error('the G-code has no "estimated printing time" comment');
  const layers: GcodeStats['layers'] = [];
  let tool = 0;
  let pending = false; // a tool change not yet followed by extrusion
  let changes = 0;
  let started = false;
  let layer: { z: number; tools: number[] } | undefined;
  for (const line of gcode.split('\n')) {
    const c = line.charCodeAt(0);
    if (c === 84 /* T */) {
      const m = /^T(\d+)\s*$/.exec(line);
      if (!m) continue;
      const t = Number(m[1]);
      if (t !== tool) {
        tool = t;
        pending = started; // the first selection before any extrusion is not a change
      }
    } else if (c === 59 /* ; */) {
      const z = /^;Z:([-\d.]+)/.exec(line);
      if (z) {
        layer = { z: Number(z[1]), tools: [] };
        layers.push(layer);
      }
    } else if (c === 71 /* G */ && (line.startsWith('G1 ') || line.startsWith('G2 ') || line.startsWith('G3 '))) {
      const e = / E(-?[\d.]+)/.exec(line);
      if (!e || !(Number(e[1]) > 0) || !/ [XY]/.test(line)) continue;
      started = true;
      if (pending) {
        changes++;
        pending = false;
      }
      if (layer && !layer.tools.includes(tool)) layer.tools.push(tool);
    }
  }
  return { printSeconds: parseDuration(time), lengthMm: list(comment('filament used [mm]')), grams: list(comment('filament used [g]')), toolChanges: changes, layers };
}
