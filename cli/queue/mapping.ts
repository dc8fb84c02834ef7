// The order intake's mapping file: turns a shop's variant options ("Colour: Navy", "Size: Large", a free-text
// "Name") into model parameters and part materials. Rules for every model under "options", per model under
// "models" (which win). A rule is {"param": ID} (the option's text is that parameter's value) or {"values": {VALUE:
// {"params": {...}, "materials": {...}}}}. Pure TypeScript; imports core/ only.
import { UserError } from '../../core/errors';

export interface ValueRule {
  params?: Record<string, unknown>;
  materials?: Record<string, string>;
}
export type OptionRule = { param: string } | { values: Record<string, ValueRule> };
export interface Mapping {
  options: Record<string, OptionRule>;
  models: Record<string, Record<string, OptionRule>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const reserved = (k: string): boolean => k in Object.prototype || k === 'prototype';

function rules(v: unknown, where: string, file: string): Record<string, OptionRule> {
  if (!isRecord(v)) throw new UserError([{ file, path: where, message: 'must be an object of option name → rule' }]);
  const out = Object.create(null) as Record<string, OptionRule>;
  for (const [name, r] of Object.entries(v)) {
    const at = `${where}[${JSON.stringify(name)}]`;
    if (reserved(name)) throw new UserError([{ file, path: at, message: `option name "${name}" is reserved` }]);
    if (isRecord(r) && typeof r.param === 'string' && Object.keys(r).length === 1) out[name] = { param: r.param };
    else if (isRecord(r) && isRecord(r.values) && Object.keys(r).length === 1) {
      const values = Object.create(null) as Record<string, ValueRule>;
      for (const [val, vr] of Object.entries(r.values)) {
        const vat = `${at}.values[${JSON.stringify(val)}]`;
        if (reserved(val) || !isRecord(vr) || Object.keys(vr).some((k) => k !== 'params' && k !== 'materials'))
          throw new UserError([{ file, path: vat, message: 'must be {"params": {...}, "materials": {...}}' }]);
        if (vr.params !== undefined && !isRecord(vr.params)) throw new UserError([{ file, path: `${vat}.params`, message: 'must be an object of parameter id → value' }]);
        if (vr.materials !== undefined && (!isRecord(vr.materials) || Object.values(vr.materials).some((m) => typeof m !== 'string')))
          throw new UserError([{ file, path: `${vat}.materials`, message: 'must be an object of part name → material id' }]);
        values[val] = { ...(vr.params ? { params: vr.params } : {}), ...(vr.materials ? { materials: vr.materials as Record<string, string> } : {}) };
      }
      out[name] = { values };
    } else throw new UserError([{ file, path: at, message: 'must be {"param": "PARAMETER"} or {"values": {"VALUE": {"params": {...}, "materials": {...}}}}' }]);
  }
  return out;
}

export function parseMapping(text: string, file: string): Mapping {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError([{ file, message: `The mapping file is not valid JSON: ${(e as Error).message}.` }]);
  }
  if (!isRecord(v) || Object.keys(v).some((k) => k !== 'options' && k !== 'models'))
    throw new UserError([{ file, message: 'A mapping file is {"options": {OPTION: RULE}, "models": {MODEL: {OPTION: RULE}}}.' }]);
  const models = Object.create(null) as Mapping['models'];
  if (v.models !== undefined) {
    if (!isRecord(v.models)) throw new UserError([{ file, path: '$.models', message: 'must be an object of model id → rules' }]);
    for (const [id, r] of Object.entries(v.models)) models[id] = rules(r, `$.models[${JSON.stringify(id)}]`, file);
  }
  return { options: v.options === undefined ? Object.create(null) : rules(v.options, '$.options', file), models };
}

/** The parameters a model's rules name that `has` says the model lacks, as messages (empty if all is well). */
export function missingParameters(rs: Record<string, OptionRule>, model: string, has: (param: string) => boolean): string[] {
  const out: string[] = [];
  for (const [opt, r] of Object.entries(rs)) {
    if ('param' in r) {
      if (!has(r.param)) out.push(`option "${opt}" sets parameter "${r.param}", which model ${model} does not have`);
      continue;
    }
    for (const [val, vr] of Object.entries(r.values))
      for (const p of Object.keys(vr.params ?? {})) if (!has(p)) out.push(`option "${opt}: ${val}" sets parameter "${p}", which model ${model} does not have`);
  }
  return out;
}

/** Options as sent: {"Colour": "Navy"} or ["Colour: Navy"]; anything else is an error message. */
export function readOptions(v: unknown): Record<string, string> | string {
  const out = Object.create(null) as Record<string, string>;
  if (v === undefined) return out;
  const put = (k: string, val: unknown): string | undefined => {
    if (typeof val !== 'string' && typeof val !== 'number') return `option "${k}" must be text`;
    if (reserved(k.trim())) return `option name "${k}" is reserved`;
    out[k.trim()] = String(val).trim();
    return undefined;
  };
  if (Array.isArray(v)) {
    for (const s of v) {
      const i = typeof s === 'string' ? s.indexOf(':') : -1;
      if (i <= 0) return `options must be "Name: value" texts; got ${JSON.stringify(s)}`;
      const err = put((s as string).slice(0, i), (s as string).slice(i + 1));
      if (err) return err;
    }
    return out;
  }
  if (!isRecord(v)) return 'options must be an object {"Colour": "Navy"} or a list ["Colour: Navy"]';
  for (const [k, val] of Object.entries(v)) {
    const err = put(k, val);
    if (err) return err;
  }
  return out;
}

/** Applies the mapping to an order's options; throws a UserError naming an unknown option, value or parameter. */
export function applyMapping(m: Mapping, model: string, has: (param: string) => boolean, options: Record<string, string>): { params: Record<string, unknown>; materials: Record<string, string> } {
  const params = Object.create(null) as Record<string, unknown>;
  const materials = Object.create(null) as Record<string, string>;
  const own = m.models[model];
  for (const [opt, val] of Object.entries(options)) {
    const r = own?.[opt] ?? m.options[opt];
    if (!r) {
      const known = [...new Set([...Object.keys(own ?? {}), ...Object.keys(m.options)])];
      throw new UserError(`unknown option "${opt}" for model ${model}; the mapping knows: ${known.join(', ') || '(none)'}`);
    }
    const lacks = (param: string, what: string): UserError =>
      new UserError(`the mapping's option "${what}" sets parameter "${param}", which model ${model} does not have`);
    if ('param' in r) {
      if (!has(r.param)) throw lacks(r.param, opt);
      params[r.param] = val;
      continue;
    }
    const vr = r.values[val];
    if (!vr) throw new UserError(`option "${opt}" cannot be "${val}"; the mapping allows: ${Object.keys(r.values).join(', ')}`);
    for (const p of Object.keys(vr.params ?? {})) if (!has(p)) throw lacks(p, `${opt}: ${val}`);
    Object.assign(params, vr.params ?? {});
    Object.assign(materials, vr.materials ?? {});
  }
  return { params, materials };
}
