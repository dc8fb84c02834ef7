// Product-model format v1: the TypeScript shape of a validated model file (see docs/model-format.md).
// The runtime schema in ./schema.ts validates untrusted JSON into these types; keep the two in step.
// Pure types: no imports from outside core/.

/** A number literal or an expression string over parameters and derived values, e.g. `"width / 2 + 3"`. */
export type Expr = number | string;
export type Vec2 = [Expr, Expr];
export type Vec3 = [Expr, Expr, Expr];

export const MODEL_FORMAT = 'atelier-model/1';
export const DESIGN_FORMAT = 'atelier-design/1';

export type ParameterValue = number | boolean | string;

/**
 * Text a person reads, as a model file may write it: English, or English with translations by language tag
 * (`{ "en": "Width", "pt-BR": "Largura" }`, languages in ./localize.ts TEXT_LOCALES). After parsing, each text
 * field holds the English and the object's `translations` the whole value (see ./localize.ts).
 */
export type LocalizedText = string | Translations;
export type Translations = { en: string } & Record<string, string>;
/** Translations of an object's text fields, present only for fields the file gave as `{ "en": … }`. */
export type TextTranslations<K extends string> = Partial<Record<K, Translations>>;

interface ParameterBase {
  /** Identifier used in expressions: `[a-zA-Z_][a-zA-Z0-9_]*`, unique across parameters and derived values. */
  id: string;
  label: string;
  help?: string;
  /** Parameters with the same group are shown together, in first-seen order. */
  group?: string;
  /** Expression; the parameter is shown only while it is true. Hidden parameters keep their value. */
  visibleWhen?: string;
  translations?: TextTranslations<'label' | 'help' | 'group'>;
}

export interface NumberParameter extends ParameterBase {
  type: 'number' | 'integer';
  default: number;
  min: number;
  max: number;
  step?: number;
  /** Display unit: 'mm' values are converted for an inch display; others ('deg', '%', 'count') are shown as is. */
  unit?: 'mm' | 'deg' | '%' | 'count' | 'g' | 's';
}

export interface BooleanParameter extends ParameterBase {
  type: 'boolean';
  default: boolean;
}

export interface ChoiceOption {
  value: string | number;
  label: string;
  translations?: TextTranslations<'label'>;
}

export interface ChoiceParameter extends ParameterBase {
  type: 'choice';
  default: string | number;
  options: ChoiceOption[];
}

export interface TextParameter extends ParameterBase {
  type: 'text';
  default: string;
  maxLength: number;
  minLength?: number;
  /** Font id from assets/fonts (fonts.json). */
  font: string;
  /** If given, only these characters are allowed (besides the font's coverage check). */
  allowedCharacters?: string;
}

export interface ColorParameter extends ParameterBase {
  type: 'color';
  /** `#rrggbb` */
  default: string;
  /** Optional palette shown as swatches; any `#rrggbb` is accepted if absent. */
  palette?: string[];
}

export interface MaterialParameter extends ParameterBase {
  type: 'material';
  /** Material id from the material catalog. */
  default: string;
  /** Allowed material ids; all catalog materials if absent. */
  options?: string[];
}

export type Parameter =
  | NumberParameter
  | BooleanParameter
  | ChoiceParameter
  | TextParameter
  | ColorParameter
  | MaterialParameter;

export type ParameterType = Parameter['type'];

export interface Derived {
  /** Identifier, usable in later derived values, constraints and geometry. */
  id: string;
  expr: Expr;
}

export interface Constraint {
  /** Must evaluate to true. */
  expr: string;
  /** What a customer reads when it does not hold, e.g. "The handle needs at least 25 mm for fingers." */
  message: string;
  /** Parameter ids the message is shown beside. */
  parameters?: string[];
  translations?: TextTranslations<'message'>;
}

