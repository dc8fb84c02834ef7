// The Host handlers with real files: catalog, opening and saving designs (only where the user chose),
// recent designs, designer-mode watching, hand-off over real HTTP, kiosk filtering, exports and reset.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelSource, SaveRequest } from '../core/host';
import { HandoffManager } from './handoff/index';
import { createHostService, kioskFileName, type HostDeps, type HostService } from './host-service';
import { RecentDesigns } from './recent';
import { SettingsStore } from './settings';

let dir: string;
let svc: HostService;
let events: string[];
let changed: ModelSource[];
let kiosk: boolean;
let dialogAnswer: string | null;

const put = (rel: string, data: string | Uint8Array) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, data);
  return f;
};
const loopback = () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: false, cidr: '127.0.0.1/8' }] });

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-host-'));
  events = [];
  changed = [];
  kiosk = false;
  dialogAnswer = null;
  put('assets/models/mug/mug.model.json', JSON.stringify({ id: 'mug', name: 'Mug', parts: [] }));
  put('assets/models/plate/plate.model.json', JSON.stringify({ id: 'plate', name: 'Plate', parts: [] }));
  put('assets/fonts/fonts.json', '[]');
  put('assets/materials/materials.json', '{"currency":"EUR","materials":[]}');
  put('assets/printers/mk4.json', '{"id":"mk4"}');
  put('assets/printers/form3.json', '{"id":"form3"}');
  mkdirSync(path.join(dir, 'user'));
  mkdirSync(path.join(dir, 'tmp'));
  const settings = await SettingsStore.load(path.join(dir, 'user'));
  const deps: HostDeps = {
    assetsDir: path.join(dir, 'assets'),
    assetsUrl: 'atelier://assets',
    appVersion: '0.1.0',
    platform: 'linux',
    kiosk: () => kiosk,
    dialogs: {
      openDesign: async () => dialogAnswer,
      openModelFile: async () => dialogAnswer,
      saveAs: async () => dialogAnswer,
    },
    recent: await RecentDesigns.load(path.join(dir, 'user')),
    settings,
    handoff: new HandoffManager(() => settings.get().handoff, loopback),
    modelFileChanged: (s) => changed.push(s),
    recentChanged: () => events.push('recent'),
    kioskChanged: (on) => events.push(`kiosk:${on}`),
    wipeSession: async () => void events.push('wiped'),
    tempDir: path.join(dir, 'tmp'),
  };
  svc = createHostService(deps);
});
afterEach(async () => {
  await svc.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const design = (bytes = '{"format":"atelier-design/1"}'): SaveRequest => ({ suggestedName: 'mug.atelier.json', bytes: new TextEncoder().encode(bytes), kind: 'design' });

describe('host service', () => {
  it('opens, saves over and lists designs the user chose', async () => {
    const h = svc.handlers;
    expect(await h.openDesign()).toBeNull();
    const f = put('docs/mine.atelier.json', '{"v":1}');
    dialogAnswer = f;
    const opened = await h.openDesign();
    expect(opened).toMatchObject({ path: f, name: 'mine.atelier.json' });
    expect(new TextDecoder().decode(opened!.bytes)).toBe('{"v":1}');
    expect(await h.save({ ...design('{"v":2}'), path: f })).toEqual({ path: f });
    expect(readFileSync(f, 'utf8')).toBe('{"v":2}');
    expect((await h.recentDesigns()).map((r) => r.path)).toEqual([f]);
    expect(events).toContain('recent');
    expect((await h.openRecent(f))!.name).toBe('mine.atelier.json');
  });

  it('refuses to write or read paths the user never chose', async () => {
    const h = svc.handlers;
    const other = path.join(dir, 'user', 'settings.json');
    await expect(h.save({ ...design(), path: other })).rejects.toThrow(/only save over a file you opened or saved/);
    await expect(h.openRecent('/etc/passwd')).rejects.toThrow(/not in the recent list/);
    dialogAnswer = put('docs/notes.txt', 'x');
    await expect(h.openDesign()).rejects.toThrow(/not an Atelier design/);
    expect(existsSync(other)).toBe(false);
  });

  it('Save As adds the extension, and a design saved once can be saved again', async () => {
    const h = svc.handlers;
    dialogAnswer = path.join(dir, 'docs2-mug');
    const r = await h.save(design());
    expect(r.path).toBe(path.join(dir, 'docs2-mug.atelier.json'));
    expect(await h.save({ ...design('{"x":1}'), path: r.path! })).toEqual(r);
    dialogAnswer = null;
    expect(await h.save(design())).toEqual({ path: null });
    dialogAnswer = path.join(dir, 'part.stl');
    const stl = await h.save({ suggestedName: 'part.stl', bytes: new Uint8Array(84), kind: 'stl' });
    await expect(h.save({ suggestedName: 'part.stl', bytes: new Uint8Array(84), kind: 'design', path: stl.path! })).rejects.toThrow(/must end in .atelier.json/);
    expect((await h.recentDesigns()).map((x) => x.path)).toEqual([r.path]);
  });

  it('drops a recent design that no longer exists', async () => {
    const f = put('gone.3mf', 'PK');
    await svc.openFromOs(f);
    rmSync(f);
    await expect(svc.handlers.openRecent(f)).rejects.toThrow(/no longer there/);
    expect(await svc.handlers.recentDesigns()).toEqual([]);
  });

  it('watches a model file opened in designer mode', async () => {
    const f = put('work/lamp.model.json', '{"id":"lamp","v":1}');
    dialogAnswer = f;
    const src = await svc.handlers.openModelFile();
    expect(src!.text).toBe('{"id":"lamp","v":1}');
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(f, '{"id":"lamp","v":2}');
    for (let i = 0; i < 100 && changed.length === 0; i++) await new Promise((r) => setTimeout(r, 30));
    expect(changed.map((c) => c.text)).toEqual(['{"id":"lamp","v":2}']);
  });

  it('starts a phone hand-off that serves the bytes, and stops it', async () => {
    const info = await svc.handlers.startHandoff({ title: 'Mug', glb: new Uint8Array([1, 2]), usdz: new Uint8Array([3]) });
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(info.qrSvg).toContain('<svg');
    expect(Math.round((info.expiresAt - Date.now()) / 60000)).toBe(15);
    expect(new Uint8Array(await (await fetch(`${info.url}model.glb`)).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    const next = await svc.handlers.startHandoff({ title: 'Mug 2', glb: new Uint8Array([9]), usdz: new Uint8Array([3]) });
    await expect(fetch(`${info.url}model.glb`)).rejects.toThrow(); // replaced: the old server is gone
    await svc.handlers.stopHandoff();
    await expect(fetch(next.url)).rejects.toThrow();
  });

  it('in kiosk mode: filters the catalog, refuses dialogs, exports to the folder, resets', async () => {
    const h = svc.handlers;
    await h.updateKioskSettings('0000', { enabled: true, products: ['plate'], printers: ['mk4'], exportFolder: path.join(dir, 'usb'), newPin: '5555' });
    expect(events).toContain('kiosk:true');
    kiosk = true;
    expect((await h.info()).kiosk).toBe(true);
    expect((await h.listCatalog()).map((e) => e.id)).toEqual(['plate']);
    await expect(h.loadCatalogModel('mug')).rejects.toThrow(/no product "mug"/);
    expect((await h.catalogData()).printersJson).toEqual(['{"id":"mk4"}']);
    await expect(h.openDesign()).rejects.toThrow(/not available in kiosk mode/);
    await expect(h.openModelFile()).rejects.toThrow(/not available in kiosk mode/);
    expect(await h.recentDesigns()).toEqual([]);
    const r1 = await h.save({ suggestedName: '../../Ada’s mug?.3mf', bytes: new Uint8Array([1]), kind: '3mf' });
    expect(path.dirname(r1.path!)).toBe(path.join(dir, 'usb'));
    expect(path.basename(r1.path!)).toMatch(/^Ada-s mug_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.3mf$/);
    expect(await h.verifyStaffPin('5555')).toBe(true);
    expect(await h.verifyStaffPin('1234')).toBe(false);
    await expect(h.updateKioskSettings('1234', { enabled: false })).rejects.toThrow('Wrong staff PIN.');
    writeFileSync(path.join(dir, 'tmp', 'export.glb'), 'x');
    await h.kioskReset();
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(events.at(-1)).toBe('wiped');
    await h.updateKioskSettings('5555', { enabled: false });
    expect(events.at(-1)).toBe('kiosk:false');
  });

  it('makes kiosk export names safe', () => {
    const t = new Date('2026-11-22T14:05:09.123Z');
    expect(kioskFileName('mug.atelier.json', 'design', t)).toBe('mug_2026-11-22_14-05-09.atelier.json');
    expect(kioskFileName('..', 'stl', t)).toBe('design_2026-11-22_14-05-09.stl');
    expect(kioskFileName('a/b\\c:d', 'png', t)).toBe('a-b-c-d_2026-11-22_14-05-09.png');
  });
});
