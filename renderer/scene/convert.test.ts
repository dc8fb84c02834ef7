// The one mm → m conversion, in a NullEngine scene: sizes in metres, Z up becomes Y up, and normals face outward.
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { afterAll, describe, expect, it } from 'vitest';
import { bboxToScene, meshFromData, toScene } from './convert';

// A 40 × 20 × 10 mm box from (0,0,0), counter-clockwise outward (core's convention).
const P = [0, 0, 0, 40, 0, 0, 40, 20, 0, 0, 20, 0, 0, 0, 10, 40, 0, 10, 40, 20, 10, 0, 20, 10];
const I = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7];

const engine = new NullEngine();
const scene = new Scene(engine);
scene.useRightHandedSystem = true;
afterAll(() => {
  scene.dispose();
  engine.dispose();
});

describe('meshFromData', () => {
  const mesh = meshFromData('box', new Float32Array(P), new Uint32Array(I), scene);
  it('converts millimetres to metres and Z up to Y up', () => {
    mesh.refreshBoundingInfo();
    const b = mesh.getBoundingInfo().boundingBox;
    expect(b.maximumWorld.x - b.minimumWorld.x).toBeCloseTo(0.04, 6);
    expect(b.maximumWorld.y - b.minimumWorld.y).toBeCloseTo(0.01, 6); // height
    expect(b.maximumWorld.z - b.minimumWorld.z).toBeCloseTo(0.02, 6); // depth
    expect(b.minimumWorld.y).toBeCloseTo(0, 6);
  });
  it('has normals pointing away from the centre and emits faces in Babylon order', () => {
    const pos = mesh.getVerticesData(VertexBuffer.PositionKind)!;
    const nor = mesh.getVerticesData(VertexBuffer.NormalKind)!;
    const c = toScene(20, 10, 5);
    for (let i = 0; i < pos.length; i += 9) {
      const cx = (pos[i]! + pos[i + 3]! + pos[i + 6]!) / 3 - c.x;
      const cy = (pos[i + 1]! + pos[i + 4]! + pos[i + 7]!) / 3 - c.y;
      const cz = (pos[i + 2]! + pos[i + 5]! + pos[i + 8]!) / 3 - c.z;
      expect(cx * nor[i]! + cy * nor[i + 1]! + cz * nor[i + 2]!).toBeGreaterThan(0);
      // Babylon treats clockwise (as seen from outside) as front: (v1 - v0) × (v2 - v0) points inward.
      const ux = pos[i + 3]! - pos[i]!, uy = pos[i + 4]! - pos[i + 1]!, uz = pos[i + 5]! - pos[i + 2]!;
      const vx = pos[i + 6]! - pos[i]!, vy = pos[i + 7]! - pos[i + 1]!, vz = pos[i + 8]! - pos[i + 2]!;
      const n = [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
      expect(n[0]! * nor[i]! + n[1]! * nor[i + 1]! + n[2]! * nor[i + 2]!).toBeLessThan(0);
    }
  });
  it('maps a bounding box the same way', () => {
    const b = bboxToScene({ min: [0, 0, 0], max: [40, 20, 10] });
    expect([b.min.x, b.min.y, b.min.z, b.max.x, b.max.y, b.max.z].map((v) => Number(v.toFixed(6)))).toEqual([0, 0, -0.02, 0.04, 0.01, 0]);
  });
});
