// The AR reticle: a flat white ring with a centre dot lying on the surface a tap would place the product on.
// Babylon only.
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Scene } from '@babylonjs/core/scene';

const RETICLE_COLOR = new Color3(1, 1, 1);

/** A flat ring with a soft centre dot, lying on the surface. */
export function createReticle(scene: Scene): TransformNode {
  const node = new TransformNode('ar-reticle', scene);
  const mat = new StandardMaterial('ar-reticle-mat', scene);
  mat.disableLighting = true;
  mat.emissiveColor = RETICLE_COLOR;
  mat.alpha = 0.9;
  const ring = CreateTorus('ar-reticle-ring', { diameter: 0.12, thickness: 0.006, tessellation: 48 }, scene);
  ring.material = mat;
  ring.parent = node;
  ring.isPickable = false;
  const dot = CreateDisc('ar-reticle-dot', { radius: 0.008, tessellation: 24 }, scene);
  dot.rotation.x = Math.PI / 2;
  dot.material = mat;
  dot.parent = node;
  dot.isPickable = false;
  node.setEnabled(false);
  return node;
}
