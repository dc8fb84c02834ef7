// A shadow-only ground for AR: a square under the product that is transparent except for a soft shadow of the
// product's own footprint (its triangles seen from above, blurred), so the product sits on the real floor or table
// instead of floating over the camera image. Drawn once per product on a canvas texture; nothing is downloaded.
// Babylon + a 2D canvas only.
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Scene } from '@babylonjs/core/scene';

const PX = 256;
/** Darkest shadow right under the product (opacity, 0–1). */
const SHADOW_OPACITY = 0.5;
/** Lift over the surface (metres) so the shadow never fights with a real floor drawn by the runtime. */
const LIFT_M = 0.0005;

/**
 * Footprint: `triangles` (9 numbers per triangle) are the product's faces in its placed frame (metres; origin at the bottom centre,
 * front +Z). Returns the shadow mesh, parented to `parent` so it turns and moves with the product.
 */
export function createFloorShadow(scene: Scene, parent: TransformNode, triangles: Float32Array[], extent: { minX: number; maxX: number; minZ: number; maxZ: number }): Mesh {
  const w = extent.maxX - extent.minX, d = extent.maxZ - extent.minZ;
  const pad = Math.max(w, d) * 0.25 + 0.01;
  const size = Math.max(w, d) + 2 * pad;
  const cx = (extent.minX + extent.maxX) / 2, cz = (extent.minZ + extent.maxZ) / 2;
  const ground = CreateGround('ar-floor-shadow', { width: size, height: size }, scene);
  ground.parent = parent;
  ground.position.set(cx, LIFT_M, cz);
  ground.isPickable = false;

  const tex = new DynamicTexture('ar-floor-shadow-tex', { width: PX, height: PX }, scene, true);
  tex.hasAlpha = true;
  const ctx = tex.getContext() as CanvasRenderingContext2D;
  ctx.clearRect(0, 0, PX, PX);
  // Texture space: u along +X, v along −Z (CreateGround maps its far edge, +Z, to the top row of the canvas).
  const u = (x: number) => ((x - cx) / size + 0.5) * PX;
  const v = (z: number) => (0.5 - (z - cz) / size) * PX;
  ctx.filter = `blur(${Math.max(2, (PX * pad) / size / 3).toFixed(1)}px)`;
  ctx.fillStyle = `rgba(255,255,255,${SHADOW_OPACITY})`;
  ctx.beginPath();
  for (const p of triangles)
    for (let i = 0; i + 8 < p.length; i += 9) {
      const ax = u(p[i]!), ay = v(p[i + 2]!), bx = u(p[i + 3]!), by = v(p[i + 5]!), cx2 = u(p[i + 6]!), cy2 = v(p[i + 8]!);
      // Every triangle wound the same way, so overlapping faces (top and bottom) add up instead of cancelling.
      const flip = (bx - ax) * (cy2 - ay) - (by - ay) * (cx2 - ax) < 0;
      ctx.moveTo(ax, ay);
      if (flip) {
        ctx.lineTo(cx2, cy2);
        ctx.lineTo(bx, by);
      } else {
        ctx.lineTo(bx, by);
        ctx.lineTo(cx2, cy2);
      }
      ctx.closePath();
    }
  ctx.fill('nonzero');
  ctx.filter = 'none';
  tex.update();

  const mat = new StandardMaterial('ar-floor-shadow-mat', scene);
  mat.disableLighting = true;
  mat.diffuseColor = Color3.Black();
  mat.specularColor = Color3.Black();
  mat.emissiveColor = Color3.Black();
  mat.opacityTexture = tex;
  mat.backFaceCulling = false;
  ground.material = mat;
  ground.onDisposeObservable.addOnce(() => {
    mat.dispose();
    tex.dispose();
  });
  return ground;
}
