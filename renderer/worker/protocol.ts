// Messages between the UI thread and the geometry worker. Every request carries an id; answers echo it.
// Types only (shared by worker/ and ui/); imports core/ types only.
import type { BBox } from '../../core/geometry/mesh-data';
import type { ShadedMesh } from '../../core/geometry/shading';
import type { Design, ParameterValue, ProductModel, Quality } from '../../core/model/types';
import type { Coded, Problem } from '../../core/errors';

/** A finding about a build: the English sentence, and a code the UI says in the customer's language. */
export type Finding = Coded & { message: string };

export interface FontBytes { id: string; name: string; bytes: Uint8Array }

export type WorkerRequest =
  /** Starts loading the manifold WebAssembly before 'init' (no answer); 'init' with the same URL then reuses it. */
  | { type: 'preload'; id: number; wasmUrl: string }
  | { type: 'init'; id: number; wasmUrl: string; fonts: FontBytes[]; materialsJson: string; printersJson: string[]; appVersion?: string }
  | { type: 'model'; id: number; key: string; model: ProductModel; assets: Record<string, Uint8Array> }
  /**
   * `scope`: the values and derived values the UI thread evaluated for this edit; the worker checks it
   * (core/pipeline.ts acceptPreparedScope) and builds from it instead of evaluating the design again. Exports and
   * slicer inputs of the latest build's values carry the same scope.
   */
  | { type: 'build'; id: number; key: string; values: Record<string, ParameterValue>; scope?: Map<string, ParameterValue>; quality: Quality; printerId?: string; materialOverrides?: Record<string, string> }
  | { type: 'export'; id: number; key: string; values: Record<string, ParameterValue>; scope?: Map<string, ParameterValue>; quality: Quality; format: ExportFormat; design: Design; printerId?: string; materialOverrides?: Record<string, string> }
  /** The 3MF PrusaSlicer slices for the figures bar (core/export/slice-input.ts), built like an export. */
  | { type: 'slice-input'; id: number; key: string; values: Record<string, ParameterValue>; scope?: Map<string, ParameterValue>; quality: Quality; design: Design; printerId: string; materialOverrides?: Record<string, string> };

/**
 * Files the worker writes: STL and 3MF for manufacturing; GLB (Android Scene Viewer, WebXR) and USDZ (iOS Quick
 * Look) for the phone hand-off and AR downloads, in metres.
 */
export type ExportFormat = 'stl' | '3mf' | 'glb' | 'usdz';

/** A part ready for the preview: plain arrays (transferred, not copied). */
export interface BuiltPart {
  name: string;
  material: string;
  color: string;
  positions: Float32Array;
  indices: Uint32Array;
  /** The mesh shaded for the preview (shadeMesh), so the UI thread only uploads it. */
  shaded: ShadedMesh;
  volume: number;
  bbox: BBox;
}

export interface Figures {
  bbox: BBox;
  /** mm³ */
  volume: number;
  triangles: number;
  massGrams: number | null;
  cost: number | null;
  currency: string;
  /** null when no printer is chosen */
  fits: boolean | null;
  /** Printability findings (from core/check) and mesh repairs: English sentences, with codes the UI translates. */
  findings: Finding[];
}

export type WorkerResponse =
  | { type: 'ready'; id: number }
  /** `scopeFrom`: 'ui' when the build used the scope the UI sent, 'worker' when the worker evaluated the design. */
  | { type: 'built'; id: number; parts: BuiltPart[]; figures: Figures; ms: number; scopeFrom: 'ui' | 'worker' }
  | { type: 'exported'; id: number; bytes: Uint8Array; triangles: number; parts: number; ms: number }
  | { type: 'slice-input'; id: number; bytes: Uint8Array; filaments: { material: string; color: string }[]; ms: number }
  | { type: 'progress'; id: number; stage: 'building' | 'writing' }
  | { type: 'error'; id: number; message: string; problems: Problem[]; budget: boolean };
