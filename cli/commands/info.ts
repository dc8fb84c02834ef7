// `atelier info <model-id | model.json | design.json | file.3mf> [--json]`: a model's parameters, materials and
// presets (plus the design's values when a design is given), or a foreign 3MF's plain geometry. Node only.
import { readMeshChecked } from '../../core/import/read-mesh';
import { bboxOf, bboxSize } from '../../core/geometry/mesh-data';
import type { MaterialCatalog, Parameter, ProductModel } from '../../core/model/types';
import { parseArgs } from '../args';
import { catalogData } from '../catalog';
import { openSubject, type GeometrySubject } from '../input';
import { dims, num, printJson, printLine, round } from '../output';

function paramJson(p: Parameter, materials: MaterialCatalog): Record<string, unknown> {
  const o: Record<string, unknown> = { id: p.id, label: p.label, type: p.type, default: p.default };
  if (p.type === 'number' || p.type === 'integer') {
    o.min = p.min;
    o.max = p.max;
    if (p.step !== undefined) o.step = p.step;
    if (p.unit !== undefined) o.unit = p.unit;
  } else if (p.type === 'choice') o.options = p.options.map((x) => ({ value: x.value, label: x.label }));
  else if (p.type === 'material') {
    const ids = p.options ?? materials.materials.map((m) => m.id);
    o.options = ids.map((id) => ({ value: id, label: materials.materials.find((m) => m.id === id)?.name ?? id }));
  } else if (p.type === 'text') o.maxLength = p.maxLength;
  return o;
}

/** Catalog materials this model can use: its parts' fixed materials and its material parameters' options. */
function modelMaterials(model: ProductModel, catalog: MaterialCatalog): string[] {
  const ids = new Set<string>();
  const params = new Map(model.parameters.map((p) => [p.id, p]));
  for (const part of model.parts) {
    const p = params.get(part.material);
    if (p?.type === 'material') (p.options ?? catalog.materials.map((m) => m.id)).forEach((id) => ids.add(id));
    else ids.add(part.material);
  }
  for (const p of model.parameters) if (p.type === 'material') (p.options ?? catalog.materials.map((m) => m.id)).forEach((id) => ids.add(id));
  return catalog.materials.map((m) => m.id).filter((id) => ids.has(id));
}

function geometryInfo(s: GeometrySubject, json: boolean): void {
  const meshes = s.objects.map((o) => o.mesh);
  const size = bboxSize(bboxOf(meshes));
  const bbox = { x: round(size[0], 4), y: round(size[1], 4), z: round(size[2], 4) };
  const objects = s.objects.map((o) => {
    const sz = bboxSize(bboxOf([o.mesh]));
    return { name: o.name, triangles: o.mesh.indices.length / 3, bbox: { x: round(sz[0], 4), y: round(sz[1], 4), z: round(sz[2], 4) } };
  });
  const triangles = objects.reduce((a, o) => a + o.triangles, 0);
  if (json) return printJson({ file: s.source, format: '3mf', units: 'mm', triangles, bbox, objects, metadata: s.metadata });
  printLine(`${s.source}: a 3MF without an Atelier design (plain geometry)`);
  printLine(`  ${objects.length} object${objects.length === 1 ? '' : 's'}, ${triangles} triangles, ${dims(bbox)}`);
  for (const o of objects) printLine(`  - ${o.name || '(unnamed)'}: ${o.triangles} triangles, ${dims(o.bbox)}`);
}

export function runInfo(argv: string[]): number {
  const a = parseArgs(argv, { command: 'info', positionals: ['model-id | model.json | design.json | file.3mf'], options: { json: { kind: 'flag' } } });
  const json = a.flags.has('json');
  const data = catalogData();
  const s = openSubject(a.positionals[0]!, data);
  if (s.kind === 'geometry') {
    geometryInfo(s, json);
    return 0;
  }
  const { model } = s.loaded;
  const mats = modelMaterials(model, data.materials);
  // a broken mesh part is a UserError here (exit 2); safe repairs are listed so the designer can fix the file
  const meshRepairs = [...s.loaded.assets].flatMap(([rel, bytes]) => readMeshChecked(bytes, rel).repairs);
  if (json) {
    const out: Record<string, unknown> = {
      id: model.id,
      name: model.name,
      version: model.version,
      units: model.units,
      parameters: model.parameters.map((p) => paramJson(p, data.materials)),
      materials: mats.map((id) => {
        const m = data.materials.materials.find((x) => x.id === id)!;
        return { id: m.id, name: m.name, process: m.process, color: m.color, density: m.density, pricePerKg: m.pricePerKg };
      }),
      presets: (model.presets ?? []).map((p) => ({ id: p.id, name: p.name, values: p.values })),
    };
    if (s.design) out.design = s.design;
    if (meshRepairs.length) out.meshRepairs = meshRepairs;
    printJson(out);
    return 0;
  }
  printLine(`${model.name} (${model.id} ${model.version})`);
  if (model.description) printLine(`  ${model.description}`);
  if (s.design) printLine(`  Design from ${s.source}${s.design.name ? `: "${s.design.name}"` : ''}`);
  printLine('Parameters:');
  for (const p of model.parameters) {
    const cur = s.design?.values[p.id];
    let range = '';
    if (p.type === 'number' || p.type === 'integer') range = ` ${num(p.min)}..${num(p.max)}${p.unit ? ' ' + p.unit : ''}`;
    else if (p.type === 'choice') range = ` one of ${p.options.map((o) => String(o.value)).join(', ')}`;
    else if (p.type === 'text') range = ` up to ${p.maxLength} characters`;
    else if (p.type === 'material') range = ` one of ${(p.options ?? mats).join(', ')}`;
    const val = cur !== undefined ? ` = ${JSON.stringify(cur)}` : '';
    printLine(`  ${p.id.padEnd(18)} ${p.type.padEnd(8)} default ${JSON.stringify(p.default)}${range}${val}  ${p.label}`);
  }
  if (model.presets?.length) printLine(`Presets: ${model.presets.map((p) => `${p.id} (${p.name})`).join(', ')}`);
  printLine(`Materials: ${mats.join(', ')}`);
  printLine(`Parts: ${model.parts.map((p) => p.name).join(', ')}`);
  for (const r of meshRepairs) printLine(`Repaired: ${r}`);
  return 0;
}
