// Checks a structurally valid model for what a schema cannot say: unique ids, expressions that compile and name
// only known values, defaults inside their ranges, presets, parts, materials, fonts and safe mesh paths.
// Pure TypeScript; every finding is a Problem with a JSON path. Runs on a model the schema refused too: given the
// paths of the schema's problems (`unsound`), it checks only the parameters, rules, parts and solid nodes the schema
// found sound, and still knows the ids of the unsound ones (so a reference to them is not reported twice).

import type { MessageParam, Problem } from '../errors';
import { hint } from './names';
import { isSafeRelativePath } from './paths';
import { compileExpr, ExprError, FUNCTION_NAMES } from '../expr';
import type { MaterialCatalog, Parameter, ProductModel, Solid } from './types';
import { LIMITS } from './schema';
import { valueProblem } from './values';

const RESERVED = new Set(['PI', 'true', 'false', 'and', 'or', 'not', ...FUNCTION_NAMES]);

export interface SemanticOptions {
  materials?: MaterialCatalog;
  fontIds?: string[];
  /** JSON paths of the schema's problems: what is at or under them is skipped. */
  unsound?: readonly string[];
}

const within = (p: string, at: string): boolean => p === at || p.startsWith(at + '.') || p.startsWith(at + '[');
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => (typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);

