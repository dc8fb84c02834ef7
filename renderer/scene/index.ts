// The 3D preview: the only entry point ui/ uses to reach Babylon. Scene units are metres (see convert.ts, the one
// mm→m conversion). Babylon imported from deep paths only. Never imports Svelte or ui/.
// Everything created here is disposed by Preview.dispose().
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { BBox } from '../../core/geometry/mesh-data';
import type { ShadedMesh } from '../../core/geometry/shading';
import type { MaterialCatalog } from '../../core/model/types';
import { bboxToScene, meshFromData, meshFromShaded } from './convert';
import { createLights, createStudioEnvironment } from './environment';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { Ground } from './ground';
import { MaterialCache } from './materials';
import { Dimensions, formatLength, type LengthUnit } from './dimensions';

export { formatLength, type LengthUnit };
// AR through this entry too: support.ts needs no Babylon; the session code loads only when AR starts (its own chunk).
export { arSupport, type ArSupport } from './ar/support';
export type { ArSession, ArStatus } from './ar/index';
/** Loads the AR session code on demand ("View in AR"), keeping Babylon's XR code out of the preview's bundle. */
export const loadAr = () => import('./ar/index');

/** A part as the preview needs it: positions in mm (core's MeshData). */
export interface PreviewPart {
  name: string;
  material: string;
  color: string;
  positions: Float32Array;
  indices: Uint32Array;
  /** The same mesh shaded for the preview, by the geometry worker (core/geometry/shading.ts). */
  shaded: ShadedMesh;
}

export interface PreviewOptions {
  canvas: HTMLCanvasElement;
  /** Element over the canvas that holds the dimension labels (position: relative/absolute, same size). */
  overlay: HTMLElement;
  materials: MaterialCatalog;
}

export interface Preview {
  /**
   * Replaces the shown product. `frame` re-aims the camera (a new product); otherwise the angles are kept, and a
   * product whose size changed is re-fitted smoothly (target and distance) so it and its dimension labels stay in view.
   */
  setParts(parts: PreviewPart[], bbox: BBox, opts?: { frame?: boolean }): void;
  /** Length unit of the dimension labels; `format` writes a length in the customer's language (default: "9.84 in"). */
  setUnit(u: LengthUnit, format?: (mm: number) => string): void;
  setDimensionsVisible(v: boolean): void;
  frame(): void;
  /** Turns the camera around the product by these angles (radians; +alpha to the right, +beta downwards). */
  orbit(dAlpha: number, dBeta: number): void;
  /** Moves the camera closer (factor < 1) or further away (factor > 1), within the framed limits. */
  zoom(factor: number): void;
  /** The current view, rounded to 1e-4 (radians, metres); also on the canvas as data-alpha/-beta/-radius. */
  readonly view: { alpha: number; beta: number; radius: number };
  /** The current view as PNG bytes (optionally square-cropped to `size` pixels for thumbnails). */
  screenshot(size?: number): Promise<Uint8Array>;
  /** Called after every rendered frame with its time (ms, performance.now()). */
  onFrame(cb: (t: number) => void): () => void;
  /** Number of frames rendered since start. */
  readonly frames: number;
  /** The canvas drawn on: the one given, or a warmed-up engine's, which took its place and attributes (warmUp). */
  readonly canvas: HTMLCanvasElement;
  dispose(): void;
}

/** Frames rendered after the scene became ready or changed (shadow map, async shaders). */
const SETTLE_FRAMES = 6;
/**
 * Home view: from the front (core −Y, where slicers put the front and text reads left to right), a little to the
 * right and above. Radians, Babylon's ArcRotateCamera convention in this right-handed, Y-up scene.
 */
const HOME_ALPHA = Math.PI / 2 - 0.5;
const HOME_BETA = 1.08;
/** How long the camera takes to re-fit a product whose size changed (ms): quick, but seen as a move, not a jump. */
const REFIT_MS = 300;
const BACKGROUND = new Color3(0.949, 0.945, 0.937);

