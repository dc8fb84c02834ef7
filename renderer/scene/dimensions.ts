// Dimension lines around the product's bounding box (width along the front, depth on the right, height at the
// front-left corner) with
// labels in mm or inches, drawn as thin lines in the scene and DOM labels positioned over the canvas each frame.
// Babylon + DOM only; no UI framework.
import { CreateLineSystem } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { BBox } from '../../core/geometry/mesh-data';
import { toScene } from './convert';

export type LengthUnit = 'mm' | 'in';

export function formatLength(mm: number, unit: LengthUnit): string {
  return unit === 'mm' ? `${mm.toFixed(mm < 100 ? 1 : 0)} mm` : `${(mm / 25.4).toFixed(2)} in`;
}

interface Label { el: HTMLElement; at: Vector3 }

export class Dimensions {
  private lines: LinesMesh | null = null;
  private labels: Label[] = [];
  private bbox: BBox | null = null;
  private unit: LengthUnit = 'mm';
  /** How a label writes a length: the UI passes one in the customer's language ("9,84 pol"); else formatLength. */
  private format: ((mm: number) => string) | null = null;
  visible = true;

  constructor(private readonly scene: Scene, private readonly overlay: HTMLElement) {}

  setUnit(u: LengthUnit, format?: (mm: number) => string): void {
    this.unit = u;
    this.format = format ?? null;
    if (this.bbox) this.set(this.bbox);
  }

  setVisible(v: boolean): void {
    this.visible = v;
    if (this.lines) this.lines.isVisible = v;
    for (const l of this.labels) l.el.style.display = v ? '' : 'none';
  }

  set(b: BBox): void {
    this.clearLabels();
    this.bbox = b;
    const [x0, y0, z0] = b.min;
    const [x1, y1, z1] = b.max;
    const size = Math.max(x1 - x0, y1 - y0, z1 - z0);
    const gap = Math.max(3, size * 0.08);
    const tick = gap * 0.35;
    const segs: Vector3[][] = [];
    // width: along the front edge (y = y0), below the bottom
    const wy = y0 - gap;
    segs.push([toScene(x0, wy, z0), toScene(x1, wy, z0)], [toScene(x0, wy - tick, z0), toScene(x0, wy + tick, z0)], [toScene(x1, wy - tick, z0), toScene(x1, wy + tick, z0)]);
    segs.push([toScene(x0, y0, z0), toScene(x0, wy - tick, z0)], [toScene(x1, y0, z0), toScene(x1, wy - tick, z0)]);
    // depth: along the right edge (x = x1)
    const dx = x1 + gap;
    segs.push([toScene(dx, y0, z0), toScene(dx, y1, z0)], [toScene(dx - tick, y0, z0), toScene(dx + tick, y0, z0)], [toScene(dx - tick, y1, z0), toScene(dx + tick, y1, z0)]);
    segs.push([toScene(x1, y1, z0), toScene(dx + tick, y1, z0)]);
    // height: vertical at the front-left corner (the home view looks from the front right, so it stays clear of depth)
    const hx = x0 - gap, hy = y0 - gap;
    segs.push([toScene(hx, hy, z0), toScene(hx, hy, z1)], [toScene(hx - tick, hy, z1), toScene(hx + tick, hy, z1)], [toScene(x0, y0, z1), toScene(hx - tick, hy, z1)]);
    if (this.lines) {
      // Same segments, new places: update the line mesh in place. A new line mesh each rebuild would bring a new
      // shader to link (~80 ms in software rendering) into every slider step.
      CreateLineSystem('dimensions', { lines: segs, instance: this.lines });
      this.lines.refreshBoundingInfo();
    } else {
      this.lines = CreateLineSystem('dimensions', { lines: segs, updatable: true }, this.scene);
      this.lines.color = new Color3(0.25, 0.32, 0.42);
      this.lines.isPickable = false;
      this.lines.alpha = 0.85;
    }
    this.lines.isVisible = this.visible;
    const mk = (text: string, at: Vector3, cls: string) => {
      const el = document.createElement('div');
      el.className = `dim-label ${cls}`;
      el.textContent = text;
      el.style.display = this.visible ? '' : 'none';
      this.overlay.appendChild(el);
      this.labels.push({ el, at });
    };
    const text = this.format ?? ((mm: number) => formatLength(mm, this.unit));
    mk(text(x1 - x0), toScene((x0 + x1) / 2, wy - tick, z0), 'dim-w');
    mk(text(y1 - y0), toScene(dx + tick, (y0 + y1) / 2, z0), 'dim-d');
    mk(text(z1 - z0), toScene(hx, hy, (z0 + z1) / 2), 'dim-h');
    this.update();
  }

  /** Moves the DOM labels to the projected positions; called after every frame. */
  update(): void {
    const cam = this.scene.activeCamera;
    if (!cam || this.labels.length === 0 || !this.visible) return;
    const engine = this.scene.getEngine();
    const w = engine.getRenderWidth(), h = engine.getRenderHeight();
    const vp = cam.viewport.toGlobal(w, h);
    const transform = this.scene.getTransformMatrix();
    // render pixels → CSS pixels of the canvas (and of the overlay over it), read without forcing a layout
    const scale = engine.getHardwareScalingLevel();
    for (const l of this.labels) {
      const p = Vector3.Project(l.at, Matrix.IdentityReadOnly, transform, vp);
      l.el.style.transform = `translate(${(p.x * scale).toFixed(1)}px, ${(p.y * scale).toFixed(1)}px) translate(-50%, -50%)`;
    }
  }

  clear(): void {
    this.lines?.dispose();
    this.lines = null;
    this.clearLabels();
  }

  private clearLabels(): void {
    for (const l of this.labels) l.el.remove();
    this.labels = [];
  }

  dispose(): void {
    this.clear();
    this.bbox = null;
  }
}
