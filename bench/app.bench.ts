// The app's speed in headless Chromium (SwiftShader) on the production build: first rendered frame of a product
// after navigation, slider change → the frame that shows it (p50/p95 per catalog model, preview quality), and the
// initial JavaScript's gzip size. Prints figures; never fails on timing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ensureWebBuild, ROOT } from '../tests/e2e/build';
import { launchChromium } from '../tests/e2e/browser';
import { serveApp } from '../tests/e2e/server';

interface Stats { shownSeq: number; shownAt: number }
const CHANGES = 20;

function initialJsGzip(): { files: string[]; raw: number; gzip: number } {
  const web = path.join(ROOT, 'dist/web');
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const f of new Set(files)) {
    const b = readFileSync(path.join(web, f));
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function stats(page: Page): Promise<Stats | null> {
  return page.evaluate(() => (window as unknown as { atelierStats?: Stats }).atelierStats ?? null);
}

export async function run(): Promise<void> {
  await ensureWebBuild();
  const js = initialJsGzip();
  console.log(`initial JS: ${js.files.length} file(s), ${(js.raw / 1024).toFixed(0)} KB raw, ${(js.gzip / 1024).toFixed(0)} KB gzip (target ≤ 500 KB)`);
  const appDir = path.join(ROOT, 'dist/web/app');
  const scene = readdirSync(appDir).filter((f) => /^scene-.*\.js$/.test(f));
  const sceneGz = scene.reduce((a, f) => a + gzipSync(readFileSync(path.join(appDir, f)), { level: 9 }).length, 0);
  console.log(`3D preview chunk (loaded with the first product): ${(sceneGz / 1024).toFixed(0)} KB gzip; initial + preview ${((js.gzip + sceneGz) / 1024).toFixed(0)} KB gzip`);
  const index = JSON.parse(readFileSync(path.join(ROOT, 'dist/web/catalog-index.json'), 'utf8')) as { models: { id: string }[] };
  const server = await serveApp(ROOT);
  const browser = await launchChromium();
  try {
    for (const [i, m] of index.models.entries()) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/#product=${m.id}`);
      await page.waitForFunction(() => ((window as unknown as { atelierStats?: Stats }).atelierStats?.shownSeq ?? 0) >= 1, null, { timeout: 60_000 });
      const first = (await stats(page))!.shownAt;
      if (i === 0) {
        console.log(`first rendered frame of "${m.id}": ${first.toFixed(0)} ms after navigation (target ≤ 2000 ms)`);
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((e) => e.name.startsWith('atelier:')).map((e) => `${e.name.slice(8)} ${e.startTime.toFixed(0)}`));
        console.log(`  of which (ms after navigation): ${marks.join(', ')}`);
      }
      const param = await page.evaluate(() => {
        const a = (window as unknown as { atelier: { model: { parameters: { id: string; type: string; min: number; max: number; visibleWhen?: string }[] } } }).atelier;
        return a.model.parameters.find((p) => (p.type === 'number' || p.type === 'integer') && !p.visibleWhen) ?? null;
      });
      if (!param) {
        console.log(`${m.id}: no number parameter to change`);
        await page.close();
        continue;
      }
      const times: number[] = [];
      for (let k = 0; k < CHANGES; k++) {
        const before = (await stats(page))!.shownSeq;
        const frac = 0.3 + 0.4 * ((k % 2) === 0 ? k / CHANGES : 1 - k / CHANGES);
        const v = param.type === 'integer' ? Math.round(param.min + frac * (param.max - param.min)) : param.min + frac * (param.max - param.min);
        const t0 = await page.evaluate(
          ([id, value]) => {
            const t = performance.now();
            (window as unknown as { atelier: { setValue(id: string, v: number): void } }).atelier.setValue(id as string, value as number);
            return t;
          },
          [param.id, v] as const,
        );
        const changed = await page
          .waitForFunction((b) => ((window as unknown as { atelierStats?: Stats }).atelierStats?.shownSeq ?? 0) > b, before, { timeout: 30_000 })
          .then(() => true, () => false);
        if (!changed) continue; // the same geometry (e.g. a rounded integer): nothing new to show
        times.push((await stats(page))!.shownAt - t0);
      }
      console.log(`${m.id.padEnd(24)} slider → frame: p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms over ${times.length} changes of "${param.id}" (target p95 ≤ 150 ms)`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