interface Core {
  canvas: HTMLCanvasElement;
  engine: Engine;
  scene: Scene;
  camera: ArcRotateCamera;
  ground: Ground;
  /** With the warm-up's stand-ins released (see compileShaders), or resolves to a no-op. */
  ready: Promise<() => void>;
}

/**
 * Engine, scene, camera, ground and studio lighting on `canvas`; `ready` when the environment is prefiltered (and,
 * with `compile`, the product's PBR shader is compiled, before any product is shown).
 */
function createCore(canvas: HTMLCanvasElement, compile: boolean): Core {
  performance.mark('atelier:engine-start');
  const engine = new Engine(canvas, true, { preserveDrawingBuffer: false, stencil: true, antialias: true, powerPreference: 'high-performance' }, true);
  performance.mark('atelier:engine-end');
  // Babylon gives the canvas tabindex 1 on the first pointer move: a positive tabindex breaks the tab order.
  engine.canvasTabIndex = 0;
  const scene = new Scene(engine);
  scene.useRightHandedSystem = true;
  scene.clearColor = Color4.FromColor3(BACKGROUND.toLinearSpace().toGammaSpace(), 1);
  scene.imageProcessingConfiguration.toneMappingEnabled = false;
  scene.imageProcessingConfiguration.exposure = 1.05;
  scene.skipPointerMovePicking = true;

  const camera = new ArcRotateCamera('camera', HOME_ALPHA, HOME_BETA, 0.3, Vector3.Zero(), scene);
  camera.minZ = 0.001;
  camera.maxZ = 50;
  camera.lowerBetaLimit = 0.1;
  camera.upperBetaLimit = Math.PI / 2 - 0.02; // never below the ground
  camera.wheelDeltaPercentage = 0.01;
  camera.pinchDeltaPercentage = 0.01;
  camera.panningSensibility = 4000;
  camera.useNaturalPinchZoom = true;
  camera.attachControl(true);
  // Keys are the UI's (Viewport.svelte calls orbit/zoom/frame): Babylon's own keyboard input only moves the camera
  // inside a render, and the preview renders only when something changed, so its keys did nothing.
  camera.inputs.removeByType('ArcRotateCameraKeyboardMoveInput');

  createLights(scene);
  const ground = new Ground(scene, BACKGROUND);
  performance.mark('atelier:env-start');
  const env = createStudioEnvironment(scene).then(() => void performance.mark('atelier:env-end'));
  // The environment texture is already set: the shaders compile for it while it is being prefiltered (the warm-up
  // frames wait until it is ready).
  const noop = () => undefined;
  const ready = compile ? Promise.all([env, compileShaders(scene, ground)]).then(([, release]) => release) : env.then(() => noop);
  return { canvas, engine, scene, camera, ground, ready };
}

/**
 * Compiles every shader the first product view needs (a plain PBR part, the ground disc, the contact shadow, the
 * dimension lines) before any product is shown, while nothing waits for it: by drawing one frame of a stand-in
 * scene on the warm engine's own canvas. Without KHR_parallel_shader_compile (software renderers) each link
 * blocks the main thread for tens to hundreds of milliseconds; done here, it is not done when a product opens.
 */