/** A feature whose thickness a printer must be able to make (text stroke, wall), checked against a printer. */
export interface Feature {
  id: string;
  label: string;
  kind: 'wall' | 'text-stroke' | 'pin' | 'gap';
  /** Thickness in mm. */
  thickness: Expr;
  when?: string;
  translations?: TextTranslations<'label'>;
}

export interface Preset {
  id: string;
  name: string;
  values: Record<string, ParameterValue>;
  translations?: TextTranslations<'name'>;
}

export interface Part {
  /** Unique, shown in the 3MF as the object name and in the UI. */
  name: string;
  /** A material id from the catalog, or the id of a `material` parameter. */
  material: string;
  /** A `#rrggbb` colour or the id of a `color` parameter; overrides the material's base colour. */
  color?: string;
  /** Expression; the part exists only while it is true. */
  when?: string;
  solid: Solid;
  /** The name in other languages, for messages; `name` (English) stays the identifier. */
  translations?: TextTranslations<'name'>;
}

// ---- Solids: primitives and operations. Every node may carry `when` (dropped while false). ----

interface NodeBase {
  when?: string;
}

export interface BoxNode extends NodeBase {
  type: 'box';
  size: Vec3;
  /** Centre on the origin; otherwise spans [0, size] on every axis. Default false. */
  center?: boolean;
  /** Rounds the vertical edges with this radius (mm). */
  radius?: Expr;
}

export interface CylinderNode extends NodeBase {
  type: 'cylinder';
  height: Expr;
  /** Radius at both ends, or use radiusBottom/radiusTop for a cone. */
  radius?: Expr;
  radiusBottom?: Expr;
  radiusTop?: Expr;
  /** Centre along Z; otherwise from z=0 to z=height. Default false. */
  center?: boolean;
  /** Fixed facet count (e.g. 6 for a hexagon); otherwise from the quality. */
  segments?: Expr;
}

export interface SphereNode extends NodeBase {
  type: 'sphere';
  radius: Expr;
  segments?: Expr;
}

export interface TorusNode extends NodeBase {
  type: 'torus';
  /** Distance from the centre to the tube's centre line (mm). */
  majorRadius: Expr;
  /** Tube radius (mm). */
  minorRadius: Expr;
}

/** A closed 2D outline; holes are given as further contours (non-zero fill). */
export type Shape2D =
  | { type: 'polygon'; points: Vec2[]; holes?: Vec2[][] }
  | { type: 'circle'; radius: Expr; center?: Vec2; segments?: Expr }
  | { type: 'rect'; size: Vec2; center?: boolean; radius?: Expr };

export interface ExtrudeNode extends NodeBase {
  type: 'extrude';
  shape: Shape2D;
  height: Expr;
  /** Degrees of twist over the height. */
  twist?: Expr;
  /** Scale of the top outline relative to the bottom (taper). */
  scaleTop?: Expr | Vec2;
  center?: boolean;
}

/** Revolves a profile in the XZ half-plane (x = radius ≥ 0, y of the shape = height) about the Z axis. */
export interface RevolveNode extends NodeBase {
  type: 'revolve';
  shape: Shape2D;
  /** Degrees, default 360. */
  angle?: Expr;
  segments?: Expr;
}

export interface TextNode extends NodeBase {
  type: 'text';
  /** Expression giving the string, e.g. `"name"` (a text parameter) or `"'SALE'"`. */
  text: string;
  /** Font id; defaults to the font of the text parameter the expression names. */
  font?: string;
  /** Cap height / em size in mm. */
  size: Expr;
  /** Extrusion depth along +Z (mm). */
  height: Expr;
  halign?: 'left' | 'center' | 'right';
  valign?: 'baseline' | 'bottom' | 'center' | 'top';
  /** Extra space between letters (mm). */
  spacing?: Expr;
  /** Wrap the text around a cylinder of this radius (mm), about the Z axis, text facing +Y outward. */
  wrapRadius?: Expr;
  /** Shrink the letters until the advance width is at most `width` mm (around the wrap, the arc length), never below `minSize` mm. */
  fit?: { width: Expr; minSize: Expr };
}

