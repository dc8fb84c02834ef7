// Lighting without any download: a procedural studio environment (soft top light, two soft boxes, a warm floor
// bounce) written into a small HDR cube texture and prefiltered on the GPU for PBR reflections, plus a key
// directional light that casts the ground shadow. No .env file: one could not be produced offline here.
import { RawCubeTexture } from '@babylonjs/core/Materials/Textures/rawCubeTexture';
import { HDRFiltering } from '@babylonjs/core/Materials/Textures/Filtering/hdrFiltering';
import { Constants } from '@babylonjs/core/Engines/constants';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';

const SIZE = 32;

/** Radiance of the studio in direction (x, y, z) (unit vector, y up). Linear RGB, HDR. */
function studio(x: number, y: number, z: number): [number, number, number] {
  const sky = Math.max(0, y);
  let r = 0.55 + 0.6 * sky, g = 0.57 + 0.6 * sky, b = 0.6 + 0.65 * sky;
  if (y < 0) {
    const f = Math.min(1, -y * 3);
    r = r * (1 - f) + 0.32 * f; g = g * (1 - f) + 0.3 * f; b = b * (1 - f) + 0.28 * f;
  }
  const box = (dx: number, dy: number, dz: number, power: number, sharp: number) => {
    const d = x * dx + y * dy + z * dz;
    return d > 0 ? power * Math.pow(d, sharp) : 0;
  };
  const k = box(-0.5, 0.6, -0.62, 5, 24) + box(0.7, 0.45, 0.55, 2.2, 18) + box(0, 1, 0, 1.5, 8);
  return [r + k, g + k, b + k * 0.97];
}

function faceDir(face: number, u: number, v: number): [number, number, number] {
  // Cube face conventions (+X, -X, +Y, -Y, +Z, -Z), u,v in [-1, 1]
  switch (face) {
    case 0: return [1, -v, -u];
    case 1: return [-1, -v, u];
    case 2: return [u, 1, v];
    case 3: return [u, -1, -v];
    case 4: return [u, -v, 1];
    default: return [-u, -v, -1];
  }
}

export async function createStudioEnvironment(scene: Scene): Promise<void> {
  const faces: Float32Array[] = [];
  for (let f = 0; f < 6; f++) {
    const data = new Float32Array(SIZE * SIZE * 4);
    for (let j = 0; j < SIZE; j++)
      for (let i = 0; i < SIZE; i++) {
        const [x, y, z] = faceDir(f, ((i + 0.5) / SIZE) * 2 - 1, ((j + 0.5) / SIZE) * 2 - 1);
        const l = Math.hypot(x, y, z);
        const c = studio(x / l, y / l, z / l);
        const o = (j * SIZE + i) * 4;
        data[o] = c[0]; data[o + 1] = c[1]; data[o + 2] = c[2]; data[o + 3] = 1;
      }
    faces.push(data);
  }
  const tex = new RawCubeTexture(scene, faces, SIZE, Constants.TEXTUREFORMAT_RGBA, Constants.TEXTURETYPE_FLOAT, true, false, Constants.TEXTURE_TRILINEAR_SAMPLINGMODE);
  tex.gammaSpace = false;
  scene.environmentTexture = tex;
  scene.environmentIntensity = 0.9;
  try {
    const filter = new HDRFiltering(scene.getEngine(), { hdrScale: 1, quality: Constants.TEXTURE_FILTERING_QUALITY_LOW });
    await filter.prefilter(tex);
  } catch {
    // Without prefiltering rough materials reflect a little too sharply; the preview still works.
  }
}

/** Key light (casts the shadow) and a soft fill; returns the key light. */
export function createLights(scene: Scene): DirectionalLight {
  const fill = new HemisphericLight('fill', new Vector3(0, 1, 0), scene);
  fill.intensity = 0.25;
  fill.groundColor = new Color3(0.35, 0.33, 0.3);
  const key = new DirectionalLight('key', new Vector3(0.35, -1, 0.45).normalize(), scene);
  key.intensity = 1.6;
  key.position = new Vector3(-0.35, 1, -0.45);
  return key;
}
