// The model format is written twice: TypeBox objects (./schema.ts) check files at run time, interfaces (./types.ts)
// type the code. This test fails when they drift. Each table below is typed `Fields<T>`: the compiler requires every
// field of the interface, with `required`/`optional` exactly as the interface says, and refuses any other key. At run
// time each table must equal the schema object's properties and its `required` list. A field added to one side only
// fails here (as a type error in `npm run typecheck`, or as a failed test).
import type { TObject, TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ModelSchema, ParameterSchema, SolidSchema } from './schema';
import type * as T from './types';

type Fields<O> = { [K in keyof O]-?: object extends Pick<O, K> ? 'optional' : 'required' };
/** In memory, localized text is English in the field and the other languages in `translations` (./localize.ts). */
type File<O> = Omit<O, 'translations'>;
/** The member of union U whose `type` can be K (also when a member takes several, like `'number' | 'integer'`). */
type Of<U extends { type: string }, K extends string> = U extends unknown ? (K extends U['type'] ? U : never) : never;

const paramBase = { id: 'required', label: 'required', help: 'optional', group: 'optional', visibleWhen: 'optional' } as const;
const parameters: { [K in T.Parameter['type']]: Fields<File<Of<T.Parameter, K>>> } = {
  number: { ...paramBase, type: 'required', default: 'required', min: 'required', max: 'required', step: 'optional', unit: 'optional' },
  integer: { ...paramBase, type: 'required', default: 'required', min: 'required', max: 'required', step: 'optional', unit: 'optional' },
  boolean: { ...paramBase, type: 'required', default: 'required' },
  choice: { ...paramBase, type: 'required', default: 'required', options: 'required' },
  text: { ...paramBase, type: 'required', default: 'required', maxLength: 'required', minLength: 'optional', font: 'required', allowedCharacters: 'optional' },
  color: { ...paramBase, type: 'required', default: 'required', palette: 'optional' },
  material: { ...paramBase, type: 'required', default: 'required', options: 'optional' },
};

const node = { type: 'required', when: 'optional' } as const;
const group = { ...node, children: 'required' } as const;
const solids: { [K in T.SolidType]: Fields<Of<T.Solid, K>> } = {
  box: { ...node, size: 'required', center: 'optional', radius: 'optional' },
  cylinder: { ...node, height: 'required', radius: 'optional', radiusBottom: 'optional', radiusTop: 'optional', center: 'optional', segments: 'optional' },
  sphere: { ...node, radius: 'required', segments: 'optional' },
  torus: { ...node, majorRadius: 'required', minorRadius: 'required' },
  extrude: { ...node, shape: 'required', height: 'required', twist: 'optional', scaleTop: 'optional', center: 'optional' },
  revolve: { ...node, shape: 'required', angle: 'optional', segments: 'optional' },
  text: {
    ...node,
    text: 'required',
    font: 'optional',
    size: 'required',
    height: 'required',
    halign: 'optional',
    valign: 'optional',
    spacing: 'optional',
    wrapRadius: 'optional',
    fit: 'optional',
  },
  mesh: { ...node, file: 'required', scale: 'optional', center: 'optional' },
  union: group,
  difference: group,
  intersection: group,
  hull: group,
  translate: { ...group, offset: 'required' },
  rotate: { ...group, angles: 'required' },
  scale: { ...group, factor: 'required' },
  mirror: { ...group, normal: 'required' },
  'repeat-linear': { ...group, count: 'required', offset: 'required' },
  'repeat-polar': { ...group, count: 'required', angle: 'optional' },
};

const shapes: { [K in T.Shape2D['type']]: Fields<Of<T.Shape2D, K>> } = {
  polygon: { type: 'required', points: 'required', holes: 'optional' },
  circle: { type: 'required', radius: 'required', center: 'optional', segments: 'optional' },
  rect: { type: 'required', size: 'required', center: 'optional', radius: 'optional' },
};

