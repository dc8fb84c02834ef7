// GeometryClient against a scripted stand-in for the Worker (the DOM Worker cannot run in Node): latest-wins
// builds while a slider moves, the watchdog that stops a runaway build and starts a fresh worker, and the model
// sent again to that fresh worker. The client's own code runs unchanged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductModel } from '../../../core/model/types';
import type { WorkerRequest, WorkerResponse } from '../../worker/protocol';
import { GeometryClient, GeometryError } from './geometry-client';

class ScriptedWorker {
  static all: ScriptedWorker[] = [];
  onmessage: ((ev: { data: WorkerResponse }) => void) | null = null;
  onerror: ((ev: { preventDefault(): void }) => void) | null = null;
  readonly got: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    ScriptedWorker.all.push(this);
  }
  postMessage(m: WorkerRequest): void {
    this.got.push(m);
    // init and model are answered at once; builds wait for the test to answer them
    if (m.type === 'init' || m.type === 'model') queueMicrotask(() => this.reply({ type: 'ready', id: m.id }));
  }
  reply(m: WorkerResponse): void {
    if (!this.terminated) this.onmessage?.({ data: m });
  }
  builds(): Extract<WorkerRequest, { type: 'build' }>[] {
    return this.got.filter((m): m is Extract<WorkerRequest, { type: 'build' }> => m.type === 'build');
  }
  answer(build: { id: number }): void {
    this.reply({ type: 'built', id: build.id, parts: [], figures: {} as never, ms: 1 } as unknown as WorkerResponse);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const init = { wasmUrl: 'manifold.wasm', fonts: [], materialsJson: '{}', printersJson: [] };
const model = { id: 'mug' } as unknown as ProductModel;

beforeEach(() => {
  ScriptedWorker.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('Worker', ScriptedWorker);
  vi.stubGlobal('window', globalThis);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('GeometryClient', () => {
  it('builds the latest request: those replaced while a build runs resolve null and are never sent', async () => {
    const c = new GeometryClient(init, { buildTimeoutMs: 1000, exportTimeoutMs: 5000 });
    c.setModel('k1', model, {});
    const a = c.build({ values: { w: 1 }, quality: 'preview' });
    await flush();
    const b = c.build({ values: { w: 2 }, quality: 'preview' });
    const d = c.build({ values: { w: 3 }, quality: 'preview' });
    expect(await b).toBeNull();
    const w = ScriptedWorker.all[0]!;
    expect(w.builds().map((m) => m.values.w)).toEqual([1]);
    w.answer(w.builds()[0]!);
    expect(await a).not.toBeNull();
    await flush();
    expect(w.builds().map((m) => m.values.w)).toEqual([1, 3]);
    w.answer(w.builds()[1]!);
    expect(await d).toMatchObject({ ms: 1 });
    expect(w.got.filter((m) => m.type === 'model')).toHaveLength(1); // the model went once, before the first build
    c.dispose();
  });

  it("sends a build's prepared scope to the worker as given and says where the worker took its scope from", async () => {
    const c = new GeometryClient(init, { buildTimeoutMs: 1000, exportTimeoutMs: 5000 });
    c.setModel('k1', model, {});
    const scope = new Map([['w', 4], ['half', 2]]);
    const a = c.build({ values: { w: 4 }, scope, quality: 'preview' });
    await flush();
    const w = ScriptedWorker.all[0]!;
    const sent = w.builds()[0]!;
    expect([...sent.scope!]).toEqual([['w', 4], ['half', 2]]);
    w.reply({ type: 'built', id: sent.id, parts: [], figures: {} as never, ms: 1, scopeFrom: 'ui' });
    expect(await a).toMatchObject({ scopeFrom: 'ui' });
    c.dispose();
  });

  it("an export or slicer input of the latest build's values carries that build's scope; other values do not", async () => {
    const c = new GeometryClient(init, { buildTimeoutMs: 1000, exportTimeoutMs: 5000 });
    c.setModel('k1', model, {});
    const scope = new Map([['w', 4], ['half', 2]]);
    const a = c.build({ values: { w: 4 }, scope, quality: 'preview' });
    await flush();
    const w = ScriptedWorker.all[0]!;
    w.answer(w.builds()[0]!);
    await a;
    const design = { format: 'atelier.design/1', model: { id: 'mug', version: 1 }, values: { w: 4 } } as never;
    // never answered: disposed below (their 'disposed' rejections are expected)
    const pending = [c.sliceInput({ values: { w: 4 }, quality: 'preview', design, printerId: 'p' }), c.export({ values: { w: 5 }, quality: 'final', format: 'stl', design })];
    for (const p of pending) p.catch(() => undefined);
    await flush();
    const slice = w.got.find((m) => m.type === 'slice-input')!;
    const exp = w.got.find((m) => m.type === 'export')!;
    expect(slice.type === 'slice-input' && [...slice.scope!]).toEqual([['w', 4], ['half', 2]]);
    expect(exp.type === 'export' && exp.scope).toBeUndefined();
    c.dispose();
  });

  it('stops a runaway build after its time, restarts the worker and sends the model to the new one', async () => {
    const c = new GeometryClient(init, { buildTimeoutMs: 1000, exportTimeoutMs: 5000 });
    c.setModel('k1', model, {});
    const a = c.build({ values: { w: 1 }, quality: 'final' });
    const failed = a.catch((e: unknown) => e);
    await flush();
    vi.advanceTimersByTime(1001);
    const e = await failed;
    expect(e).toBeInstanceOf(GeometryError);
    expect((e as GeometryError).timedOut).toBe(true);
    expect((e as GeometryError).message).toContain('took too long');
    expect(ScriptedWorker.all[0]!.terminated).toBe(true);
    expect(c.restarts).toBe(1);
    await flush();
    const fresh = ScriptedWorker.all[1]!;
    expect(fresh.got.map((m) => m.type)).toEqual(['init']);
    const b = c.build({ values: { w: 2 }, quality: 'preview' });
    await flush();
    expect(fresh.got.map((m) => m.type)).toEqual(['init', 'model', 'build']);
    fresh.answer(fresh.builds()[0]!);
    expect(await b).not.toBeNull();
    c.dispose();
  });

  it('a build that answers in time is not stopped', async () => {
    const c = new GeometryClient(init, { buildTimeoutMs: 1000, exportTimeoutMs: 5000 });
    c.setModel('k1', model, {});
    const a = c.build({ values: {}, quality: 'preview' });
    await flush();
    vi.advanceTimersByTime(900);
    ScriptedWorker.all[0]!.answer(ScriptedWorker.all[0]!.builds()[0]!);
    expect(await a).not.toBeNull();
    vi.advanceTimersByTime(5000);
    expect(c.restarts).toBe(0);
    c.dispose();
  });
});
