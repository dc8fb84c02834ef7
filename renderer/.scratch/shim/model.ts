import { UserError } from '../../../core/errors';
export function parseModel(text: string, o?: any): any {
  let m: any;
  try { m = JSON.parse(text); } catch (e) { throw new UserError([{ message: 'not JSON', line: 1, column: 1, file: o?.file }]); }
  const probs: any[] = [];
  if (!/^[a-z0-9-]+$/.test(m.id)) probs.push({ message: 'id must be kebab-case', line: 3, column: 9, path: '$.id', file: o?.file });
  if (typeof m.name !== 'string') probs.push({ message: 'name must be text', line: 4, column: 11, path: '$.name', file: o?.file });
  if (probs.length) throw new UserError(probs);
  return m;
}
export function parseDesign(text: string): any { return JSON.parse(text); }
export function serializeDesign(d: any): string { return JSON.stringify(d, null, 2); }
export function parseMaterialCatalog(t: string): any { return JSON.parse(t); }
export function defaultValues(m: any): any { return Object.fromEntries(m.parameters.map((p: any) => [p.id, p.default])); }
export function presetValues(m: any, id: string): any { return m.presets.find((p: any) => p.id === id).values; }
export function isParameterVisible(m: any, p: any, scope: any): boolean { return !p.visibleWhen || scope.get(p.visibleWhen.replace('!', '')) === !p.visibleWhen.startsWith('!'); }
