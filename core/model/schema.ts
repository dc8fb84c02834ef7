// The runtime schema of the product-model format v1, written with TypeBox: the objects are JSON Schema.
// ./validate.ts checks untrusted JSON against them; scripts/gen-schema.ts writes them to assets/model.schema.json.
// Keep in step with ./types.ts. Unions carry `discriminator: 'type'` so errors name the right branch.

import { Type, type TSchema } from '@sinclair/typebox';
import { TEXT_LOCALES } from './localize';

/** Limits that make hostile files fail fast; generous for real products. */
export const LIMITS = {
  parameters: 200,
  parts: 64,
  nodes: 5000,
  arrayItems: 2000,
  polygonPoints: 5000,
  text: 2000,
  id: 64,
  depth: 48,
};

const Id = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: LIMITS.id, description: 'Identifier used in expressions' });
const Text = (description: string, maxLength = LIMITS.text) => Type.String({ maxLength, description });
/** Text a customer reads: English, or `{ "en": …, "pt-BR": … }` (English required). ./validate.ts words its problems. */
const Localized = (description: string, maxLength = LIMITS.text, minLength = 0) =>
  Type.Union(
    [
      Type.String({ ...(minLength ? { minLength } : {}), maxLength, description: `${description} (English)` }),
      Type.Object(
        Object.fromEntries(TEXT_LOCALES.map((l) => [l, l === 'en' ? Type.String({ ...(minLength ? { minLength } : {}), maxLength }) : Type.Optional(Type.String({ maxLength }))])),
        { additionalProperties: false, localized: true, description: `${description}, by language: English ("en") and its translations` },
      ),
    ],
    { description },
  );
const Expr = Type.Union([Type.Number(), Type.String({ minLength: 1, maxLength: 4000 })], {
  description: 'A number, or an expression over parameters and derived values, e.g. "width / 2 + 3"',
  exprKind: 'number',
});
const Cond = Type.String({ minLength: 1, maxLength: 4000, description: 'An expression that is true or false', exprKind: 'boolean' });
const Vec2 = Type.Array(Expr, { minItems: 2, maxItems: 2, description: '[x, y] in mm' });
const Vec3 = Type.Array(Expr, { minItems: 3, maxItems: 3, description: '[x, y, z] in mm' });
const Hex = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Colour as #rrggbb' });

const paramBase = {
  id: Id,
  label: Localized('Label shown to the customer', 80),
  help: Type.Optional(Localized('Help text shown under the control', 400)),
  group: Type.Optional(Localized('Parameters with the same group are shown together', 60)),
  visibleWhen: Type.Optional(Cond),
};