export interface MeshNode extends NodeBase {
  type: 'mesh';
  /** Path relative to the model file's folder: `.stl` or `.3mf`. No `..`, no absolute paths. */
  file: string;
  /** Uniform or per-axis scale. */
  scale?: Expr | Vec3;
  /** Centre the mesh's bounding box on the origin in XY and put its bottom on z=0. */
  center?: boolean;
}

export interface BooleanNode extends NodeBase {
  type: 'union' | 'difference' | 'intersection' | 'hull';
  /** For difference: the first child minus all the others. */
  children: Solid[];
}

export interface TranslateNode extends NodeBase {
  type: 'translate';
  offset: Vec3;
  children: Solid[];
}

export interface RotateNode extends NodeBase {
  type: 'rotate';
  /** Degrees about X, then Y, then Z. */
  angles: Vec3;
  children: Solid[];
}

export interface ScaleNode extends NodeBase {
  type: 'scale';
  factor: Expr | Vec3;
  children: Solid[];
}

export interface MirrorNode extends NodeBase {
  type: 'mirror';
  /** Normal of the mirror plane through the origin. */
  normal: Vec3;
  children: Solid[];
}

export interface LinearRepeatNode extends NodeBase {
  type: 'repeat-linear';
  count: Expr;
  /** Offset between consecutive copies (mm). */
  offset: Vec3;
  children: Solid[];
}

export interface PolarRepeatNode extends NodeBase {
  type: 'repeat-polar';
  count: Expr;
  /** Total angle the copies spread over (degrees, default 360), about the Z axis. */
  angle?: Expr;
  children: Solid[];
}

export type Solid =
  | BoxNode
  | CylinderNode
  | SphereNode
  | TorusNode
  | ExtrudeNode
  | RevolveNode
  | TextNode
  | MeshNode
  | BooleanNode
  | TranslateNode
  | RotateNode
  | ScaleNode
  | MirrorNode
  | LinearRepeatNode
  | PolarRepeatNode;

export type SolidType = Solid['type'];

export interface ProductModel {
  format: typeof MODEL_FORMAT;
  /** kebab-case, unique in a catalog. */
  id: string;
  name: string;
  description: string;
  /** Semantic version of this model. */
  version: string;
  units: 'mm';
  designer?: string;
  /** Path of a PNG thumbnail relative to the model file. */
  thumbnail?: string;
  tags?: string[];
  parameters: Parameter[];
  derived?: Derived[];
  constraints?: Constraint[];
  features?: Feature[];
  presets?: Preset[];
  parts: Part[];
  /** `tags` holds the English words; `translations.tags` every tag in all its languages when the file translates any. */
  translations?: TextTranslations<'name' | 'description'> & { tags?: Translations[] };
}

/** A personalised design: which model, which values, which materials. Saved as `.atelier.json` and in 3MF. */
export interface Design {
  format: typeof DESIGN_FORMAT;
  model: { id: string; version: string };
  /** Values for the model's parameters; missing ones take the default. */
  values: Record<string, ParameterValue>;
  /** Per-part material overrides: part name → material id. */
  materials?: Record<string, string>;
  /** A name the user gave the design. */
  name?: string;
}

/** Entry of the material catalog (assets/materials/materials.json). */
export interface Material {
  id: string;
  name: string;
  process: 'fdm' | 'sla' | 'any';
  /** `#rrggbb` base colour. */
  color: string;
  /** g/cm³ */
  density: number;
  /** Price per kilogram in the catalog currency. */
  pricePerKg: number;
  /** PBR for the preview and GLB: 0..1 */
  metallic: number;
  roughness: number;
  /** Optional alpha 0..1 for translucent resins. */
  alpha?: number;
  /** Set when the catalog gives the name as `{ "en": …, "pt-BR": … }`; `name` holds the English. */
  translations?: TextTranslations<'name'>;
}

export interface MaterialCatalog {
  currency: string;
  materials: Material[];
}

export type Quality = 'preview' | 'final';
