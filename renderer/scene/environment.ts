// Lighting from a file shipped with the app: assets/environment/studio.hdr (an equirectangular Radiance image of a
// studio: soft top light, two soft boxes, a warm floor bounce; made by scripts/make-environment.ts from
// studio.ts, and replaceable by any .hdr) is resampled into a small HDR cube texture and prefiltered on
// the GPU for PBR reflections; plus a key directional light that casts the ground shadow. Nothing from the network.
import { RawCubeTexture } from '@babylonjs/core/Materials/Textures/rawCubeTexture';
import { HDRFiltering } from '@babylonjs/core/Materials/Textures/Filtering/hdrFiltering';
import { Constants } from '@babylonjs/core/Engines/constants';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';
import studioHdrUrl from '../../assets/environment/studio.hdr?url';
import { decodeRgbe, sampleEquirect, type HdrImage } from './rgbe';
import { studioRadiance } from './studio';

const SIZE = 32;
/**
 * How strongly the studio lights the product. Lower than 1: the studio's reflection on a rough dielectric (F0 0.04)
 * lifted PLA Black to a dark grey (81/255 for #232325); the key light makes up the diffuse light.
 */
const ENVIRONMENT_INTENSITY = 0.6;

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

let studioImage: Promise<HdrImage | null> | undefined;

/** The shipped studio image, fetched and decoded once (null if it cannot be read: the computed studio is used). */
function loadStudio(): Promise<HdrImage | null> {
  studioImage ??= fetch(studioHdrUrl)
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((b) => decodeRgbe(new Uint8Array(b)))
    .catch(() => null);
  return studioImage;
}

export async function createStudioEnvironment(scene: Scene): Promise<void> {
  const img = await loadStudio();
  const radiance = img ? (x: number, y: number, z: number) => sampleEquirect(img, x, y, z) : studioRadiance;
  const faces: Float32Array[] = [];
  for (let f = 0; f < 6; f++) {
    const data = new Float32Array(SIZE * SIZE * 4);
    for (let j = 0; j < SIZE; j++)
      for (let i = 0; i < SIZE; i++) {
        const [x, y, z] = faceDir(f, ((i + 0.5) / SIZE) * 2 - 1, ((j + 0.5) / SIZE) * 2 - 1);
        const l = Math.hypot(x, y, z);
        const c = radiance(x / l, y / l, z / l);
        const o = (j * SIZE + i) * 4;
        data[o] = c[0]; data[o + 1] = c[1]; data[o + 2] = c[2]; data[o + 3] = 1;
      }
    faces.push(data);
  }
  const tex = new RawCubeTexture(scene, faces, SIZE, Constants.TEXTUREFORMAT_RGBA, Constants.TEXTURETYPE_FLOAT, true, false, Constants.TEXTURE_TRILINEAR_SAMPLINGMODE);
  tex.gammaSpace = false;
  scene.environmentTexture = tex;
  scene.environmentIntensity = ENVIRONMENT_INTENSITY;
  try {
    const filter = new HDRFiltering(scene.getEngine(), { hdrScale: 1, quality: Constants.TEXTURE_FILTERING_QUALITY_LOW });
    await filter.prefilter(tex);
  } catch {
    // Without prefiltering rough materials reflect a little too sharply; the preview still works.
  }
}

/**
 * Key light and a soft fill; returns the key light. The key comes from above the viewer's left shoulder (the home
 * view looks from the front right), so the faces a customer looks at are the lit ones; a key from behind left them
 * in its shade and PLA White read mid-grey. Intensities (Babylon PBR, diffuse = albedo · intensity · N·L / π, plus
 * the environment at ENVIRONMENT_INTENSITY) are set so that a face turned towards the key and the viewer comes out
 * at about its albedo, i.e. the swatch colour (tests/e2e/preview-colour.test.ts measures it in CIEDE2000).
 */
export function createLights(scene: Scene): DirectionalLight {
  const fill = new HemisphericLight('fill', new Vector3(0, 1, 0), scene);
  fill.intensity = 0.25;
  fill.groundColor = new Color3(0.35, 0.33, 0.3);
  const key = new DirectionalLight('key', new Vector3(0.35, -0.6, -0.7).normalize(), scene);
  key.intensity = 3.2;
  key.position = new Vector3(-0.35, 0.6, 0.7);
  return key;
}
