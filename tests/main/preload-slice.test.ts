// The desktop app's slicing path without Electron: the real preload bundle evaluated against a stand-in for
// contextBridge/ipcRenderer whose invoke() structured-clones the arguments (as IPC does) into the real IPC wrapper
// and the real host service, and the renderer's electron host on top. The two-colour nameplate's slicer input
// comes back with the figures `check --slice` reports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CHANNELS, type Host } from '../../core/host';
import { HandoffManager } from '../../main/handoff/index';
import { createHostService, type HostService } from '../../main/host-service';
import { dispatch, type HostCall } from '../../main/ipc';
import { RecentDesigns } from '../../main/recent';
import { SettingsStore } from '../../main/settings';
import { createElectronHost } from '../../renderer/host/electron-host';
import { ASSETS, expectCliFigures, nameplateInput, type NameplateInput } from '../slice/slice-fixture';

const root = path.resolve(__dirname, '../..');
let dir: string;
let service: HostService;
let host: Host;
let input: NameplateInput;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-preload-slice-'));
  const settings = await SettingsStore.load(dir);
  service = createHostService({
    assetsDir: ASSETS, assetsUrl: 'atelier://app/assets', appVersion: '0.1.0', platform: 'linux', kiosk: () => false,
    dialogs: { openDesign: async () => null, openModelFile: async () => null, saveAs: async () => null },
    recent: await RecentDesigns.load(dir), settings, handoff: new HandoffManager(() => settings.get().handoff),
    modelFileChanged: () => {}, recentChanged: () => {}, kioskChanged: () => {}, wipeSession: async () => {}, tempDir: dir,
  });
  const bundle = await build({ entryPoints: [path.join(root, 'main/preload.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], write: false, logLevel: 'silent' });
  const byChannel = new Map<string, HostCall>(Object.entries(HOST_CHANNELS).map(([k, v]) => [v, k as HostCall]));
  const exposed: Record<string, unknown> = {};
  const frame = { url: 'atelier://app/index.html', parent: null };
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void (exposed[name] = api) },
    ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => dispatch(service.handlers, byChannel.get(channel)!, frame, structuredClone(args)), on: () => {}, removeListener: () => {} },
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle.outputFiles[0]!.text, { module, exports: module.exports, Promise, TypeError, Error, require: (id: string) => (id === 'electron' ? electron : undefined) });
  host = createElectronHost(exposed.atelierHost as Host);
  input = await nameplateInput('bambu-x1');
}, 120_000);
afterAll(async () => {
  await service.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('slicing through the preload bridge', () => {
  it('says a slicer is there and slices the nameplate to the CLI’s figures', async () => {
    expect(await host.slicerAvailable!()).toBe(true);
    const a = await host.sliceDesign!({ printerId: 'bambu-x1', bytes: input.bytes, filaments: input.filaments });
    expect(a.status).toBe('sliced');
    if (a.status === 'sliced') expectCliFigures(a.figures, input.cli);
  }, 60_000);

  it('refuses a bad request with the validator’s one line', async () => {
    await expect(host.sliceDesign!({ printerId: 'bambu-x1', bytes: new Uint8Array([1, 2, 3]), filaments: input.filaments })).rejects.toThrow('sliceDesign: bytes must be a 3MF file');
  });
});
