// Main-thread long tasks (over 50 ms) in headless Chromium on the production build, per catalog product: while
// opening it from the gallery (click → first build shown), during a 4-second slider drag with real mouse moves, and
// during a drag in big steps over the middle of the track (where a printer warning may come and go), with the number
// of times the preview's canvas changed size meanwhile (each costs hundreds of ms under a software renderer).
// Prints the longest task and the count over 50 ms; never fails on timing (tests/e2e/long-tasks.test.ts does).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWebBuild, ROOT } from '../tests/e2e/build';
import { launchChromium } from '../tests/e2e/browser';
import { serveApp } from '../tests/e2e/server';
import { dragMeasured, longTasksBetween, now, observeLongTasks, openMeasured, startLayoutWatch, stopLayoutWatch, type TaskFigures } from '../tests/e2e/long-tasks';

const fmt = (f: TaskFigures) => `longest ${f.longest.toFixed(0).padStart(4)} ms, ${String(f.over).padStart(2)} over 50 ms in ${(f.ms / 1000).toFixed(1)} s`;

export async function run(): Promise<void> {
  await ensureWebBuild();
  const index = JSON.parse(readFileSync(path.join(ROOT, 'dist/web/catalog-index.json'), 'utf8')) as { models: { id: string }[] };
  const only = process.env.ATELIER_BENCH_PRODUCTS?.split(',');
  const server = await serveApp(ROOT);
  const browser = await launchChromium();
  const worst = { gallery: 0, open: 0, drag: 0, sweep: 0 };
  try {
    for (const m of index.models.filter((x) => !only || only.includes(x.id))) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await observeLongTasks(page);
      await page.addInitScript(() => localStorage.setItem('atelier.locale', 'en'));
      await page.goto(`${server.url}/`);
      await page.bringToFront();
      await page.waitForSelector('[data-product]');
      // As a customer does, who looks at the gallery before picking: opened once the preview's warm-up (engine,
      // environment, shaders: scene/index.ts warmUp) is done. Its own long tasks, while the gallery shows, are
      // reported apart.
      const shown = await now(page);
      await page.waitForFunction(() => performance.getEntriesByName('atelier:shaders-compiled').length > 0, undefined, { timeout: 60_000, polling: 50 });
      await page.waitForTimeout(300);
      const gallery = await longTasksBetween(page, shown, await now(page));
      const open = await openMeasured(page, m.id);
      const param = await page.evaluate(() => {
        const a = (window as unknown as { atelier: { model: { parameters: { id: string; type: string; visibleWhen?: string }[] } } }).atelier;
        return a.model.parameters.find((p) => p.type === 'number' && !p.visibleWhen)?.id ?? null;
      });
      const drag = param ? await dragMeasured(page, param) : null;
      let sweep = '';
      if (param) {
        await startLayoutWatch(page);
        const d = await dragMeasured(page, param, 4, 33, 4);
        const layout = await stopLayoutWatch(page);
        worst.sweep = Math.max(worst.sweep, d.longest);
        sweep = ` | sweep: ${fmt(d)}, ${layout.warned ? 'a printer warning shown' : 'no warning'}, canvas resized ${layout.canvasSizes.length - 1}×`;
      }
      worst.open = Math.max(worst.open, open.longest);
      worst.drag = Math.max(worst.drag, drag?.longest ?? 0);
      worst.gallery = Math.max(worst.gallery, gallery.longest);
      console.log(`${m.id.padEnd(14)} gallery warm-up: ${fmt(gallery)} | open: ${fmt(open)} | drag "${param}": ${drag ? `${fmt(drag)}, ${drag.builds} builds shown` : 'no number parameter'}${sweep}`);
      await page.close();
    }
    console.log(`longest main-thread task: gallery warm-up ${worst.gallery.toFixed(0)} ms, opening ${worst.open.toFixed(0)} ms, dragging ${worst.drag.toFixed(0)} ms, sweeping ${worst.sweep.toFixed(0)} ms (target: none over 50 ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
}