export function semanticProblems(m: ProductModel, opts: SemanticOptions = {}): Problem[] {
  const out: Problem[] = [];
  // message is the English; code and params (keys model.* in renderer/ui/i18n) let a UI say it in its language
  const add = (path: string, message: string, code?: string, params?: Record<string, MessageParam>): void => {
    out.push({ path, message, ...(code ? { code, params: params ?? {} } : {}) });
  };
  const known = new Set<string>();
  const materialIds = opts.materials ? new Set(opts.materials.materials.map((x) => x.id)) : undefined;
  const params = new Map<string, Parameter>();
  const unsound = opts.unsound ?? [];
  /** A schema problem at or under `at` (but not under `at + except`, e.g. a node's children). */
  const hit = (at: string, except?: string): boolean => unsound.some((p) => within(p, at) && !(except !== undefined && within(p, at + except)));
  /** Ids of parameters and derived values the schema refused: known names, not checked. */
  const unsoundIds = new Set<string>();
  const skip = (item: unknown, path: string): boolean => {
    if (!hit(path)) return false;
    const id = idOf(item);
    if (id !== undefined) (known.add(id), unsoundIds.add(id));
    return true;
  };

  const checkExpr = (e: unknown, path: string, scopeNames: Set<string>) => {
    if (typeof e !== 'string') return;
    try {
      const c = compileExpr(e);
      for (const n of c.names)
        if (!scopeNames.has(n)) add(path, `'${e}' uses '${n}', which is not a parameter or an earlier derived value${hint(n, scopeNames)}`);
    } catch (err) {
      if (err instanceof ExprError) add(path, `expression '${e}': ${err.message}`);
      else throw err;
    }
  };

  list(m.parameters).forEach((p, i) => {
    const path = `$.parameters[${i}]`;
    if (skip(p, path)) return;
    if (RESERVED.has(p.id)) add(`${path}.id`, `'${p.id}' is a reserved word; choose another id`, 'model.reserved', { id: p.id });
    if (known.has(p.id)) add(`${path}.id`, `id '${p.id}' is used twice; parameter ids must be unique`, 'model.paramTwice', { id: p.id });
    known.add(p.id);
    if (!params.has(p.id)) params.set(p.id, p);
    if (p.type === 'number' || p.type === 'integer') {
      if (p.min > p.max) add(`${path}.min`, `min (${p.min}) is larger than max (${p.max})`, 'model.minOverMax', { min: p.min, max: p.max });
    }
    if (p.type === 'text' && opts.fontIds && !opts.fontIds.includes(p.font))
      add(`${path}.font`, `font '${p.font}' is not installed; available: ${opts.fontIds.join(', ')}`, 'model.noFont', { font: p.font, allowed: opts.fontIds.join(', ') });
    if (p.type === 'material' && materialIds) {
      for (const [j, id] of (p.options ?? []).entries())
        if (!materialIds.has(id)) add(`${path}.options[${j}]`, `material '${id}' is not in the material catalog`, 'model.noMaterial', { id });
      if (p.options && !p.options.includes(p.default))
        add(`${path}.default`, `default '${p.default}' is not among the options (${p.options.join(', ')})`, 'model.defaultNotOption', { value: p.default, allowed: p.options.join(', ') });
    }
    const vp = valueProblem(p, p.default, { materials: opts.materials });
    if (vp) add(`${path}.default`, `default: ${vp}`);
  });
  list(m.parameters).forEach((p, i) => {
    if (!hit(`$.parameters[${i}]`) && p.visibleWhen) checkExpr(p.visibleWhen, `$.parameters[${i}].visibleWhen`, known);
  });

  list(m.derived).forEach((d, i) => {
    const path = `$.derived[${i}]`;
    if (skip(d, path)) return;
    if (RESERVED.has(d.id)) add(`${path}.id`, `'${d.id}' is a reserved word; choose another id`, 'model.reserved', { id: d.id });
    if (known.has(d.id)) add(`${path}.id`, `id '${d.id}' is already used by a parameter or derived value`, 'model.idTaken', { id: d.id });
    checkExpr(d.expr, `${path}.expr`, known);
    known.add(d.id);
  });

  list(m.constraints).forEach((c, i) => {
    if (hit(`$.constraints[${i}]`)) return;
    checkExpr(c.expr, `$.constraints[${i}].expr`, known);
    (c.parameters ?? []).forEach((p, j) => {
      if (!params.has(p) && !unsoundIds.has(p)) add(`$.constraints[${i}].parameters[${j}]`, `'${p}' is not a parameter`, 'model.notParam', { id: p });
    });
  });
  list(m.features).forEach((f, i) => {
    if (hit(`$.features[${i}]`)) return;
    checkExpr(f.thickness, `$.features[${i}].thickness`, known);
    if (f.when) checkExpr(f.when, `$.features[${i}].when`, known);
  });

  const presetIds = new Set<string>();
  list(m.presets).forEach((pr, i) => {
    if (hit(`$.presets[${i}]`)) return;
    if (presetIds.has(pr.id)) add(`$.presets[${i}].id`, `preset id '${pr.id}' is used twice`, 'model.presetTwice', { id: pr.id });
    presetIds.add(pr.id);
    for (const [k, v] of Object.entries(pr.values)) {
      const p = params.get(k);
      const path = `$.presets[${i}].values${/^[A-Za-z_]\w*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`;
      if (!p) {
        if (!unsoundIds.has(k)) add(path, `'${k}' is not a parameter; parameters: ${[...params.keys()].join(', ')}`, 'model.notParamOf', { id: k, allowed: [...params.keys()].join(', ') });
      } else {
        const vp = valueProblem(p, v, { materials: opts.materials });
        if (vp) add(path, vp);
      }
    }
  });

  const partNames = new Set<string>();
  let nodes = 0;
  list(m.parts).forEach((part, i) => {
    const path = `$.parts[${i}]`;
    if (typeof part !== 'object' || part === null) return;
    if (!hit(path, '.solid')) checkPart(part, path);
    if (typeof part.solid === 'object' && part.solid !== null) walkSolid(part.solid, `${path}.solid`, 0);
  });

  function checkPart(part: ProductModel['parts'][number], path: string): void {
    if (partNames.has(part.name)) add(`${path}.name`, `part name '${part.name}' is used twice; part names must be unique`, 'model.partTwice', { name: part.name });
    partNames.add(part.name);
    const mp = params.get(part.material);
    if (mp && mp.type !== 'material') add(`${path}.material`, `'${part.material}' is a ${mp.type} parameter, not a material parameter`, 'model.notMaterialParam', { id: part.material, type: mp.type });
    else if (!mp && materialIds && !materialIds.has(part.material) && !unsoundIds.has(part.material))
      add(`${path}.material`, `'${part.material}' is neither a material in the catalog nor a material parameter`, 'model.unknownMaterial', { id: part.material });
    if (part.color && !/^#[0-9a-fA-F]{6}$/.test(part.color)) {
      const cp = params.get(part.color);
      if (!cp || cp.type !== 'color') add(`${path}.color`, `'${part.color}' must be a colour like #1a2b3c or the id of a color parameter`, 'model.badColor', { value: part.color });
    }
    if (part.when) checkExpr(part.when, `${path}.when`, known);
  }

  function walkSolid(s: Solid, path: string, depth: number): void {
    if (++nodes > LIMITS.nodes) {
      if (nodes === LIMITS.nodes + 1) add(path, `the model has more than ${LIMITS.nodes} solid nodes`, 'model.tooManyNodes', { max: LIMITS.nodes });
      return;
    }
    if (depth > LIMITS.depth) return add(path, `solids are nested more than ${LIMITS.depth} levels deep`, 'model.solidsTooDeep', { max: LIMITS.depth });
    if (!hit(path, '.children')) checkSolid(s, path);
    if ('children' in s && Array.isArray(s.children))
      s.children.forEach((c, j) => {
        if (typeof c === 'object' && c !== null) walkSolid(c, `${path}.children[${j}]`, depth + 1);
      });
  }

  function checkSolid(s: Solid, path: string): void {
    for (const [k, v] of Object.entries(s)) {
      if (k === 'type' || k === 'children' || k === 'shape' || k === 'file' || k === 'font' || k === 'halign' || k === 'valign') continue;
      if (k === 'center') continue;
      if (k === 'when') checkExpr(v, `${path}.when`, known);
      else if (k === 'text') checkExpr(v, `${path}.text`, known);
      else if (k === 'fit' && v && typeof v === 'object') for (const [fk, fv] of Object.entries(v)) checkExpr(fv, `${path}.fit.${fk}`, known);
      else if (Array.isArray(v)) v.forEach((e, j) => checkExpr(e, `${path}.${k}[${j}]`, known));
      else checkExpr(v, `${path}.${k}`, known);
    }
    if (s.type === 'extrude' || s.type === 'revolve') {
      const sh = s.shape;
      const sp = `${path}.shape`;
      if (sh.type === 'polygon') {
        sh.points.forEach((pt, j) => pt.forEach((e, c) => checkExpr(e, `${sp}.points[${j}][${c}]`, known)));
        (sh.holes ?? []).forEach((h, hi) => h.forEach((pt, j) => pt.forEach((e, c) => checkExpr(e, `${sp}.holes[${hi}][${j}][${c}]`, known))));
      } else {
        for (const [k, v] of Object.entries(sh)) {
          if (k === 'type' || k === 'center' && typeof v === 'boolean') continue;
          if (Array.isArray(v)) v.forEach((e, j) => checkExpr(e, `${sp}.${k}[${j}]`, known));
          else checkExpr(v, `${sp}.${k}`, known);
        }
      }
    }
    if (s.type === 'cylinder' && s.radius === undefined && (s.radiusBottom === undefined || s.radiusTop === undefined))
      add(path, 'a cylinder needs "radius", or both "radiusBottom" and "radiusTop"', 'model.cylinderRadius');
    if (s.type === 'text' && s.font && opts.fontIds && !opts.fontIds.includes(s.font))
      add(`${path}.font`, `font '${s.font}' is not installed; available: ${opts.fontIds.join(', ')}`, 'model.noFont', { font: s.font, allowed: opts.fontIds.join(', ') });
    if (s.type === 'text' && !s.font) {
      const names = compileNames(s.text);
      const ref = names.map((n) => params.get(n)).find((p) => p?.type === 'text');
      if (!ref && !names.some((n) => unsoundIds.has(n))) add(path, 'a text node needs "font", or a text expression that names a text parameter (whose font is used)', 'model.textFont');
    }
    if (s.type === 'mesh') {
      const f = s.file;
      if (!isSafeRelativePath(f))
        add(`${path}.file`, `'${f}' must be a relative path inside the model's folder (no '..', no absolute paths, forward slashes)`, 'model.meshPath', { file: f });
      else if (!/\.(stl|3mf)$/i.test(f)) add(`${path}.file`, `'${f}' must be an .stl or .3mf file`, 'model.meshType', { file: f });
    }
  }

  return out;
}

function compileNames(e: string): string[] {
  try {
    return [...compileExpr(e).names];
  } catch {
    return [];
  }
}
