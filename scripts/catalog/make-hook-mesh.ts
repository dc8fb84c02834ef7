// Generates assets/models/wall-hook/hook.stl: the sculpted hook of the wall-hook model, as a mesh part.
// Run: npx tsx scripts/catalog/make-hook-mesh.ts (the STL is committed; the model file only references it).
import { writeFileSync } from 'node:fs';
import Module from 'manifold-3d';
import { writeStl } from '../../core/export';

const wasm = await Module();
wasm.setup();
wasm.setMinCircularAngle(4);
wasm.setMinCircularEdgeLength(0.4);
const { Manifold, CrossSection } = wasm;
// The hook leaves the plate along +Z (a stem), bends upwards (+Y) through a quarter ring and ends in a ball.
const r = 5; // arm radius, mm
const bend = 22; // bend radius, mm
const L = 14; // stem length, mm
const ring = CrossSection.circle(r).translate([bend, 0]).revolve(undefined, 90); // quarter ring in XY, from +X to +Y
const arm = ring.rotate([0, -90, 0]).rotate([90, 0, 0]).translate([0, bend, L]); // from (0,0,L) heading +Z to (0,bend,L+bend) heading +Y
const stem = Manifold.cylinder(L, r, r);
const ball = Manifold.sphere(r + 2.5).translate([0, bend, L + bend]);
const base = Manifold.cylinder(3, r + 5, r + 3);
const hook = Manifold.union([arm, stem, ball, base]);
const b = hook.boundingBox();
const placed = hook.translate([0, 0, -b.min[2]]);
const mesh = placed.getMesh();
const positions = new Float32Array((mesh.vertProperties.length / mesh.numProp) * 3);
for (let i = 0; i < positions.length / 3; i++) for (let k = 0; k < 3; k++) positions[i * 3 + k] = mesh.vertProperties[i * mesh.numProp + k]!;
writeFileSync(new URL('../../assets/models/wall-hook/hook.stl', import.meta.url), writeStl({ positions, indices: new Uint32Array(mesh.triVerts) }, 'Atelier wall hook'));
console.log('hook.stl', placed.numTri(), 'triangles, genus', placed.genus(), 'volume', placed.volume().toFixed(0), 'bbox', JSON.stringify(placed.boundingBox()));
