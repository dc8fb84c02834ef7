// Writes assets/environment/studio.hdr: the preview's studio lighting as an equirectangular Radiance image
// (256 × 128), sampled from studioRadiance in renderer/scene/studio.ts. Run: npx tsx scripts/make-environment.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { studioRadiance } from '../renderer/scene/studio';
import { encodeRgbe } from '../renderer/scene/rgbe';

const W = 256;
const H = 128;
const rgb = new Float32Array(W * H * 3);
for (let j = 0; j < H; j++) {
  const theta = ((j + 0.5) / H) * Math.PI; // from +Y down
  for (let i = 0; i < W; i++) {
    const phi = ((i + 0.5) / W - 0.5) * 2 * Math.PI; // longitude from +Z towards +X
    const x = Math.sin(theta) * Math.sin(phi), y = Math.cos(theta), z = Math.sin(theta) * Math.cos(phi);
    rgb.set(studioRadiance(x, y, z), (j * W + i) * 3);
  }
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'environment', 'studio.hdr');
writeFileSync(out, encodeRgbe({ width: W, height: H, rgb }));
console.log(`wrote ${out}`);
