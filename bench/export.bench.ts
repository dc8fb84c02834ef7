// Exporters on a 1,000,000-triangle closed mesh, side by side with the libraries people would otherwise use:
// binary STL vs three.js STLExporter (target: ≥ 3× faster), 3MF vs Babylon's 3MF serializer (target: ≤ 1.5 s and
// ≥ 10× faster). Also GLB and USDZ for the record. Each figure is the median of a few runs in this process.
import { performance } from 'node:perf_hooks';
import * as fflate from 'fflate';
import { write3mf, writeGlb, writeStl, writeUsdz } from '../core/export';
import type { PartMesh } from '../core/geometry/mesh-data';
import { NODE_ZIP_CODEC } from '../cli/encode';
import type { MaterialCatalog } from '../core/model/types';

/** A closed torus of n × m quads (2·n·m triangles), outward winding, in mm. */
function torus(n: number, m: number, R = 60, r = 20): { positions: Float32Array; indices: Uint32Array } {
  const positions = new Float32Array(n * m * 3);
  for (let i = 0; i < n; i++) {
    const u = (i / n) * 2 * Math.PI;
    for (let j = 0; j < m; j++) {
      const v = (j / m) * 2 * Math.PI;
      const k = (i * m + j) * 3;
      positions[k] = (R + r * Math.cos(v)) * Math.cos(u);
      positions[k + 1] = (R + r * Math.cos(v)) * Math.sin(u);
      positions[k + 2] = r * Math.sin(v) + r;
    }
  }
  const indices = new Uint32Array(n * m * 6);
  let t = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const a = i * m + j, b = ((i + 1) % n) * m + j, c = ((i + 1) % n) * m + ((j + 1) % m), d = i * m + ((j + 1) % m);
      indices.set([a, b, c, a, c, d], t);
      t += 6;
    }
  return { positions, indices };
}

async function median(runs: number, f: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const mesh = torus(1000, 500);
  const tris = mesh.indices.length / 3;
  const part: PartMesh = {
    name: 'Torus',
    material: 'pla',
    color: '#c05030',
    mesh,
    volume: 0,
    surfaceArea: 0,
    bbox: { min: [-80, -80, 0], max: [80, 80, 40] },
    genus: 1,
  };
  const materials: MaterialCatalog = {
    currency: 'EUR',
    materials: [{ id: 'pla', name: 'PLA', process: 'fdm', color: '#c05030', density: 1.24, pricePerKg: 24, metallic: 0, roughness: 0.5 }],
  };
  console.log(`mesh: ${tris.toLocaleString('en')} triangles, ${(mesh.positions.length / 3).toLocaleString('en')} vertices`);

  // three.js STLExporter on the same triangles.
  // three ships no type declarations here: a narrow view of the few classes used.
  type Ctor<T = object> = new (...a: unknown[]) => T;
  const THREE_MODULE = 'three';
  const STL_EXPORTER_MODULE = 'three/examples/jsm/exporters/STLExporter.js';
  const THREE = (await import(THREE_MODULE)) as {
    BufferGeometry: Ctor<{ setAttribute(n: string, a: unknown): void; setIndex(a: unknown): void }>;
    BufferAttribute: Ctor;
    Mesh: Ctor;
  };
  const { STLExporter } = (await import(STL_EXPORTER_MODULE)) as { STLExporter: Ctor<{ parse(m: unknown, o: { binary: boolean }): unknown }> };
  const geom = new THREE.BufferGeometry();
  geom.setAttribute('position', new THREE.BufferAttribute(mesh.positions, 3));
  geom.setIndex(new THREE.BufferAttribute(mesh.indices, 1));
  const threeMesh = new THREE.Mesh(geom);
  const exporter = new STLExporter();
  const ours = await median(5, () => writeStl(mesh));
  const theirs = await median(5, () => exporter.parse(threeMesh, { binary: true }));
  console.log(`STL    ours ${fmt(ours)}  three.js STLExporter ${fmt(theirs)}  → ${(theirs / ours).toFixed(1)}× (target ≥ 3×: ${theirs / ours >= 3 ? 'ok' : 'MISSED'})`);

  // 3MF: ours vs Babylon's serializer (which expects fflate on globalThis; we hand it the npm copy, no network).
  const meta = { title: 'Torus', application: 'Atelier bench', creationDate: new Date().toISOString() };
  const m3 = await median(3, () => write3mf([part], materials, meta, NODE_ZIP_CODEC));
  const m3portable = await median(3, () => write3mf([part], materials, meta));
  // the slicer-ready project (one object, filament slots, both slicer configs), also with the mesh as two parts in
  // two colours (every second-part triangle then carries its colour)
  const halves: PartMesh[] = [
    { ...part, name: 'A', mesh: torus(500, 500) },
    { ...part, name: 'B', color: '#203040', mesh: torus(500, 500, 60, 10) },
  ];
  const m3plain = await median(5, () => write3mf([part], materials, meta, NODE_ZIP_CODEC));
  const m3slicer = await median(5, () => write3mf([part], materials, { ...meta, slicer: {} }, NODE_ZIP_CODEC));
  const m3slicer2 = await median(3, () => write3mf(halves, materials, { ...meta, slicer: { layout: 'one-object' } }, NODE_ZIP_CODEC));
  console.log(`3MF slicer project: one part ${fmt(m3slicer)} (plain ${fmt(m3plain)} in the same runs), two parts in two colours ${fmt(m3slicer2)} (target ≤ 1.5 s: ${Math.max(m3slicer, m3slicer2) <= 1500 ? 'ok' : 'MISSED'})`);
  (globalThis as unknown as { fflate: unknown }).fflate = fflate;
  const { NullEngine } = await import('@babylonjs/core/Engines/nullEngine.js');
  const { Scene } = await import('@babylonjs/core/scene.js');
  const { Mesh } = await import('@babylonjs/core/Meshes/mesh.js');
  const { VertexData } = await import('@babylonjs/core/Meshes/mesh.vertexData.js');
  const { ThreeMfSerializer, ThreeMf } = await import('@babylonjs/serializers/3MF/index.js');
  const engine = new NullEngine();
  const scene = new Scene(engine);
  const bMesh = new Mesh('torus', scene);
  const vd = new VertexData();
  vd.positions = mesh.positions;
  vd.indices = mesh.indices;
  vd.applyToMesh(bMesh);
  let babylon = NaN;
  try {
    babylon = await median(1, () => ThreeMf.SerializeToMemoryAsync(new ThreeMfSerializer(), bMesh));
  } catch (e) {
    console.log(`Babylon 3MF serializer failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(
    `3MF    ours ${fmt(m3)} (target ≤ 1500 ms: ${m3 <= 1500 ? 'ok' : 'MISSED'})  Babylon 3MF serializer ${Number.isNaN(babylon) ? 'n/a' : fmt(babylon)}` +
      (Number.isNaN(babylon) ? '' : `  → ${(babylon / m3).toFixed(1)}× (target ≥ 10×: ${babylon / m3 >= 10 ? 'ok' : 'MISSED'})`),
  );
  console.log(`3MF    with the portable (browser) codec: ${fmt(m3portable)}`);
  scene.dispose();
  engine.dispose();

  const glb = await median(3, () => writeGlb([part], materials));
  const usdz = await median(1, () => writeUsdz([part], materials));
  console.log(`GLB    ${fmt(glb)}   USDZ ${fmt(usdz)}`);
}
