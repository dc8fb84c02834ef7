// The in-app AR view: a WebXR `immersive-ar` session in its own Babylon engine and scene (the editor's preview is
// left untouched, so leaving AR returns to the same design and view). A reticle follows hit-test results on real
// horizontal surfaces below the eyes (floors, tables; never walls or the ceiling); a tap places the product there
// at true size (scene metres, built by convert.ts; scale is never changed); a one-finger drag or a two-finger twist
// turns it about the vertical axis; a soft floor shadow grounds it. DOM overlay for the badge, sizes and exit.
// Nothing is downloaded: only WebXRExperienceHelper with the hit-test and DOM-overlay features, no input manager,
// so no controller or hand models and no motion-controller repository. Babylon (deep paths) + DOM; no Svelte.
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { WebXRExperienceHelper } from '@babylonjs/core/XR/webXRExperienceHelper';
import { WebXRHitTest, type IWebXRHitResult } from '@babylonjs/core/XR/features/WebXRHitTest';
import { WebXRDomOverlay } from '@babylonjs/core/XR/features/WebXRDOMOverlay';
import type { BBox } from '../../../core/geometry/mesh-data';
import type { MaterialCatalog } from '../../../core/model/types';
import { bboxToScene, meshFromShaded } from '../convert';
import { MaterialCache } from '../materials';
import { createLights, createStudioEnvironment } from '../environment';
import type { PreviewPart } from '../index';
import { createFloorShadow } from './floor-shadow';
import { isStandableSurface, orientedSize, yawTowards, type Vec3 } from './placement';
import { createReticle } from './reticle';
import { overlayGestures } from './gestures';

export type ArStatus = 'starting' | 'searching' | 'surface' | 'placed' | 'ended';

export interface ArOptions {
  /** Canvas the AR scene renders to (its own WebGL context). */
  canvas: HTMLCanvasElement;
  /** DOM overlay root: shown over the camera image (badge, sizes, exit); taps and drags on it steer the product. */
  overlay: HTMLElement;
  materials: MaterialCatalog;
  parts: PreviewPart[];
  /** The build's bounding box (mm). */
  bbox: BBox;
  onStatus?: (s: ArStatus) => void;
}

export interface ArSession {
  readonly status: ArStatus;
  /** Resolves when the session has ended (exit button, system back, or an error) and everything is disposed. */
  readonly ended: Promise<void>;
  exit(): Promise<void>;
}

/** What end-to-end tests read (window.atelierAr while a session runs). Metres, scene (= reference space) frame. */
export interface ArProbe {
  status: ArStatus;
  domOverlay: string | null;
  hit: { position: Vec3; normal: Vec3; viewer: Vec3 } | null;
  /** Hit-test results in the last frame that reported any (before keeping only floors and tables). */
  results: number;
  placed: { position: Vec3; yaw: number; scaling: Vec3 } | null;
  /** The floor shadow's world bounding box (min, max), or null while the product is not placed. */
  shadowBox(): { min: Vec3; max: Vec3 } | null;
  /** World positions of every product vertex (x, y, z, …). */
  worldPositions(): number[];
  orientedSize(): [number, number, number];
}

