// The real preload bundle (built by scripts/build-main.mjs's esbuild settings) evaluated against a minimal
// stand-in for Electron's contextBridge/ipcRenderer whose invoke() goes through the real IPC wrapper to the
// real host service: exactly the Host method names are exposed, calls round-trip, errors arrive as messages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CHANNELS, HOST_EVENTS, type Host } from '../../core/host';
import { HandoffManager } from '../../main/handoff/index';
import { createHostService, type HostService } from '../../main/host-service';
import { dispatch, type HostCall, type SenderFrameLike } from '../../main/ipc';
import { RecentDesigns } from '../../main/recent';
import { SettingsStore } from '../../main/settings';

const root = path.resolve(__dirname, '../..');
let dir: string;
let service: HostService;
let exposed: Record<string, unknown> = {};
let frame: SenderFrameLike = { url: 'atelier://app/index.html', parent: null };
const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
const requires: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-preload-'));
  mkdirSync(path.join(dir, 'assets/models/mug'), { recursive: true });
  writeFileSync(path.join(dir, 'assets/models/mug/mug.model.json'), JSON.stringify({ id: 'mug', name: 'Mug', parts: [] }));
  const settings = await SettingsStore.load(dir);
  service = createHostService({
    assetsDir: path.join(dir, 'assets'), assetsUrl: 'atelier://assets', appVersion: '0.1.0', platform: 'linux', kiosk: () => false,
    dialogs: { openDesign: async () => null, openModelFile: async () => null, saveAs: async () => path.join(dir, 'out.stl') },
    recent: await RecentDesigns.load(dir), settings, handoff: new HandoffManager(() => settings.get().handoff),
    modelFileChanged: () => {}, recentChanged: () => {}, kioskChanged: () => {}, wipeSession: async () => {}, tempDir: dir,
  });
  const bundle = await build({
    entryPoints: [path.join(root, 'main/preload.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node22',
    external: ['electron'], write: false, logLevel: 'silent',
  });
  const byChannel = new Map<string, HostCall>(Object.entries(HOST_CHANNELS).map(([k, v]) => [v, k as HostCall]));
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void (exposed[name] = api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => dispatch(service.handlers, byChannel.get(channel)!, frame, structuredClone(args)),
      on: (ch: string, l: (e: unknown, p: unknown) => void) => void (listeners.get(ch) ?? listeners.set(ch, new Set()).get(ch)!).add(l),
      removeListener: (ch: string, l: (e: unknown, p: unknown) => void) => void listeners.get(ch)?.delete(l),
    },
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle.outputFiles[0]!.text, {
    module, exports: module.exports, Promise, TypeError, Error,
    require: (id: string) => {
      requires.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the sandboxed preload required ${id}`);
    },
  });
});
afterAll(async () => {
  await service.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const host = () => exposed.atelierHost as Required<Host>;
const emit = (ch: string, payload: unknown) => listeners.get(ch)?.forEach((l) => l({ sender: 'secret' }, payload));

describe('preload bridge', () => {
  it('requires only electron and exposes exactly one method per Host call plus the subscriptions', () => {
    expect(requires).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['atelierHost']);
    const names = Object.keys(host()).sort();
    expect(names).toEqual([...Object.keys(HOST_CHANNELS), 'onCommand', 'onOpenFile', 'onModelFileChanged'].sort());
    expect(names).not.toContain('invoke');
    expect(Object.values(host()).every((f) => typeof f === 'function')).toBe(true);
  });

  it('round-trips calls through the validating wrapper to the host service', async () => {
    expect(await host().info()).toEqual({ kind: 'electron', appVersion: '0.1.0', platform: 'linux', kiosk: false });
    expect((await host().listCatalog()).map((e) => e.id)).toEqual(['mug']);
    expect((await host().loadCatalogModel('mug')).origin).toBe('catalog:mug');
    const r = await host().save({ suggestedName: 'out.stl', bytes: new Uint8Array(84), kind: 'stl' });
    expect(r.path).toBe(path.join(dir, 'out.stl'));
  });

  it('rejects with the clean message for bad payloads, failures and foreign frames', async () => {
    await expect(host().loadCatalogModel('../../etc')).rejects.toThrow('loadCatalogModel needs one model id (a-z, 0-9, -)');
    await expect(host().loadCatalogModel('lamp')).rejects.toThrow('There is no product "lamp" in the catalog.');
    frame = { url: 'atelier://app/index.html', parent: { url: 'atelier://app/' } };
    await expect(host().info()).rejects.toThrow('This request did not come from the Atelier window.');
    frame = { url: 'atelier://app/index.html', parent: null };
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const got: unknown[] = [];
    const off = host().onCommand((cmd) => got.push(cmd));
    host().onModelFileChanged((src) => got.push(src.origin));
    emit(HOST_EVENTS.command, 'undo');
    emit(HOST_EVENTS.modelFileChanged, { origin: '/m.model.json', text: '', assets: {} });
    off();
    emit(HOST_EVENTS.command, 'redo');
    expect(got).toEqual(['undo', '/m.model.json']);
    expect(() => host().onOpenFile(42 as never)).toThrow('expected a callback');
  });
});
