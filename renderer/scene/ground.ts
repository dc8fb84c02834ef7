// The ground under the product: a disc that fades out radially into the background colour, and a soft contact
// shadow drawn procedurally (a blurred rounded rectangle of the product's footprint, redrawn when it changes).
// A real shadow map looked noisy in SwiftShader at product scale; this is cheap, stable and always soft.
// Nothing is downloaded. Babylon only.
import { BackgroundMaterial } from '@babylonjs/core/Materials/Background/backgroundMaterial';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Scene } from '@babylonjs/core/scene';

const SHADOW_PX = 256;

export class Ground {
  private readonly disc: Mesh;
  private readonly shadow: Mesh;
  private readonly shadowTex: DynamicTexture;
  private readonly fadeTex: DynamicTexture;

  constructor(scene: Scene, background: Color3) {
    this.disc = CreateDisc('ground', { radius: 1, tessellation: 64 }, scene);
    this.disc.rotation.x = Math.PI / 2;
    this.disc.isPickable = false;
    this.fadeTex = new DynamicTexture('ground-fade', { width: 256, height: 256 }, scene, true);
    const ctx = this.fadeTex.getContext() as CanvasRenderingContext2D;
    const g = ctx.createRadialGradient(128, 128, 0, 128, 128, 128);
    g.addColorStop(0, 'rgba(255,255,255,1)');
    g.addColorStop(0.6, 'rgba(255,255,255,0.85)');
    g.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 256, 256);
    this.fadeTex.update();
    this.fadeTex.hasAlpha = true;
    const mat = new BackgroundMaterial('ground-mat', scene);
    mat.diffuseTexture = this.fadeTex;
    // Lit, the disc comes out brighter than the page; this factor makes it meet the background colour.
    mat.primaryColor = background.scale(0.875);
    mat.useRGBColor = false;
    this.disc.material = mat;

    this.shadow = CreateGround('contact-shadow', { width: 1, height: 1 }, scene);
    this.shadow.isPickable = false;
    this.shadowTex = new DynamicTexture('contact-shadow-tex', { width: SHADOW_PX, height: SHADOW_PX }, scene, true);
    this.shadowTex.hasAlpha = true;
    const sm = new StandardMaterial('contact-shadow-mat', scene);
    sm.disableLighting = true;
    sm.emissiveColor = new Color3(0.1, 0.1, 0.12);
    sm.opacityTexture = this.shadowTex;
    sm.diffuseColor = Color3.Black();
    sm.specularColor = Color3.Black();
    this.shadow.material = sm;
  }

  /** Places the ground under a footprint (metres, scene X/Z extents) at floor height y. */
  place(minX: number, maxX: number, minZ: number, maxZ: number, y: number, radius: number): void {
    this.disc.scaling.setAll(Math.max(radius * 8, 0.15));
    this.disc.position.set((minX + maxX) / 2, y - 0.0002, (minZ + maxZ) / 2);
    const w = maxX - minX, d = maxZ - minZ;
    const pad = Math.max(w, d) * 0.18 + 0.004;
    const sw = w + pad * 2, sd = d + pad * 2;
    this.shadow.scaling.set(sw, 1, sd);
    this.shadow.position.set((minX + maxX) / 2, y + 0.00005, (minZ + maxZ) / 2);
    const ctx = this.shadowTex.getContext() as CanvasRenderingContext2D;
    ctx.clearRect(0, 0, SHADOW_PX, SHADOW_PX);
    const px = (SHADOW_PX * pad) / sw, pz = (SHADOW_PX * pad) / sd;
    const blur = Math.min(px, pz) * 0.3;
    ctx.filter = `blur(${blur.toFixed(1)}px)`;
    ctx.fillStyle = 'rgba(255,255,255,0.42)';
    const r = Math.min(SHADOW_PX - 2 * px, SHADOW_PX - 2 * pz) * 0.18;
    ctx.beginPath();
    ctx.roundRect(px * 0.9, pz * 0.9, SHADOW_PX - 1.8 * px, SHADOW_PX - 1.8 * pz, r);
    ctx.fill();
    ctx.filter = 'none';
    this.shadowTex.update();
  }

  dispose(): void {
    this.disc.dispose(false, true);
    this.shadow.dispose(false, true);
    this.fadeTex.dispose();
    this.shadowTex.dispose();
  }
}
