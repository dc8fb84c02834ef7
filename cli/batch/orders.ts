// Order files for `atelier batch`: CSV (order, model, quantity, one column per parameter, material:<part>) or a
// JSON array of {order, model, quantity, params, materials}. A bad row becomes that order's error; a file that
// cannot be read at all is a UserError. Also output names: the template, safe file names, never two alike.
// Pure TypeScript; imports core/ and ./csv only.
import { UserError } from '../../core/errors';
import { parseCsv } from './csv';

export interface Order {
  /** 1-based row (CSV line or JSON array index + 1), for messages. */
  row: number;
  order: string;
  model: string;
  quantity: number;
  params: Record<string, unknown>;
  materials: Record<string, string>;
  /** Set when the row itself is unusable; the order fails with this message. */
  error?: string;
}

/** Most orders in one file; more is a mistake (or an attack) rather than a day's work. */
export const MAX_ORDERS = 100_000;

function quantityOf(v: unknown): { q: number; error?: string } {
  if (v === undefined || v === null || v === '') return { q: 1 };
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(String(v)) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) return { q: 1, error: `quantity "${String(v)}" is not a whole number from 1 to 100000` };
  return { q: n };
}

export function ordersFromCsv(text: string, file: string): Order[] {
  const recs = parseCsv(text, file);
  if (recs.length === 0) throw new UserError([{ file, message: 'The order file is empty; it needs a header row with order and model columns.' }]);
  const header = recs[0]!.fields.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const col = (n: string): number => lower.indexOf(n);
  if (col('order') < 0 || col('model') < 0)
    throw new UserError([{ file, line: recs[0]!.line, message: `The header row needs columns "order" and "model" (found: ${header.join(', ')}).` }]);
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new UserError([{ file, line: recs[0]!.line, message: 'A column in the header row has no name.' }]);
    if (seen.has(h)) throw new UserError([{ file, line: recs[0]!.line, message: `Column "${h}" appears twice in the header row.` }]);
    seen.add(h);
  }
  if (recs.length - 1 > MAX_ORDERS) throw new UserError([{ file, message: `The file has ${recs.length - 1} orders; at most ${MAX_ORDERS} are allowed in one batch.` }]);
  return recs.slice(1).map((r) => {
    const o: Order = { row: r.line, order: '', model: '', quantity: 1, params: {}, materials: {} };
    if (r.fields.length !== header.length) o.error = `row has ${r.fields.length} fields but the header has ${header.length}`;
    header.forEach((h, i) => {
      const v = r.fields[i] ?? '';
      const l = lower[i]!;
      if (l === 'order') o.order = v.trim();
      else if (l === 'model') o.model = v.trim();
      else if (l === 'quantity') {
        const q = quantityOf(v.trim());
        o.quantity = q.q;
        if (q.error) o.error ??= q.error;
      } else if (l.startsWith('material:')) {
        const part = h.slice('material:'.length);
        if (inheritedKey(part)) o.error ??= `unknown part "${part}" in column ${h}: that name is reserved`;
        else if (v.trim() !== '') o.materials[part] = v.trim();
      } else if (inheritedKey(h)) o.error ??= `unknown parameter "${h}": that name is reserved`;
      else if (v !== '') o.params[h] = v;
    });
    if (!o.error && o.order === '') o.error = 'the order column is empty';
    if (!o.error && o.model === '') o.error = 'the model column is empty';
    return o;
  });
}

