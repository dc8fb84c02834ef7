// What the order intake does with a POST /orders body: the batch JSON fields plus a shop's variant "options",
// mapped to parameters and materials (mapping.ts), each order checked like a batch row and its design like a build
// would (no geometry), and turned into queue jobs. Every problem names the order; one bad order refuses the request,
// so a shop never has half its request queued. Node only; imports cli/ and core/, never http or bullmq.
import path from 'node:path';
import { UserError } from '../../core/errors';
import { OrderBuilder, classifyError } from '../batch/build-order';
import { DEFAULT_NAME_TEMPLATE, applyTemplate, ordersFromJson } from '../batch/orders';
import { orderKey } from '../batch/report';
import type { OutFormat } from '../encode';
import { jobIdFor, type QueueJobData } from './jobs';
import { applyMapping, missingParameters, readOptions, type Mapping } from './mapping';

/** Most orders in one request: a shop sends orders as they come, not a day's batch. */
export const MAX_ORDERS_PER_REQUEST = 500;

export interface IntakeSettings {
  outDir: string;
  tempDir: string;
  format: OutFormat;
  fix: boolean;
  mapping: Mapping;
}

export interface IntakeJob {
  id: string;
  data: QueueJobData;
}

const has = (builder: OrderBuilder, model: string) => {
  const ids = new Set(builder.modelFor(model).model.parameters.map((p) => p.id));
  return (p: string): boolean => ids.has(p);
};

/** Checks the mapping's per-model rules against the catalog at start: an unknown model or parameter is exit 2. */
export function checkMapping(m: Mapping, builder: OrderBuilder, file: string): void {
  for (const [model, rs] of Object.entries(m.models)) {
    let known: (p: string) => boolean;
    try {
      known = has(builder, model);
    } catch (e) {
      throw new UserError([{ file, message: `models.${model}: ${classifyError(e).error}` }]);
    }
    const missing = missingParameters(rs, model, known);
    if (missing.length) throw new UserError(missing.map((message) => ({ file, message })));
  }
}

/** The jobs for a request body (already parsed JSON); a UserError listing every bad order refuses it whole. */
export function jobsFromBody(body: unknown, s: IntakeSettings, builder: OrderBuilder): IntakeJob[] {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null && Array.isArray((body as { orders?: unknown }).orders) ? (body as { orders: unknown[] }).orders : undefined;
  if (!list) throw new UserError('The body must be a JSON array of orders {order, model, quantity, params, materials, options} (or {"orders": [...]}).');
  if (list.length === 0) throw new UserError('The request has no orders.');
  if (list.length > MAX_ORDERS_PER_REQUEST) throw new UserError(`The request has ${list.length} orders; send at most ${MAX_ORDERS_PER_REQUEST} at a time.`);
  const options = list.map((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? readOptions((x as { options?: unknown }).options) : {}));
  const plain = list.map((x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return x;
    const { options: _options, ...rest } = x as Record<string, unknown>;
    return rest;
  });
  const orders = ordersFromJson(JSON.stringify(plain), 'request');
  const problems: string[] = [];
  const seen = new Set<string>();
  const jobs: IntakeJob[] = [];
  orders.forEach((o, i) => {
    const label = `order ${o.order ? JSON.stringify(o.order) : `#${i + 1}`}`;
    const opts = options[i]!;
    if (o.error) return void problems.push(`${label}: ${o.error}`);
    if (typeof opts === 'string') return void problems.push(`${label}: ${opts}`);
    if (seen.has(o.order)) return void problems.push(`${label}: the same order id appears twice in the request`);
    seen.add(o.order);
    try {
      const mapped = applyMapping(s.mapping, o.model, has(builder, o.model), opts);
      const params = { ...mapped.params, ...o.params }; // what the shop set explicitly wins over its options
      const materials = { ...mapped.materials, ...o.materials };
      builder.validate({ order: o.order, model: o.model, params, materials, fix: s.fix });
      const file = path.join(s.outDir, `${applyTemplate(DEFAULT_NAME_TEMPLATE, { ...o, params })}.${s.format}`);
      const data: QueueJobData = { order: o.order, row: 1, model: o.model, params, materials, file, tempDir: s.tempDir, format: s.format, fix: s.fix };
      jobs.push({ id: jobIdFor(data, orderKey({ model: o.model, params, materials }, s.format, s.fix)), data });
    } catch (e) {
      problems.push(`${label}: ${classifyError(e).error}`);
    }
  });
  if (problems.length) throw new UserError(problems.map((message) => ({ message })));
  return jobs;
}
