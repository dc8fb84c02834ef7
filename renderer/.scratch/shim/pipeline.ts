import { defaultValues } from './model';
export function prepareDesign(model: any, input: any, ctx: any): any {
  const values = { ...defaultValues(model), ...input };
  const problems: any[] = [];
  const violations: any[] = [];
  if (values.width < values.height) violations.push({ message: 'Width must be at least the height.', parameter: 'width' });
  problems.push(...violations);
  return { values, scope: new Map(Object.entries(values)), problems, violations };
}
export function valueContextFor(m: any, f: any): any { return {}; }
export function applyMaterialOverrides(m: any, b: any): any { return b; }