const NumberParam = Type.Object(
  {
    type: Type.Union([Type.Literal('number'), Type.Literal('integer')]),
    ...paramBase,
    default: Type.Number(),
    min: Type.Number(),
    max: Type.Number(),
    step: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    unit: Type.Optional(Type.Union(['mm', 'deg', '%', 'count', 'g', 's'].map((u) => Type.Literal(u)))),
  },
  { additionalProperties: false },
);
const BooleanParam = Type.Object({ type: Type.Literal('boolean'), ...paramBase, default: Type.Boolean() }, { additionalProperties: false });
const ChoiceParam = Type.Object(
  {
    type: Type.Literal('choice'),
    ...paramBase,
    default: Type.Union([Type.String({ maxLength: 200 }), Type.Number()]),
    options: Type.Array(
      Type.Object({ value: Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), label: Localized('Option label', 80) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
const TextParam = Type.Object(
  {
    type: Type.Literal('text'),
    ...paramBase,
    default: Type.String({ maxLength: 500 }),
    maxLength: Type.Integer({ minimum: 1, maximum: 500 }),
    minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
    font: Type.String({ maxLength: LIMITS.id, description: 'Font id from assets/fonts/fonts.json' }),
    allowedCharacters: Type.Optional(Type.String({ maxLength: 2000, description: 'Only these characters are accepted' })),
  },
  { additionalProperties: false },
);
const ColorParam = Type.Object(
  { type: Type.Literal('color'), ...paramBase, default: Hex, palette: Type.Optional(Type.Array(Hex, { maxItems: 64 })) },
  { additionalProperties: false },
);
const MaterialParam = Type.Object(
  {
    type: Type.Literal('material'),
    ...paramBase,
    default: Type.String({ maxLength: LIMITS.id, description: 'Material id from the material catalog' }),
    options: Type.Optional(Type.Array(Type.String({ maxLength: LIMITS.id }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const ParameterSchema = Type.Union([NumberParam, BooleanParam, ChoiceParam, TextParam, ColorParam, MaterialParam], {
  discriminator: 'type',
});

const Shape2D = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('polygon'),
        points: Type.Array(Vec2, { minItems: 3, maxItems: LIMITS.polygonPoints }),
        holes: Type.Optional(Type.Array(Type.Array(Vec2, { minItems: 3, maxItems: LIMITS.polygonPoints }), { maxItems: 200 })),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('circle'), radius: Expr, center: Type.Optional(Vec2), segments: Type.Optional(Expr) },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('rect'), size: Vec2, center: Type.Optional(Type.Boolean()), radius: Type.Optional(Expr) },
      { additionalProperties: false },
    ),
  ],
  { discriminator: 'type' },
);

const SolidRef = Type.Unsafe<unknown>({ $ref: '#/$defs/solid' });
const Children = Type.Array(SolidRef, { minItems: 1, maxItems: 500 });
const node = (type: string, props: Record<string, TSchema>) =>
  Type.Object({ type: Type.Literal(type), when: Type.Optional(Cond), ...props }, { additionalProperties: false });
const opt = Type.Optional;

export const SolidSchema = Type.Union(
  [
    node('box', { size: Vec3, center: opt(Type.Boolean()), radius: opt(Expr) }),
    node('cylinder', {
      height: Expr,
      radius: opt(Expr),
      radiusBottom: opt(Expr),
      radiusTop: opt(Expr),
      center: opt(Type.Boolean()),
      segments: opt(Expr),
    }),
    node('sphere', { radius: Expr, segments: opt(Expr) }),
    node('torus', { majorRadius: Expr, minorRadius: Expr }),
    node('extrude', { shape: Shape2D, height: Expr, twist: opt(Expr), scaleTop: opt(Type.Union([Expr, Vec2])), center: opt(Type.Boolean()) }),
    node('revolve', { shape: Shape2D, angle: opt(Expr), segments: opt(Expr) }),
    node('text', {
      text: Type.String({ minLength: 1, maxLength: 4000, description: 'Expression giving the text, e.g. "name" or "\'SALE\'"' }),
      font: opt(Type.String({ maxLength: LIMITS.id })),
      size: Expr,
      height: Expr,
      halign: opt(Type.Union([Type.Literal('left'), Type.Literal('center'), Type.Literal('right')])),
      valign: opt(Type.Union(['baseline', 'bottom', 'center', 'top'].map((v) => Type.Literal(v)))),
      spacing: opt(Expr),
      wrapRadius: opt(Expr),
      fit: opt(
        Type.Object(
          { width: Expr, minSize: Expr },
          { additionalProperties: false, description: 'Shrink the letters (not below minSize, mm) until the advance width fits width (mm)' },
        ),
      ),
    }),
    node('mesh', {
      file: Type.String({ minLength: 1, maxLength: 255, description: 'Relative path of an .stl or .3mf file in the model folder' }),
      scale: opt(Type.Union([Expr, Vec3])),
      center: opt(Type.Boolean()),
    }),
    ...['union', 'difference', 'intersection', 'hull'].map((t) => node(t, { children: Children })),
    node('translate', { offset: Vec3, children: Children }),
    node('rotate', { angles: Vec3, children: Children }),
    node('scale', { factor: Type.Union([Expr, Vec3]), children: Children }),
    node('mirror', { normal: Vec3, children: Children }),
    node('repeat-linear', { count: Expr, offset: Vec3, children: Children }),
    node('repeat-polar', { count: Expr, angle: opt(Expr), children: Children }),
  ],
  { discriminator: 'type' },
);

export const ModelSchema = Type.Object(
  {
    $schema: opt(Type.String({ maxLength: 500 })),
    format: Type.Literal('atelier-model/1', { description: 'Format and version of this file' }),
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: LIMITS.id, description: 'kebab-case id, unique in a catalog' }),
    name: Localized('Product name', 120),
    description: Localized('One or two sentences for the catalog', 1000),
    version: Type.String({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', description: 'Semantic version of this model, e.g. 1.0.0' }),
    units: Type.Literal('mm'),
    designer: opt(Text('Who designed it', 120)),
    thumbnail: opt(Type.String({ maxLength: 255 })),
    tags: opt(Type.Array(Localized('Search word, shown on the gallery card', 40), { maxItems: 20 })),
    parameters: Type.Array(ParameterSchema, { maxItems: LIMITS.parameters }),
    derived: opt(Type.Array(Type.Object({ id: Id, expr: Expr }, { additionalProperties: false }), { maxItems: LIMITS.parameters })),
    constraints: opt(
      Type.Array(
        Type.Object(
          { expr: Cond, message: Localized('What a customer reads when it does not hold', 300), parameters: opt(Type.Array(Id, { maxItems: 20 })) },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    features: opt(
      Type.Array(
        Type.Object(
          {
            id: Id,
            label: Localized('Feature name', 80),
            kind: Type.Union(['wall', 'text-stroke', 'pin', 'gap'].map((k) => Type.Literal(k))),
            thickness: Expr,
            when: opt(Cond),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    presets: opt(
      Type.Array(
        Type.Object(
          {
            id: Id,
            name: Localized('Preset name', 80),
            values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 500 })])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    parts: Type.Array(
      Type.Object(
        {
          name: Localized('Part name: the 3MF object name (in English) and the part customers read about', 80, 1),
          material: Type.String({ maxLength: LIMITS.id, description: 'Material id, or the id of a material parameter' }),
          color: opt(Type.String({ maxLength: LIMITS.id, description: '#rrggbb, or the id of a color parameter' })),
          when: opt(Cond),
          solid: SolidRef,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: LIMITS.parts },
    ),
  },
  { additionalProperties: false, $defs: { solid: SolidSchema } },
);

/** The JSON Schema shipped as assets/model.schema.json for designers' editors. */
export const modelJsonSchema: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://atelier.example/schemas/model-1.json',
  title: 'Atelier product model (format atelier-model/1)',
  ...JSON.parse(JSON.stringify(ModelSchema)),
};
