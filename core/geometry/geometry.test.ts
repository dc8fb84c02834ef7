import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetError, UserError } from '../errors';
import type { Scope } from '../expr';
import type { Part, Solid } from '../model/types';
import { FontLibrary } from '../text';
import { createGeometryKernel, hasSlivers, type GeometryKernel } from './index';
import { TEST_MATERIALS, testModel } from './test-support';

const fontsJson = JSON.parse(readFileSync(new URL('../../assets/fonts/fonts.json', import.meta.url), 'utf8')) as { id: string; name: string; file: string }[];
const fonts = new FontLibrary(fontsJson.map((f) => ({ id: f.id, name: f.name, bytes: readFileSync(new URL(`../../assets/fonts/${f.file}`, import.meta.url)) })));
const env = { fonts, asset: () => undefined };
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

const part = (solid: Solid, extra: Partial<Part> = {}): Part => ({ name: 'P', material: 'pla-white', solid, ...extra });
const build = (parts: Part[], scope: Scope = new Map(), quality: 'preview' | 'final' = 'final') =>
  k.build({ model: testModel(parts), scope, quality, materials: TEST_MATERIALS }, env);
const size = (b: { min: number[]; max: number[] }) => b.max.map((v, i) => v - b.min[i]!);

describe('geometry kernel', () => {
  it('builds a box with exact volume and bounding box', () => {
    const r = build([part({ type: 'box', size: ['w', 20, 10] })], new Map([['w', 80]]));
    expect(r.parts[0]!.volume).toBeCloseTo(16000, 6);
    size(r.bbox).forEach((v, i) => expect(Math.abs(v - [80, 20, 10][i]!)).toBeLessThan(0.01));
    expect(r.parts[0]!.genus).toBe(0);
    expect(r.parts[0]!.color).toBe('#f2f2ee');
    expect(k.liveObjects()).toBe(0);
  });
  it('approximates a cylinder within the segment tolerance and refines at final quality', () => {
    const c = part({ type: 'cylinder', height: 30, radius: 20 });
    const fine = build([c], new Map(), 'final').parts[0]!;
    const coarse = build([c], new Map(), 'preview').parts[0]!;
    const exact = Math.PI * 400 * 30;
    expect(Math.abs(fine.volume - exact) / exact).toBeLessThan(0.002);
    expect(Math.abs(coarse.volume - exact) / exact).toBeLessThan(0.03);
    expect(fine.mesh.indices.length).toBeGreaterThan(coarse.mesh.indices.length);
  });
  it('gives a torus genus 1 and a mug-like difference less volume', () => {
    expect(build([part({ type: 'torus', majorRadius: 20, minorRadius: 5 })]).parts[0]!.genus).toBe(1);
    const solid = build([part({ type: 'cylinder', height: 90, radius: 40 })]).volume;
    const cup = build([part({ type: 'difference', children: [{ type: 'cylinder', height: 90, radius: 40 }, { type: 'translate', offset: [0, 0, 3], children: [{ type: 'cylinder', height: 90, radius: 37 }] }] })]).volume;
    expect(cup).toBeLessThan(solid * 0.3);
  });
  it('embosses text that is closed, manifold and as tall as asked; wraps it around a cylinder', () => {
    const flat = build([part({ type: 'text', text: "'HEH'", font: 'sans', size: 10, height: 2, halign: 'center' })]).parts[0]!;
    expect(flat.volume).toBeGreaterThan(0);
    expect(size(flat.bbox)[1]).toBeCloseTo(10, 1);
    expect(size(flat.bbox)[2]).toBeCloseTo(2, 6);
    const wrapped = build([part({ type: 'text', text: "'ADA LOVELACE'", font: 'sans', size: 10, height: 1, halign: 'center', wrapRadius: 40 })]).parts[0]!;
    // Bent around R=40: the text's y extent (depth) grows with the sagitta of its arc.
    expect(size(wrapped.bbox)[1]).toBeGreaterThan(5);
    expect(Math.hypot(wrapped.bbox.min[1]!, 0)).toBeGreaterThan(39);
  });
  it('repeats, mirrors, drops nodes and parts whose when is false', () => {
    const holes = build([part({ type: 'repeat-polar', count: 6, children: [{ type: 'translate', offset: [30, 0, 0], children: [{ type: 'box', size: [4, 4, 4], center: true }] }] })]);
    expect(holes.volume).toBeCloseTo(6 * 64, 3);
    const line = build([part({ type: 'repeat-linear', count: 'n', offset: [10, 0, 0], children: [{ type: 'box', size: [5, 5, 5] }] })], new Map([['n', 4]]));
    expect(size(line.bbox)[0]).toBeCloseTo(35, 6);
    const two = [part({ type: 'box', size: [1, 1, 1] }), part({ type: 'box', size: [2, 2, 2] }, { name: 'Q', when: 'on' })];
    expect(build(two, new Map([['on', false]])).parts.map((p) => p.name)).toEqual(['P']);
    expect(build(two, new Map([['on', true]])).parts.map((p) => p.name)).toEqual(['P', 'Q']);
  });
  it('revolves a profile and extrudes rounded rectangles', () => {
    const vase = build([part({ type: 'revolve', shape: { type: 'polygon', points: [[0, 0], [30, 0], [25, 60], [0, 60]] } })]).parts[0]!;
    const exact = (Math.PI * 60 * (30 * 30 + 30 * 25 + 25 * 25)) / 3;
    expect(Math.abs(vase.volume - exact) / exact).toBeLessThan(0.005);
    const plate = build([part({ type: 'box', size: [80, 30, 4], radius: 5 })]).parts[0]!;
    expect(size(plate.bbox)[0]).toBeCloseTo(80, 2);
    expect(plate.volume).toBeLessThan(80 * 30 * 4);
  });
  it('refuses bad geometry input with the part and node named', () => {
    expect(() => build([part({ type: 'box', size: [-1, 2, 3] })])).toThrow(/parts\[0\]\.solid: box width must be more than 0/);
    expect(() => build([part({ type: 'box', size: ['x', 2, 3] })], new Map([['x', Number.NaN]]))).toThrow(UserError);
    expect(() => build([part({ type: 'box', size: [1e308, 2, 3] })])).toThrow(/±10000 mm/);
    expect(() => build([part({ type: 'text', text: "'ༀ'", font: 'sans', size: 5, height: 1 })])).toThrow(/no glyph for 'ༀ'/);
    expect(() => build([part({ type: 'difference', children: [{ type: 'box', size: [1, 1, 1] }, { type: 'box', size: [2, 2, 2] }] })])).toThrow(/part 'P' is empty/);
    expect(() => build([part({ type: 'mesh', file: 'knob.stl' })])).toThrow(/knob.stl' was not found/);
    expect(k.liveObjects()).toBe(0);
  });
  it('stops runaway builds with a budget', () => {
    expect(() => build([part({ type: 'repeat-linear', count: 100000, offset: [1, 0, 0], children: [{ type: 'box', size: [1, 1, 1] }] })])).toThrow(BudgetError);
    expect(() => build([part({ type: 'sphere', radius: 10, segments: 100000 })])).toThrow(/between 3 and 1024/);
    expect(() => k.build({ model: testModel([part({ type: 'sphere', radius: 10, segments: 1000 })]), scope: new Map(), quality: 'final', materials: TEST_MATERIALS }, { ...env, budget: { maxTriangles: 10000 } })).toThrow(/more than the 10,000 allowed/);
    // asked-for facets are counted before any solid is made: half a billion triangles are refused at once
    expect(() => build([part({ type: 'repeat-polar', count: 1000, children: [{ type: 'sphere', radius: 5, segments: 1024 }] })])).toThrow(/part 'P' asks for about 524,288,000 triangles/);
    expect(k.liveObjects()).toBe(0);
  });
  it('frees every WASM object over many rebuilds', () => {
    const parts = [part({ type: 'difference', children: [{ type: 'cylinder', height: 'h', radius: 40 }, { type: 'text', text: "'Zoë'", font: 'serif', size: 12, height: 3, wrapRadius: 38 }] })];
    build(parts, new Map([['h', 50]]));
    const heap0 = k.heapBytes();
    for (let i = 0; i < 200; i++) build(parts, new Map([['h', 50 + (i % 100) * 0.1]]), 'preview');
    expect(k.liveObjects()).toBe(0);
    expect(k.heapBytes()).toBeLessThanOrEqual(heap0 * 1.5 + 16 * 1024 * 1024);
  });
});

describe('slivers (what the final build simplifies away)', () => {
  const tri = (...pts: number[][]) => ({ positions: new Float32Array(pts.flat()), indices: new Uint32Array([0, 1, 2]) });
  it('are facets with coinciding corners or corners on one line, as a float32 file stores them', () => {
    expect(hasSlivers(tri([0, 0, 0], [10, 0, 0], [0, 10, 0]))).toBe(false);
    expect(hasSlivers(tri([0, 0, 0], [0, 0, 0], [0, 10, 0])), 'two corners at one point').toBe(true);
    expect(hasSlivers(tri([100, 0, 0], [100.000001, 0, 0], [100, 10, 0])), 'corners a nanometre apart, 100 mm out: one point in float32').toBe(true);
    expect(hasSlivers(tri([0, 0, 0], [5, 0, 0], [10, 0, 0])), 'corners on one line').toBe(true);
    // a long thin facet is no defect: it has area
    expect(hasSlivers(tri([0, 0, 0], [10, 0, 0], [5, 0.001, 0]))).toBe(false);
  });
  it('are left in no final build, and the final box is as exact as before', () => {
    const b = build([part({ type: 'difference', children: [{ type: 'box', size: [20, 20, 20] }, { type: 'translate', offset: [10, 10, 10], children: [{ type: 'sphere', radius: 6 }] }] })]);
    for (const p of b.parts) expect(hasSlivers(p.mesh), p.name).toBe(false);
  });
});
