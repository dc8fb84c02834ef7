// A minimal PrusaSlicer configuration for one of our printer profiles: the bed, the height, one nozzle and filament
// per slot the design uses, the layer height. Everything else stays PrusaSlicer's default, and the file is written to
// a temporary folder of our own: the user's slicer configuration is never read or touched. Node-free.
import { filamentCount, type PrinterProfile } from '../../core/check';
import type { SlotUse } from './slots';

/** Filament diameter every profile here uses, mm. */
export const FILAMENT_DIAMETER = 1.75;

export function prusaConfig(printer: PrinterProfile, slots: readonly SlotUse[], layerHeight?: number): string {
  const n = Math.max(1, Math.min(filamentCount(printer), slots.length ? Math.max(...slots.map((s) => s.slot)) : 1));
  const per = (f: (i: number) => string | number) => Array.from({ length: n }, (_v, i) => String(f(i))).join(',');
  const slot = (i: number) => slots.find((s) => s.slot === i + 1);
  const { x, y, z } = printer.buildVolume;
  const h = layerHeight ?? printer.layerHeight ?? 0.2;
  const nozzle = printer.nozzle ?? 0.4;
  const lines = [
    `bed_shape = 0x0,${x}x0,${x}x${y},0x${y}`,
    `max_print_height = ${z}`,
    `nozzle_diameter = ${per(() => nozzle)}`,
    `filament_diameter = ${per(() => FILAMENT_DIAMETER)}`,
    `filament_density = ${per((i) => slot(i)?.density ?? 1.24)}`,
    `filament_cost = ${per((i) => slot(i)?.pricePerKg ?? 0)}`,
    `filament_colour = ${per((i) => slot(i)?.color ?? '#808080')}`,
    `extruder_colour = ${per((i) => slot(i)?.color ?? '#808080')}`,
    `layer_height = ${h}`,
    `first_layer_height = ${h}`,
    'gcode_flavor = marlin2',
    'gcode_comments = 0',
    'use_relative_e_distances = 1',
    'layer_gcode = G92 E0',
    // one nozzle fed from several spools (AMS, MMU): filament changes are tool changes, purged on a wipe tower
    `single_extruder_multi_material = ${n > 1 ? 1 : 0}`,
    `wipe_tower = ${n > 1 ? 1 : 0}`,
    `wipe_tower_x = ${Math.round(x * 0.7)}`,
    `wipe_tower_y = ${Math.round(y * 0.7)}`,
  ];
  return lines.join('\n') + '\n';
}
