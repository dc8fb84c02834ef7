// "Open…" on a product model file (issue 14, item 6) recognises it and opens it in designer mode: a valid model shows
// its product with the designer's banner, a broken one its problems with their lines, instead of a wall of
// "not a design" schema errors.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled } from './app-page';
import { useAppSession } from './session';
import { RESULTS } from './references';
import { ROOT } from './build';

let page: Page;

const app = useAppSession({ appLocale: 'en', open: '/', waitFor: 'gallery' });
beforeAll(() => void ({ page } = app));
const errors = app.errors;

async function open(file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
}

describe('Open… on a model file', () => {
  it('opens a valid model in designer mode', async () => {
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'nameplate.model.json');
    copyFileSync(path.join(ROOT, 'assets/models/nameplate/nameplate.model.json'), file);
    await open(file);
    await settled(page);
    await expect.poll(() => page.locator('.designer[role="status"]').textContent()).toContain('nameplate.model.json');
    expect(await page.locator('.designer[role="status"]').textContent(), 'it does not claim to watch a file read once').toContain('read once');
    expect(await page.getByTestId('product-name').textContent()).toContain('Desk nameplate');
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/designer mode/);
  });

  it('lists a broken model\u2019s problems with their lines', async () => {
    const file = path.join(RESULTS, 'broken-open.model.json');
    writeFileSync(file, '{\n  "format": "atelier-model/1",\n  "id": "Broken Id",\n  "name": "Broken",\n  "parameters": [],\n  "parts": []\n}\n');
    await page.getByRole('button', { name: /Catalog/ }).first().click();
    await page.waitForSelector('[data-product]');
    await open(file);
    await page.getByTestId('designer-problems').waitFor();
    const text = await page.getByTestId('designer-problems').textContent();
    expect(text).toContain('broken-open.model.json');
    expect(text).not.toMatch(/not an Atelier design|atelier-design/);
    expect(text).toContain('open it again');
    expect(errors).toEqual([]);
  });
});
