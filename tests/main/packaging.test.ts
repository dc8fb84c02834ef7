// Packaging as far as it can be checked without Electron's binary: electron-builder.yml loaded and validated
// by electron-builder's own config loader and schema, the icons, and the afterPack hook flipping the fuses
// (through an injected flipper, and for real with @electron/fuses on a file carrying Electron's fuse wire),
// and a real `electron-builder --linux dir` run against a stand-in Electron distribution (no download).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../e2e/build';

const root = path.resolve(__dirname, '../..');
const require_ = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'atelier-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Hook = ((ctx: unknown, flip?: (p: string, c: unknown) => Promise<number>) => Promise<void>) & {
  fuseConfig(platform: string, arch: string): Record<string, unknown>;
};
const hook = require_(path.join(root, 'build/after-pack.cjs')) as Hook;

async function loadConfig(): Promise<Record<string, any>> {
  const { getConfig, validateConfiguration } = require_('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require_('builder-util');
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and names the app, targets and associations', async () => {
    const c = await loadConfig();
    expect(c.appId).toBe('org.atelier.app');
    expect(c.productName).toBe('Atelier');
    expect(c.electronVersion).toBe(require_('electron/package.json').version);
    expect(c.asar).toBe(true);
    expect(c.afterPack).toBe('build/after-pack.cjs');
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.mac.target).toEqual(['dmg']);
    expect(c.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual(['atelier.json', '3mf']);
    expect(c.extraMetadata.main).toBe(require_(path.join(root, 'package.json')).main);
  });

  it('packs the built app and catalog, never node_modules (including the atelier self-link)', async () => {
    // electron-builder normalises the list into one file set: [{ filter: [...] }]
    const raw = (await loadConfig()).files as (string | { filter: string[] })[];
    const files = raw.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/main/*.cjs', 'dist/web/**', 'assets/**', '!node_modules/**']));
    expect(files.filter((f) => !f.startsWith('!')).some((f) => f.startsWith('node_modules'))).toBe(false);
  });

  it('tells electron-builder not to copy production node_modules (the app is bundled)', async () => {
    const c = await loadConfig();
    expect(c.beforeBuild).toBe('build/before-build.cjs');
    const beforeBuild = require_(path.join(root, c.beforeBuild)) as () => Promise<boolean>;
    expect(await beforeBuild()).toBe(false);
  });

  it('has icons of the right sizes', () => {
    const size = (f: string) => {
      const p = PNG.sync.read(readFileSync(path.join(root, 'build', f)));
      return [p.width, p.height];
    };
    expect(size('icon.png')).toEqual([1024, 1024]);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(size(`icons/${s}x${s}.png`)).toEqual([s, s]);
    const ico = readFileSync(path.join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    const last = 6 + 16 * (count - 1);
    const png = ico.subarray(ico.readUInt32LE(last + 12), ico.readUInt32LE(last + 12) + ico.readUInt32LE(last + 8));
    expect(PNG.sync.read(png).width).toBe(256);
  });
});

describe('afterPack hook (fuses)', () => {
  const ctx = (platform: string, arch: number) => ({
    electronPlatformName: platform,
    arch,
    appOutDir: path.join(dir, platform),
    packager: { appInfo: { productFilename: 'Atelier' }, executableName: 'atelier' },
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect; turns on cookie encryption, ASAR integrity and ASAR-only', () => {
    const c = hook.fuseConfig('linux', 'x64');
    expect(c[FuseV1Options.RunAsNode]).toBe(false);
    expect(c[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(c[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(c[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(c[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(c[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(c[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(c.strictlyRequireAllFuses).toBe(true);
    expect(c.resetAdHocDarwinSignature).toBe(false);
    expect(hook.fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
  });

  it('flips the fuses of each platform’s binary', async () => {
    const calls: [string, unknown][] = [];
    const flip = async (p: string, c: unknown) => (calls.push([p, c]), 1);
    await hook(ctx('linux', 1), flip);
    await hook(ctx('win32', 1), flip);
    await hook(ctx('darwin', 3), flip);
    expect(calls.map(([p]) => path.relative(dir, p))).toEqual([path.join('linux', 'atelier'), path.join('win32', 'Atelier.exe'), path.join('darwin', 'Atelier.app')]);
    expect(calls[0]![1]).toEqual(hook.fuseConfig('linux', 'x64'));
    expect(calls[2]![1]).toEqual(hook.fuseConfig('darwin', 'arm64'));
  });

  it('really rewrites a fuse wire with @electron/fuses', async () => {
    // A stand-in binary: junk around Electron's sentinel, wire version 1, 8 fuses with Electron's defaults.
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const wire = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    mkdirSync(path.join(dir, 'linux'), { recursive: true });
    const bin = path.join(dir, 'linux', 'atelier');
    writeFileSync(bin, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(sentinel), wire, Buffer.alloc(4096, 9)]));
    await hook(ctx('linux', 1));
    const w = await getCurrentFuseWire(bin);
    const on = '1'.charCodeAt(0), off = '0'.charCodeAt(0); // @electron/fuses' FuseState.ENABLE / DISABLE
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => (w as Record<number, number>)[i])).toEqual([off, on, off, off, on, on, off, off]);
    const after = readFileSync(bin);
    expect(after.length).toBe(4096 * 2 + sentinel.length + wire.length);
    expect(after.subarray(0, 4096).every((b) => b === 7)).toBe(true);
  });
});

/** Electron 45's fuse wire: version 1, 9 fuses (the 9th, WasmTrapHandlers, is newer than @electron/fuses 1.8), defaults. */
const CURRENT_WIRE = '101100011';
function standInElectron(wire = CURRENT_WIRE): Buffer {
  return Buffer.concat([Buffer.alloc(1024), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(1024)]);
}

describe('fuse wire check', () => {
  const v = require_(path.join(root, 'build/after-pack.cjs')) as { verifyFuseWire(w: Record<string, unknown>, c: Record<string, unknown>): string[] };
  const wire = (s: string) => Object.fromEntries([['version', '1'], ...[...s].map((c, i) => [String(i), c.charCodeAt(0)])]);
  it('accepts the intended wire with the reviewed 9th fuse, refuses an unreviewed 10th or a wrong state', () => {
    const c = hook.fuseConfig('linux', 'x64');
    expect(v.verifyFuseWire(wire('010011001'), c)).toEqual([]);
    expect(v.verifyFuseWire(wire('0100110011'), c)).toEqual([expect.stringContaining('fuse 9 is new in this Electron')]);
    expect(v.verifyFuseWire(wire('110011001'), c)).toEqual(['fuse 0 is 1, expected 0']);
  });

  it('flips a 9-fuse binary with @electron/fuses and leaves the 9th as Electron ships it', async () => {
    mkdirSync(path.join(dir, 'nine'), { recursive: true });
    const bin = path.join(dir, 'nine', 'atelier');
    writeFileSync(bin, standInElectron());
    await hook({ electronPlatformName: 'linux', arch: 1, appOutDir: path.join(dir, 'nine'), packager: { appInfo: { productFilename: 'Atelier' }, executableName: 'atelier' } });
    const w = (await getCurrentFuseWire(bin)) as Record<number, number>;
    expect(String.fromCharCode(...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => w[i]!))).toBe('010011001');
  });
});

describe('electron-builder run', () => {
  it('packs only the bundled app into app.asar and flips the fuses (with a stand-in Electron binary)', async () => {
    // A throw-away project: this repository's package.json, config and hooks, the real main bundles,
    // a web build and catalog file, and node_modules linked in (which must not be packed).
    const proj = path.join(dir, 'project');
    mkdirSync(path.join(proj, 'build'), { recursive: true });
    for (const f of ['package.json', 'electron-builder.yml', 'build/after-pack.cjs', 'build/before-build.cjs']) copyFileSync(path.join(root, f), path.join(proj, f));
    symlinkSync(path.join(root, 'node_modules'), path.join(proj, 'node_modules'), 'dir');
    const { buildMain } = (await import(pathToFileURL(path.join(root, 'scripts/build-main.mjs')).href)) as { buildMain(out: string): Promise<void> };
    await buildMain(path.join(proj, 'dist/main'));
    mkdirSync(path.join(proj, 'dist/web'), { recursive: true });
    writeFileSync(path.join(proj, 'dist/web/index.html'), '<!doctype html>');
    mkdirSync(path.join(proj, 'assets/models/mug'), { recursive: true });
    writeFileSync(path.join(proj, 'assets/models/mug/mug.model.json'), '{}');
    // Stand-in for Electron's unpacked distribution: a file carrying the fuse wire with Electron's defaults.
    const electronDist = path.join(dir, 'electron-dist');
    mkdirSync(electronDist, { recursive: true });
    writeFileSync(path.join(electronDist, 'electron'), standInElectron(), { mode: 0o755 });
    writeFileSync(path.join(electronDist, 'version'), '45.4.1');
    const out = path.join(dir, 'out');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--projectDir', proj, '--config', 'electron-builder.yml', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('fuses set in atelier');
    const appDir = path.join(out, 'linux-unpacked');
    const asar = require_('@electron/asar') as { listPackage(p: string, o: object): string[]; extractFile(p: string, f: string): Buffer };
    const files = asar.listPackage(path.join(appDir, 'resources/app.asar'), {}).map((f) => f.split(path.sep).join('/'));
    expect(files.filter((f) => path.extname(f))).toEqual(['/assets/models/mug/mug.model.json', '/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/web/index.html', '/package.json'].sort());
    const meta = JSON.parse(asar.extractFile(path.join(appDir, 'resources/app.asar'), 'package.json').toString());
    expect(meta.main).toBe('dist/main/main.cjs');
    const w = (await getCurrentFuseWire(path.join(appDir, 'atelier'))) as Record<number, number>;
    expect(String.fromCharCode(...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => w[i]!))).toBe('01001100');
    expect(existsSync(path.join(appDir, 'resources/app.asar.unpacked'))).toBe(false);
    expect(String.fromCharCode(w[8]!)).toBe('1'); // WasmTrapHandlers: reviewed, left on
  });

  it('builds the deb from the real app (bundles, web build with wasm, fonts, catalog) with a maintainer and homepage', async () => {
    await ensureWebBuild();
    const proj = path.join(dir, 'deb-project');
    mkdirSync(path.join(proj, 'build'), { recursive: true });
    for (const f of ['package.json', 'electron-builder.yml', 'build/after-pack.cjs', 'build/before-build.cjs']) copyFileSync(path.join(root, f), path.join(proj, f));
    cpSync(path.join(root, 'build/icons'), path.join(proj, 'build/icons'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(proj, 'node_modules'), 'dir');
    const { buildMain } = (await import(pathToFileURL(path.join(root, 'scripts/build-main.mjs')).href)) as { buildMain(out: string): Promise<void> };
    await buildMain(path.join(proj, 'dist/main'));
    cpSync(path.join(root, 'dist/web'), path.join(proj, 'dist/web'), { recursive: true });
    cpSync(path.join(root, 'assets'), path.join(proj, 'assets'), { recursive: true });
    const electronDist = path.join(dir, 'electron-dist-deb');
    mkdirSync(electronDist, { recursive: true });
    writeFileSync(path.join(electronDist, 'electron'), standInElectron(), { mode: 0o755 });
    writeFileSync(path.join(electronDist, 'version'), '45.4.1');
    // fpm (Ruby) is downloaded by electron-builder and cannot be here: a stand-in records what it is asked to build.
    const fpmArgs = path.join(dir, 'fpm-args.json');
    const fpm = path.join(dir, 'fpm');
    writeFileSync(fpm, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(fpmArgs)}, JSON.stringify(process.argv.slice(2)));\n`, { mode: 0o755 });
    const out = path.join(dir, 'out-deb');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--projectDir', proj, '--config', 'electron-builder.yml', '--linux', 'deb', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`], {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, CUSTOM_FPM_PATH: fpm },
    });
    expect(r.stdout + r.stderr).not.toMatch(/Please specify (project homepage|author 'email')/);
    expect(existsSync(fpmArgs), r.stdout + r.stderr).toBe(true);
    const args = JSON.parse(readFileSync(fpmArgs, 'utf8')) as string[];
    const arg = (name: string) => args[args.indexOf(name) + 1];
    const pkg = require_(path.join(root, 'package.json')) as { homepage: string; author: { name: string; email: string } };
    expect(arg('--maintainer')).toBe(`${pkg.author.name} <${pkg.author.email}>`);
    expect(arg('--url')).toBe(pkg.homepage);
    expect(arg('--name')).toBe('atelier');
    expect(args).toEqual(expect.arrayContaining(['-t', 'deb']));
    const appDir = path.join(out, 'linux-unpacked');
    const asar = require_('@electron/asar') as { listPackage(p: string, o: object): string[] };
    const files = asar.listPackage(path.join(appDir, 'resources/app.asar'), {}).map((f) => f.split(path.sep).join('/'));
    for (const f of ['/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/web/index.html', '/assets/fonts/NotoSans-Bold.ttf', '/assets/environment/studio.hdr', '/package.json'])
      expect(files).toContain(f);
    expect(files.some((f) => /^\/dist\/web\/app\/manifold-.*\.wasm$/.test(f))).toBe(true);
    expect(files.some((f) => /^\/assets\/models\/.*\.model\.json$/.test(f))).toBe(true);
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    const w = (await getCurrentFuseWire(path.join(appDir, 'atelier'))) as Record<number, number>;
    expect(String.fromCharCode(...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => w[i]!))).toBe('010011001');
  });
});
