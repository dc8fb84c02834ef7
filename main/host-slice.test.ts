// The sliceDesign host call end to end in Node: the IPC wrapper (sender check, strict payload check, size limit)
// in front of the real host service, slicing the two-colour nameplate with the real PrusaSlicer to the figures
// `check --slice` reports; allowed in kiosk mode, limited there to the kiosk's printers; a clean "no slicer" answer.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SLICE_BYTES, type SliceAnswer } from '../core/host';
import { HandoffManager } from './handoff/index';
import { createHostService, type HostDeps, type HostService } from './host-service';
import { dispatch } from './ipc';
import { RecentDesigns } from './recent';
import { SettingsStore } from './settings';
import { ASSETS, expectCliFigures, nameplateInput, type NameplateInput } from '../tests/slice/slice-fixture';

const frame = { url: 'atelier://app/index.html', parent: null };
let dir: string;
let input: NameplateInput;
let kiosk = false;
let settings: SettingsStore;
const services: HostService[] = [];

async function service(slice?: HostDeps['slice']): Promise<HostService> {
  const user = mkdtempSync(path.join(dir, 'user-'));
  const deps: HostDeps = {
    assetsDir: ASSETS,
    assetsUrl: 'atelier://app/assets',
    appVersion: '0.1.0',
    platform: 'linux',
    kiosk: () => kiosk,
    dialogs: { openDesign: async () => null, openModelFile: async () => null, saveAs: async () => null },
    recent: await RecentDesigns.load(user),
    settings,
    handoff: new HandoffManager(() => settings.get().handoff, () => ({})),
    modelFileChanged: () => undefined,
    recentChanged: () => undefined,
    kioskChanged: () => undefined,
    wipeSession: async () => undefined,
    tempDir: path.join(dir, 'tmp'),
    ...(slice ? { slice } : {}),
  };
  const s = createHostService(deps);
  services.push(s);
  return s;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-host-slice-'));
  mkdirSync(path.join(dir, 'tmp'));
  settings = await SettingsStore.load(mkdtempSync(path.join(dir, 'settings-')));
  input = await nameplateInput('bambu-x1');
}, 120_000);
afterAll(async () => {
  for (const s of services) await s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const request = (o: Record<string, unknown> = {}) => ({ printerId: 'bambu-x1', bytes: input.bytes, filaments: input.filaments, ...o });
const call = async (s: HostService, args: unknown[]) => dispatch(s.handlers, 'sliceDesign', frame, args);

describe('sliceDesign host call', () => {
  it('slices the nameplate to the figures check --slice reports', async () => {
    const r = await call(await service(), [request()]);
    expect(r).toHaveProperty('value');
    const a = (r as { value: SliceAnswer }).value;
    expect(a.status).toBe('sliced');
    if (a.status !== 'sliced') return;
    expect(a.figures.estimated).toBe(false);
    expectCliFigures(a.figures, input.cli);
    expect(a.figures.toolChanges).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('refuses bad payloads before slicing: unknown fields, wrong types, not a 3MF, too big, too many filaments, another window', async () => {
    const s = await service();
    const bad: [unknown[], RegExp][] = [
      [[], /one request object/],
      [[request(), 1], /one request object/],
      [[request({ printerId: '../x' })], /printerId/],
      [[request({ bytes: [80, 75] })], /Uint8Array/],
      [[request({ bytes: new Uint8Array(0) })], /non-empty/],
      [[request({ bytes: new TextEncoder().encode('solid x') })], /3MF/],
      [[request({ bytes: new Uint8Array(MAX_SLICE_BYTES + 1) })], /at most/],
      [[request({ filaments: [] })], /filaments/],
      [[request({ filaments: Array.from({ length: 17 }, () => input.filaments[0]) })], /filaments/],
      [[request({ filaments: [{ material: 'pla-white', color: 'white' }] })], /color/],
      [[request({ filaments: [{ material: 'pla-white', color: '#ffffff', extra: 1 }] })], /material, color/],
      [[request({ slicer: '/bin/sh' })], /unknown field "slicer"/],
    ];
    for (const [i, [args, msg]] of bad.entries()) {
      const r = await call(s, args);
      expect((r as { error?: string }).error, `case ${i}`).toMatch(msg);
    }
    const other = await dispatch(s.handlers, 'sliceDesign', { url: 'https://evil.example/', parent: null }, [request()]);
    expect(other).toEqual({ error: 'This request did not come from the Atelier window.' });
  });

  it('names an unknown printer or material in one line', async () => {
    const s = await service();
    expect(await call(s, [request({ printerId: 'no-such' })])).toEqual({ error: 'There is no printer "no-such" here.' });
    expect(await call(s, [request({ filaments: [{ material: 'gold', color: '#ffcc00' }] })])).toEqual({ error: 'There is no material "gold" in the catalog.' });
  });

  it('works in kiosk mode, for the kiosk’s printers only', async () => {
    kiosk = true;
    try {
      await settings.updateKiosk('1234', { printers: ['bambu-x1'] });
      const s = await service();
      expect(((await call(s, [request()])) as { value: SliceAnswer }).value.status).toBe('sliced');
      await settings.updateKiosk('1234', { printers: ['prusa-mk4'] });
      expect(await call(s, [request()])).toEqual({ error: 'There is no printer "bambu-x1" here.' });
    } finally {
      kiosk = false;
      await settings.updateKiosk('1234', { printers: null });
    }
  }, 60_000);

  it('answers "no slicer" where none is installed, and reports a time limit it ran into', async () => {
    const none = await service({ slicer: null });
    expect(await dispatch(none.handlers, 'slicerAvailable', frame, [])).toEqual({ value: false });
    expect(await dispatch((await service()).handlers, 'slicerAvailable', frame, [])).toEqual({ value: true });
    expect(await dispatch(none.handlers, 'slicerAvailable', frame, [1])).toEqual({ error: 'slicerAvailable takes no arguments' });
    expect(await call(none, [request()])).toEqual({ value: { status: 'no-slicer' } });
    expect(await call(await service({ timeoutMs: 20 }), [request()])).toEqual({ value: { status: 'failed', reason: 'timeout', message: 'PrusaSlicer took longer than 0.02 s.' } });
  }, 30_000);
});