export function ordersFromJson(text: string, file: string): Order[] {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError([{ file, message: `The order file is not valid JSON: ${(e as Error).message}.` }]);
  }
  if (!Array.isArray(v)) throw new UserError([{ file, message: 'A JSON order file must be an array of {order, model, quantity, params, materials}.' }]);
  if (v.length > MAX_ORDERS) throw new UserError([{ file, message: `The file has ${v.length} orders; at most ${MAX_ORDERS} are allowed in one batch.` }]);
  return v.map((x: unknown, i): Order => {
    const o: Order = { row: i + 1, order: '', model: '', quantity: 1, params: {}, materials: {} };
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ...o, error: 'the entry is not an object {order, model, quantity, params, materials}' };
    const r = x as Record<string, unknown>;
    const unknownKeys = Object.keys(r).filter((k) => !['order', 'model', 'quantity', 'params', 'materials'].includes(k));
    if (typeof r.order === 'string' || typeof r.order === 'number') o.order = String(r.order).trim();
    if (typeof r.model === 'string') o.model = r.model.trim();
    const q = quantityOf(r.quantity);
    o.quantity = q.q;
    if (unknownKeys.length) o.error = `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}; allowed: order, model, quantity, params, materials`;
    else if (q.error) o.error = q.error;
    else if (r.params !== undefined && (typeof r.params !== 'object' || r.params === null || Array.isArray(r.params))) o.error = 'params must be an object of parameter id → value';
    else if (r.materials !== undefined && (typeof r.materials !== 'object' || r.materials === null || Array.isArray(r.materials) || Object.values(r.materials).some((m) => typeof m !== 'string')))
      o.error = 'materials must be an object of part name → material id';
    else if (o.order === '') o.error = 'order is missing or empty';
    else if (o.model === '') o.error = 'model is missing or empty';
    if (!o.error) {
      const p = ownRecord(r.params as Record<string, unknown> | undefined, 'parameter');
      const m = ownRecord(r.materials as Record<string, string> | undefined, 'part');
      o.params = p.rec;
      o.materials = m.rec;
      if (p.error ?? m.error) o.error = p.error ?? m.error;
    }
    return o;
  });
}

/** Keys that name Object.prototype members ("__proto__", "constructor"…): never a parameter or part name. */
function inheritedKey(k: string): boolean {
  return k in Object.prototype || k === 'prototype';
}

/** Copies an order's object into a prototype-free record; an inherited-member key is an error, never dropped. */
function ownRecord<T>(from: Record<string, T> | undefined, what: string): { rec: Record<string, T>; error?: string } {
  const rec = Object.create(null) as Record<string, T>;
  for (const [k, v] of Object.entries(from ?? {})) {
    if (inheritedKey(k)) return { rec, error: `unknown ${what} "${k}": that name is reserved` };
    rec[k] = v;
  }
  return { rec };
}

export const DEFAULT_NAME_TEMPLATE = '{order}-{model}';

/** Checks a --name template: placeholders {order}, {model}, {row}, {quantity} or a parameter id. */
export function checkTemplate(t: string): void {
  if (t.trim() === '') throw new UserError('--name must not be empty; for example {order}-{model}.');
  if (/[\\/]/.test(t)) throw new UserError('--name must not contain / or \\: files go into --out-dir.');
  const bad = t.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, '');
  if (/[{}]/.test(bad)) throw new UserError(`--name "${t}" has a malformed placeholder; use {order}, {model}, {row}, {quantity} or {PARAMETER}.`);
}

/** A file name from untrusted text: no separators, control or reserved characters, no leading dot; unicode kept. */
export function safeFileStem(s: string): string {
  let out = s.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/\s+/g, ' ').trim();
  out = out.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  // keep names short enough for every filesystem (255 bytes) with room for a suffix and extension
  while (new TextEncoder().encode(out).length > 150) out = [...out].slice(0, -1).join('');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(out)) out = `_${out}`;
  return out;
}

export function applyTemplate(t: string, o: Order): string {
  const stem = t.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, k: string) => {
    if (k === 'order') return o.order;
    if (k === 'model') return o.model;
    if (k === 'row') return String(o.row);
    if (k === 'quantity') return String(o.quantity);
    const v = Object.hasOwn(o.params, k) ? o.params[k] : undefined; // never an inherited member like {constructor}
    return v === undefined ? '' : String(v);
  });
  return safeFileStem(stem) || `order-row-${o.row}`;
}

/** File names for every order in row order: the template, then -2, -3… so no two orders share a file. */
export function assignFileNames(orders: readonly Order[], template: string, ext: string): string[] {
  const used = new Set<string>();
  return orders.map((o) => {
    const stem = applyTemplate(template, o);
    let name = `${stem}.${ext}`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem}-${k}.${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}