export async function startArSession(o: ArOptions): Promise<ArSession> {
  const engine = new Engine(o.canvas, true, { alpha: true, premultipliedAlpha: false, preserveDrawingBuffer: false, stencil: true, antialias: true, xrCompatible: true }, true);
  const scene = new Scene(engine);
  scene.useRightHandedSystem = true;
  scene.clearColor = new Color4(0, 0, 0, 0); // the camera image shows through
  scene.imageProcessingConfiguration.toneMappingEnabled = false;
  scene.skipPointerMovePicking = true;
  new FreeCamera('ar-camera', new Vector3(0, 1.6, 0), scene);
  createLights(scene);
  await createStudioEnvironment(scene).catch(() => undefined);

  // Product: root at the bottom centre of the bounding box, front (+Z) towards the viewer when placed.
  const b = bboxToScene(o.bbox);
  const root = new TransformNode('ar-product', scene);
  root.rotationQuaternion = null;
  const offset = new TransformNode('ar-product-offset', scene);
  offset.parent = root;
  offset.position.set(-(b.min.x + b.max.x) / 2, -b.min.y, -(b.min.z + b.max.z) / 2);
  const mats = new MaterialCache(scene);
  mats.setCatalog(o.materials);
  const meshes: Mesh[] = o.parts.map((p, i) => {
    const m = meshFromShaded(`ar-part-${i}-${p.name}`, p.shaded, scene);
    m.material = mats.get(p.material, p.color);
    m.parent = offset;
    m.isPickable = false;
    return m;
  });
  const triangles = meshes.map((m) => {
    const src = m.getVerticesData(VertexBuffer.PositionKind) ?? [];
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i += 3) {
      out[i] = src[i]! + offset.position.x;
      out[i + 1] = src[i + 1]! + offset.position.y;
      out[i + 2] = src[i + 2]! + offset.position.z;
    }
    return out;
  });
  const shadow = createFloorShadow(scene, root, triangles, { minX: b.min.x - (b.min.x + b.max.x) / 2, maxX: b.max.x - (b.min.x + b.max.x) / 2, minZ: b.min.z - (b.min.z + b.max.z) / 2, maxZ: b.max.z - (b.min.z + b.max.z) / 2 });
  root.setEnabled(false);

  const reticle = createReticle(scene);

  let status: ArStatus = 'starting';
  const setStatus = (s: ArStatus) => {
    if (status === s) return;
    status = s;
    probe.status = s;
    o.onStatus?.(s);
  };
  let hit: { position: Vector3; normal: Vector3 } | null = null;
  let yaw = 0;

  const probe: ArProbe = {
    status,
    domOverlay: null,
    hit: null,
    results: 0,
    placed: null,
    shadowBox() {
      if (!shadow.isEnabled()) return null;
      shadow.computeWorldMatrix(true);
      const bb = shadow.getBoundingInfo().boundingBox;
      return { min: [bb.minimumWorld.x, bb.minimumWorld.y, bb.minimumWorld.z], max: [bb.maximumWorld.x, bb.maximumWorld.y, bb.maximumWorld.z] };
    },
    worldPositions() {
      const out: number[] = [];
      for (const m of meshes) {
        m.computeWorldMatrix(true);
        const wm = m.getWorldMatrix();
        const p = m.getVerticesData(VertexBuffer.PositionKind) ?? [];
        const v = new Vector3();
        for (let i = 0; i < p.length; i += 3) {
          Vector3.TransformCoordinatesFromFloatsToRef(p[i]!, p[i + 1]!, p[i + 2]!, wm, v);
          out.push(v.x, v.y, v.z);
        }
      }
      return out;
    },
    orientedSize() {
      return orientedSize(probe.worldPositions(), yaw);
    },
  };
  (window as unknown as { atelierAr?: ArProbe }).atelierAr = probe;

  let xr: WebXRExperienceHelper;
  try {
    xr = await WebXRExperienceHelper.CreateAsync(scene);
  } catch (e) {
    delete (window as unknown as { atelierAr?: ArProbe }).atelierAr;
    mats.dispose();
    scene.dispose();
    engine.dispose();
    throw e;
  }
  const hitTest = xr.featuresManager.enableFeature(WebXRHitTest, 'latest', {}, true, true) as WebXRHitTest;
  const overlayFeature = xr.featuresManager.enableFeature(WebXRDomOverlay, 'latest', { element: o.overlay, supressXRSelectEvents: true }, true, false) as WebXRDomOverlay;

  const tmpQ = new Quaternion();
  const tmpScale = new Vector3();
  hitTest.onHitTestResultObservable.add((results: IWebXRHitResult[]) => {
    const eye = xr.camera.globalPosition;
    hit = null;
    probe.results = results.length;
    for (const r of results) {
      const pos = new Vector3();
      r.transformationMatrix.decompose(tmpScale, tmpQ, pos);
      const normal = Vector3.Up().applyRotationQuaternion(tmpQ);
      if (isStandableSurface([normal.x, normal.y, normal.z], pos.y, eye.y)) {
        hit = { position: pos, normal };
        break;
      }
    }
    probe.hit = hit ? { position: [hit.position.x, hit.position.y, hit.position.z], normal: [hit.normal.x, hit.normal.y, hit.normal.z], viewer: [eye.x, eye.y, eye.z] } : null;
    reticle.setEnabled(hit !== null);
    if (hit) reticle.position.copyFrom(hit.position).addInPlaceFromFloats(0, 0.001, 0);
    if (status === 'searching' || status === 'surface') setStatus(hit ? 'surface' : 'searching');
  });

  const place = () => {
    if (!hit) return;
    const eye = xr.camera.globalPosition;
    if (!root.isEnabled()) yaw = yawTowards([hit.position.x, hit.position.y, hit.position.z], [eye.x, eye.y, eye.z]);
    root.position.copyFrom(hit.position);
    root.rotation.set(0, yaw, 0);
    root.scaling.setAll(1); // true size, always
    root.setEnabled(true);
    updatePlaced();
    setStatus('placed');
  };
  const turn = (d: number) => {
    if (!root.isEnabled() || !Number.isFinite(d)) return;
    yaw += d;
    root.rotation.y = yaw;
    updatePlaced();
  };
  const updatePlaced = () => {
    probe.placed = { position: [root.position.x, root.position.y, root.position.z], yaw, scaling: [root.scaling.x, root.scaling.y, root.scaling.z] };
  };

  // Taps and drags on the DOM overlay (phones): the overlay swallows XR select events (beforexrselect), so a drag
  // that turns the product never also moves it. Without a DOM overlay (headsets), XR select places the product.
  const gestures = overlayGestures(o.overlay, { tap: place, turn });
  const onSelect = () => {
    if (!overlayFeature.domOverlayType) place();
  };

  let resolveEnded!: () => void;
  const ended = new Promise<void>((r) => (resolveEnded = r));
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    gestures.dispose();
    setStatus('ended');
    if ((window as unknown as { atelierAr?: ArProbe }).atelierAr === probe) delete (window as unknown as { atelierAr?: ArProbe }).atelierAr;
    // Dispose after the current XR frame has finished with the scene.
    setTimeout(() => {
      xr.dispose();
      mats.dispose();
      scene.dispose();
      engine.dispose();
      resolveEnded();
    }, 0);
  };

  engine.runRenderLoop(() => scene.render());
  try {
    const sm = await xr.enterXRAsync('immersive-ar', 'local');
    sm.session.addEventListener('select', onSelect);
    sm.onXRSessionEnded.addOnce(dispose);
    probe.domOverlay = overlayFeature.domOverlayType ?? null;
    setStatus('searching');
  } catch (e) {
    dispose();
    throw e;
  }

  return {
    get status() {
      return status;
    },
    ended,
    async exit() {
      if (disposed) return ended;
      await xr.exitXRAsync().catch(() => dispose());
      return ended;
    },
  };
}