async function compileShaders(scene: Scene, ground: Ground): Promise<() => void> {
  const probe = meshFromData('shader-warm-up', new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10]), new Uint32Array([0, 1, 2, 0, 3, 1, 0, 2, 3, 1, 3, 2]), scene);
  const mat = new PBRMaterial('shader-warm-up', scene);
  mat.metallic = 0;
  mat.roughness = 0.5;
  probe.material = mat;
  const bbox: BBox = { min: [0, 0, 0], max: [10, 10, 10] };
  const b = bboxToScene(bbox);
  ground.place(b.min.x, b.max.x, b.min.z, b.max.z, b.min.y, 0.01);
  const dims = new Dimensions(scene, document.createElement('div'));
  dims.set(bbox);
  const camera = scene.activeCamera as ArcRotateCamera;
  camera.setTarget(b.min.add(b.max).scale(0.5));
  camera.radius = 0.05;
  try {
    // each frame compiles what it can; a few frames (and at most 3 s) until everything in view could be drawn
    const until = performance.now() + 3000;
    do {
      scene.render();
      await new Promise((r) => setTimeout(r, 0));
    } while (!scene.isReady(true) && performance.now() < until);
    scene.render();
  } catch {
    // only a head start: the first frame compiles whatever is missing
  }
  performance.mark('atelier:shaders-compiled');
  // Hidden, not disposed: Babylon counts the users of a compiled program and deletes it with its last one, so the
  // stand-ins hold the programs until the product's own meshes have taken them (released after its first frame).
  probe.setEnabled(false);
  dims.setVisible(false);
  return () => {
    dims.dispose();
    probe.dispose();
    mat.dispose();
  };
}

let warm: Core | null = null;

/**
 * Creates the WebGL engine, prefilters the environment and compiles the shaders on a canvas of its own before the
 * preview is shown (while the catalog and the product load); the next createPreview adopts it. No-op if one is
 * waiting already.
 */
export function warmUp(size?: { width: number; height: number }): void {
  warm ??= createCore(document.createElement('canvas'), true);
  // The drawing buffer at the size the preview will show (CSS px × device pixel ratio, as engine.resize makes it):
  // resized now, while nothing waits, so adopting the canvas changes no size.
  if (size && size.width > 0 && size.height > 0) {
    const scale = warm.engine.getHardwareScalingLevel();
    warm.engine.setSize(size.width / scale, size.height / scale);
  }
}

