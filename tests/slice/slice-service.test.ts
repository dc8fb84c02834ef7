// node/slice/service.ts with the real PrusaSlicer: the app's figures equal check --slice's for the same design, a
// time limit that is honoured, the temporary folder gone afterwards, the user's PrusaSlicer settings untouched, a
// superseded slice killed, and clear answers where there is no slicer or the request names what the catalog lacks.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSliceCatalog } from '../../node/slice/catalog';
import { createSliceService, type SliceService } from '../../node/slice/service';
import { ASSETS, expectCliFigures, nameplateInput, type NameplateInput } from './slice-fixture';

let input: NameplateInput;
let work: string;
const saved = { TMPDIR: process.env.TMPDIR, HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
const services: SliceService[] = [];
const service = (o: Partial<Parameters<typeof createSliceService>[0]> = {}) => {
  const s = createSliceService({ catalog: () => readSliceCatalog(ASSETS), ...o });
  services.push(s);
  return s;
};

beforeAll(async () => {
  input = await nameplateInput('bambu-x1');
}, 120_000);

beforeEach(() => {
  // a temporary folder and a user's home of this test's own: what the slicer leaves behind is visible
  work = mkdtempSync(path.join(tmpdir(), 'atelier-slice-test-'));
  mkdirSync(path.join(work, 'tmp'));
  process.env.TMPDIR = path.join(work, 'tmp');
  const cfg = path.join(work, 'home', '.config', 'PrusaSlicer');
  mkdirSync(cfg, { recursive: true });
  writeFileSync(path.join(cfg, 'PrusaSlicer.ini'), '# the user\'s own settings\nlayer_height = 0.05\n');
  process.env.HOME = path.join(work, 'home');
  process.env.XDG_CONFIG_HOME = path.join(work, 'home', '.config');
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(work, { recursive: true, force: true });
});

const request = () => ({ printerId: 'bambu-x1', bytes: input.bytes, filaments: input.filaments });
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('slice service (real PrusaSlicer)', () => {
  it('slices the two-colour nameplate to the figures check --slice reports, leaving no folder and the user settings alone', async () => {
    const ini = path.join(work, 'home', '.config', 'PrusaSlicer', 'PrusaSlicer.ini');
    const before = { files: filesUnder(path.join(work, 'home')), mtime: statSync(ini).mtimeMs };
    const t0 = performance.now();
    const a = await service().slice(request());
    const ms = performance.now() - t0;
    expect(a.status).toBe('sliced');
    if (a.status !== 'sliced') return;
    const f = a.figures;
    expect(f).toMatchObject({ printer: 'bambu-x1', estimated: false });
    expect(f.slicer).toMatch(/^PrusaSlicer/);
    expect(input.cli.source).toBe('prusa-slicer');
    expectCliFigures(f, input.cli);
    expect(f.toolChanges).toBeGreaterThanOrEqual(1);
    expect(f.filaments.map((x) => x.name)).toEqual(input.cli.filaments.map((x) => x.name));
    expect(f.filaments).toHaveLength(2);
    expect(f.filaments.every((x) => x.lengthMm > 0 && x.massG > 0)).toBe(true);
    // the user's own settings (0.05 mm layers) were neither read (the figures are the CLI's 0.2 mm ones) nor written
    expect(filesUnder(path.join(work, 'home'))).toEqual(before.files);
    expect(statSync(ini).mtimeMs).toBe(before.mtime);
    expect(readFileSync(ini, 'utf8')).toContain('layer_height = 0.05');
    expect(readdirSync(path.join(work, 'tmp'))).toEqual([]);
    console.log(`nameplate on bambu-x1 sliced in ${Math.round(ms)} ms: ${f.printSeconds} s, ${f.toolChanges} tool changes`);
  }, 60_000);

  it('honours the time limit: a slice over it is stopped, said to be a timeout, and its folder removed', async () => {
    const t0 = performance.now();
    const a = await service({ timeoutMs: 20 }).slice(request());
    expect(a).toEqual({ status: 'failed', reason: 'timeout', message: 'PrusaSlicer took longer than 0.02 s.' });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(readdirSync(path.join(work, 'tmp'))).toEqual([]);
  }, 30_000);

  it('a newer request supersedes a running one: the first slicer is killed, the second answers', async () => {
    const s = service();
    const first = s.slice(request());
    await new Promise((r) => setTimeout(r, 50));
    const second = s.slice(request());
    expect(await first).toEqual({ status: 'superseded' });
    expect((await second).status).toBe('sliced');
    expect(readdirSync(path.join(work, 'tmp'))).toEqual([]);
  }, 60_000);

  it('says so when there is no slicer, or the printer is a resin printer; refuses what the catalog lacks', async () => {
    expect(service({ slicer: null }).available).toBe(false);
    expect(await service({ slicer: null }).slice(request())).toEqual({ status: 'no-slicer' });
    expect(await service({ slicer: path.join(work, 'no-such-slicer') }).slice(request())).toMatchObject({ status: 'failed', reason: 'slicer' });
    expect(await service().slice({ ...request(), printerId: 'elegoo-saturn-3' })).toEqual({ status: 'no-slicer' });
    await expect(service().slice({ ...request(), printerId: 'no-such-printer' })).rejects.toThrow('There is no printer "no-such-printer" here.');
    await expect(service().slice({ ...request(), filaments: [{ material: 'gold', color: '#ffcc00' }] })).rejects.toThrow('There is no material "gold" in the catalog.');
  }, 60_000);
});
