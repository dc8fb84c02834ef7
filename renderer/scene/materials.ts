// PBR materials for the preview from the material catalog (metallic, roughness, alpha) and a part's display colour.
// Babylon only; no UI. Materials are cached by (material id, colour) and disposed with the scene.
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';
import type { Material, MaterialCatalog } from '../../core/model/types';

export class MaterialCache {
  private readonly cache = new Map<string, PBRMaterial>();
  private byId = new Map<string, Material>();

  constructor(private readonly scene: Scene) {}

  setCatalog(c: MaterialCatalog): void {
    this.byId = new Map(c.materials.map((m) => [m.id, m]));
  }

  get(materialId: string, color: string): PBRMaterial {
    const key = `${materialId}|${color}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const m = this.byId.get(materialId);
    const mat = new PBRMaterial(`mat-${key}`, this.scene);
    const hex = /^#[0-9a-fA-F]{6}$/.test(color) ? color : (m?.color ?? '#cccccc');
    mat.albedoColor = Color3.FromHexString(hex).toLinearSpace();
    mat.metallic = m?.metallic ?? 0;
    mat.roughness = Math.max(0.05, m?.roughness ?? 0.5);
    if (m?.alpha !== undefined && m.alpha < 1) {
      mat.alpha = m.alpha;
      mat.subSurface.isTranslucencyEnabled = false;
    }
    mat.backFaceCulling = true;
    this.cache.set(key, mat);
    return mat;
  }

  dispose(): void {
    for (const m of this.cache.values()) m.dispose();
    this.cache.clear();
  }
}