/** `$schema` is for designers' editors and is dropped on parsing. */
const model: Fields<File<T.ProductModel>> & { $schema: 'optional' } = {
  $schema: 'optional',
  format: 'required',
  id: 'required',
  name: 'required',
  description: 'required',
  version: 'required',
  units: 'required',
  designer: 'optional',
  thumbnail: 'optional',
  tags: 'optional',
  parameters: 'required',
  derived: 'optional',
  constraints: 'optional',
  features: 'optional',
  presets: 'optional',
  parts: 'required',
};
const items: Record<string, Record<string, 'required' | 'optional'>> = {
  derived: { id: 'required', expr: 'required' } satisfies Fields<T.Derived>,
  constraints: { expr: 'required', message: 'required', parameters: 'optional' } satisfies Fields<File<T.Constraint>>,
  features: { id: 'required', label: 'required', kind: 'required', thickness: 'required', when: 'optional' } satisfies Fields<File<T.Feature>>,
  presets: { id: 'required', name: 'required', values: 'required' } satisfies Fields<File<T.Preset>>,
  parts: { name: 'required', material: 'required', color: 'optional', when: 'optional', solid: 'required' } satisfies Fields<File<T.Part>>,
};
const choiceOption = { value: 'required', label: 'required' } satisfies Fields<File<T.ChoiceOption>>;

/** The schema object's fields as a table like the ones above. */
function fieldsOf(s: TSchema): Record<string, 'required' | 'optional'> {
  const o = s as TObject;
  expect(o.type, 'a schema object').toBe('object');
  const required = new Set(o.required ?? []);
  return Object.fromEntries(Object.keys(o.properties).map((k) => [k, required.has(k) ? 'required' : 'optional']));
}
const sorted = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
/** The branches of a union keyed by their `type` literal(s). */
function branches(u: TSchema): Map<string, TSchema> {
  const out = new Map<string, TSchema>();
  for (const b of (u as unknown as { anyOf: TObject[] }).anyOf) {
    const t = b.properties.type as { const?: string; anyOf?: { const: string }[] };
    for (const v of t.anyOf ? t.anyOf.map((x) => x.const) : [t.const!]) out.set(v, b);
  }
  return out;
}

describe('the model schema and the model types', () => {
  it('name the same top-level fields, required alike', () => {
    expect(sorted(fieldsOf(ModelSchema))).toEqual(sorted(model));
  });

  it('agree on every parameter type', () => {
    const b = branches(ParameterSchema);
    expect([...b.keys()].sort()).toEqual(Object.keys(parameters).sort());
    for (const [type, want] of Object.entries(parameters)) expect(sorted(fieldsOf(b.get(type)!)), `parameter ${type}`).toEqual(sorted(want));
    const choice = b.get('choice') as TObject;
    expect(sorted(fieldsOf((choice.properties.options as unknown as { items: TSchema }).items)), 'choice option').toEqual(sorted(choiceOption));
  });

  it('agree on every solid and 2D shape', () => {
    const b = branches(SolidSchema);
    expect([...b.keys()].sort()).toEqual(Object.keys(solids).sort());
    for (const [type, want] of Object.entries(solids)) expect(sorted(fieldsOf(b.get(type)!)), `solid ${type}`).toEqual(sorted(want));
    const s = branches((b.get('extrude') as TObject).properties.shape!);
    expect([...s.keys()].sort()).toEqual(Object.keys(shapes).sort());
    for (const [type, want] of Object.entries(shapes)) expect(sorted(fieldsOf(s.get(type)!)), `shape ${type}`).toEqual(sorted(want));
  });

  it('agree on derived values, rules, features, presets and parts', () => {
    for (const [key, want] of Object.entries(items)) {
      const arr = ModelSchema.properties[key as keyof typeof ModelSchema.properties] as unknown as { items: TSchema };
      expect(sorted(fieldsOf(arr.items)), key).toEqual(sorted(want));
    }
  });
});