export async function createPreview(o: PreviewOptions): Promise<Preview> {
  // A warmed-up engine replaces the given canvas with its own, which takes over the canvas's attributes.
  const core = warm ?? createCore(o.canvas, false);
  warm = null;
  if (core.canvas !== o.canvas) {
    for (const a of Array.from(o.canvas.attributes)) core.canvas.setAttribute(a.name, a.value);
    o.canvas.replaceWith(core.canvas);
  }
  const { engine, scene, camera, ground } = core;
  const canvas = core.canvas;

  const mats = new MaterialCache(scene);
  mats.setCatalog(o.materials);
  const dims = new Dimensions(scene, o.overlay);
  let releaseWarmUp: (() => void) | null = await core.ready;

  let meshes: Mesh[] = [];
  let bounds: { min: Vector3; max: Vector3 } | null = null;
  let frames = 0;
  const frameCbs = new Set<(t: number) => void>();
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const view = () => ({ alpha: round(camera.alpha), beta: round(camera.beta), radius: round(camera.radius) });
  scene.onAfterRenderObservable.add(() => {
    frames++;
    const v = view();
    canvas.dataset.alpha = String(v.alpha);
    canvas.dataset.beta = String(v.beta);
    canvas.dataset.radius = String(v.radius);
    dims.update();
    const t = performance.now();
    for (const cb of frameCbs) cb(t);
  });

  let dirty = true;
  let settle = SETTLE_FRAMES;
  const markDirty = () => void (dirty = true);
  camera.onViewMatrixChangedObservable.add(markDirty);
  const draw = () => {
    scene.render();
    // Shaders (and the shadow map's) compile asynchronously: keep rendering until everything could be drawn,
    // then a few frames more so the shadow map catches up.
    if (!scene.isReady(true)) settle = SETTLE_FRAMES;
    else {
      settle--;
      // the product's meshes now hold the programs the warm-up compiled
      if (releaseWarmUp && meshes.length > 0) {
        releaseWarmUp();
        releaseWarmUp = null;
      }
    }
    dirty = false;
  };
  engine.runRenderLoop(() => {
    stepRefit();
    // Render only when something changed: a still preview costs nothing (battery, kiosk, shared CPU).
    if (!dirty && settle <= 0 && !camera.inertialAlphaOffset && !camera.inertialBetaOffset && !camera.inertialRadiusOffset) return;
    draw();
  });
  // A new product or build is drawn at once, not at the next animation frame: under a busy software renderer that
  // frame can be tens of milliseconds away. The browser shows it with its next frame. In a task of its own, queued
  // right behind the one that set the meshes: both in one task came to over 50 ms under a software renderer.
  let drawSoon = false;
  const soon = new MessageChannel();
  soon.port1.onmessage = () => {
    drawSoon = false;
    if (dirty && !scene.isDisposed) draw();
  };
  const drawNow = () => {
    if (drawSoon) return;
    drawSoon = true;
    soon.port2.postMessage(null);
  };
  const onResize = () => {
    engine.resize();
    dirty = true;
  };
  const ro = new ResizeObserver(onResize);
  ro.observe(canvas);

  /** Where the camera looks and how far away it must be for the product and its dimension labels to fit. */
  const fitOf = (b: { min: Vector3; max: Vector3 }) => {
    const centre = b.min.add(b.max).scale(0.5);
    const radius = Math.max(0.005, b.max.subtract(b.min).length() / 2);
    const fov = camera.fov;
    const aspect = engine.getAspectRatio(camera) || 1;
    const fit = Math.min(fov, 2 * Math.atan(Math.tan(fov / 2) * aspect));
    // 1.2: the dimension lines stand off the product by 8% of its size, their labels a little beyond
    return { centre, radius, distance: (radius * 1.2) / Math.sin(fit / 2) };
  };
  const setLimits = (radius: number, distance: number) => {
    camera.lowerRadiusLimit = radius * 1.2;
    camera.upperRadiusLimit = distance * 4;
    camera.minZ = distance / 100;
    camera.maxZ = distance * 20;
  };
  /** The distance the last fit asked for: a customer's zoom out from it is kept through a re-fit. */
  let fittedDistance = 0;
  let refit: { t0: number; fromR: number; toR: number; from: Vector3; to: Vector3; radius: number } | null = null;
  /** A re-fit that arrived while the customer held the view (pointer down on the canvas): done at release. */
  let refitAfterDrag = false;
  let dragging = false;

  const frame = () => {
    if (!bounds) return;
    refit = null;
    refitAfterDrag = false;
    const { centre, radius, distance } = fitOf(bounds);
    camera.setTarget(centre);
    camera.alpha = HOME_ALPHA;
    camera.beta = HOME_BETA;
    camera.radius = distance;
    setLimits(radius, distance);
    fittedDistance = distance;
    dirty = true;
  };

  /**
   * After a size change: the same angles, a new target and distance so the whole product and its labels fit,
   * reached smoothly (REFIT_MS). A customer who zoomed out stays as far out, relative to the fit.
   */
  const startRefit = () => {
    if (!bounds) return;
    if (dragging) return void (refitAfterDrag = true);
    const { centre, radius, distance } = fitOf(bounds);
    const zoomedOut = fittedDistance > 0 ? Math.max(1, camera.radius / fittedDistance) : 1;
    fittedDistance = distance;
    const toR = distance * zoomedOut;
    refit = { t0: performance.now(), fromR: camera.radius, toR, from: camera.target.clone(), to: centre, radius };
    // limits that hold both ends of the move; the fitted ones when it ends
    camera.lowerRadiusLimit = Math.min(radius * 1.2, camera.radius);
    camera.upperRadiusLimit = Math.max(toR * 4, camera.radius);
    camera.minZ = Math.min(toR, camera.radius) / 100;
    camera.maxZ = Math.max(toR, camera.radius) * 20;
    dirty = true;
  };
  const stepRefit = () => {
    if (!refit) return;
    const k = Math.min(1, (performance.now() - refit.t0) / REFIT_MS);
    const e = 1 - Math.pow(1 - k, 3); // ease out
    camera.radius = refit.fromR + (refit.toR - refit.fromR) * e;
    camera.target.copyFrom(Vector3.Lerp(refit.from, refit.to, e));
    if (k === 1) {
      setLimits(refit.radius, fittedDistance);
      refit = null;
    }
    dirty = true;
  };
  /** The customer's own hand wins: a press, a wheel or a zoom key stops a re-fit where it has got to. */
  const stopRefit = () => {
    if (!refit) return;
    stepRefit();
    if (refit) setLimits(refit.radius, fittedDistance);
    refit = null;
  };
  const onPointerDown = () => {
    dragging = true;
    stopRefit();
  };
  const onPointerUp = () => {
    if (!dragging) return;
    dragging = false;
    if (refitAfterDrag) {
      refitAfterDrag = false;
      startRefit();
    }
  };
  canvas.addEventListener('pointerdown', onPointerDown);
  window.addEventListener('pointerup', onPointerUp);
  window.addEventListener('pointercancel', onPointerUp);
  canvas.addEventListener('wheel', stopRefit, { passive: true });

  const preview: Preview = {
    setParts(parts, bbox, opts) {
      const first = bounds === null;
      for (const m of meshes) m.dispose();
      meshes = parts.map((p, i) => {
        const m = meshFromShaded(`part-${i}-${p.name}`, p.shaded, scene);
        m.material = mats.get(p.material, p.color);
        return m;
      });
      const before = bounds;
      bounds = bboxToScene(bbox);
      const r = bounds.max.subtract(bounds.min).length() / 2;
      ground.place(bounds.min.x, bounds.max.x, bounds.min.z, bounds.max.z, bounds.min.y, r);
      dims.set(bbox);
      if (first || opts?.frame) frame();
      else if (before && resized(before, bounds)) startRefit();
      dirty = true;
      settle = SETTLE_FRAMES;
      drawNow();
    },
    setUnit(u, format) {
      dims.setUnit(u, format);
      dirty = true;
    },
    setDimensionsVisible(v) {
      dims.setVisible(v);
      dirty = true;
    },
    frame,
    orbit(dAlpha, dBeta) {
      camera.alpha += dAlpha;
      camera.beta = Math.min(camera.upperBetaLimit ?? Math.PI, Math.max(camera.lowerBetaLimit ?? 0, camera.beta + dBeta));
      dirty = true;
    },
    zoom(factor) {
      stopRefit();
      const r = camera.radius * factor;
      camera.radius = Math.min(camera.upperRadiusLimit ?? r, Math.max(camera.lowerRadiusLimit ?? r, r));
      dirty = true;
    },
    get view() {
      return view();
    },
    async screenshot(size) {
      await scene.whenReadyAsync(true);
      scene.render();
      const src = canvas;
      if (!size) return dataUrlBytes(src.toDataURL('image/png'));
      const c = document.createElement('canvas');
      c.width = c.height = size;
      const s = Math.min(src.width, src.height);
      c.getContext('2d')!.drawImage(src, (src.width - s) / 2, (src.height - s) / 2, s, s, 0, 0, size, size);
      return dataUrlBytes(c.toDataURL('image/png'));
    },
    onFrame(cb) {
      frameCbs.add(cb);
      return () => frameCbs.delete(cb);
    },
    get frames() {
      return frames;
    },
    canvas,
    dispose() {
      ro.disconnect();
      soon.port1.close();
      canvas.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', onPointerUp);
      canvas.removeEventListener('wheel', stopRefit);
      frameCbs.clear();
      releaseWarmUp?.();
      dims.dispose();
      for (const m of meshes) m.dispose();
      mats.dispose();
      ground.dispose();
      scene.dispose();
      engine.dispose();
    },
  };
  return preview;
}

/** Whether a build's bounds differ from the last one's by more than rounding (0.1% of its size, at least 10 µm). */
function resized(a: { min: Vector3; max: Vector3 }, b: { min: Vector3; max: Vector3 }): boolean {
  const tol = Math.max(1e-5, b.max.subtract(b.min).length() * 1e-3);
  return Vector3.Distance(a.min, b.min) > tol || Vector3.Distance(a.max, b.max) > tol;
}

function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
