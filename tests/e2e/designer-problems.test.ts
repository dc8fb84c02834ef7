// The designer's problem list shows each located problem under its line of the model file, with a caret under the
// column (issue 14, item 6): the line as text (read out), the caret line hidden from screen readers, the location
// said in words, and no axe-core violations.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppSession } from './session';
import { RESULTS } from './references';
import { axeViolations } from './axe';

let page: Page;
const app = useAppSession({ appLocale: 'en', open: '/', waitFor: 'gallery' });
beforeAll(() => void ({ page } = app));

// the comma after the name is missing; the name has wide characters before the error, so a caret placed by
// counting characters in a monospace font would land left of the column
const BROKEN_LINE = '  "name": "名前 ✓ Plate"';
const FILE_TEXT = `{\n  "format": "atelier-model/1",\n  "id": "plate",\n${BROKEN_LINE}\n  "description": "A plate",\n  "version": "1.0.0",\n  "units": "mm",\n  "parameters": [],\n  "parts": []\n}\n`;
const COLUMN = BROKEN_LINE.length + 1; // just after the closing quote: the end of the last good token

describe('designer problems with source excerpts', () => {
  it('a missing comma shows its line with the caret at the column, accessibly', async () => {
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'missing-comma.model.json');
    writeFileSync(file, FILE_TEXT);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(file);
    const list = page.getByTestId('designer-problems');
    await list.waitFor();
    const item = list.locator('li').filter({ has: page.getByTestId('problem-excerpt') }).first();
    expect(await item.locator('.loc').textContent()).toBe(`line 4, column ${COLUMN}`);
    expect(await item.locator('.msg').textContent()).toContain("',' is expected");

    const excerpt = item.getByTestId('problem-excerpt');
    const shown = await excerpt.evaluate((pre) => {
      const src = pre.querySelector('.src')!;
      const caret = pre.querySelector('.caret')!;
      const text = src.firstChild as Text;
      const caretLine = caret.closest('[aria-hidden="true"]');
      // where the caret is drawn and where the character at the problem's column (or the line's end) is laid out
      const caretX = caret.getBoundingClientRect().left;
      const range = document.createRange();
      range.setStart(text, text.length);
      const endX = range.getBoundingClientRect().left;
      const font = getComputedStyle(pre).fontFamily;
      return { text: src.textContent, caretX, endX, caretHidden: caretLine !== null, srcHidden: src.closest('[aria-hidden="true"]') !== null, font };
    });
    expect(shown.text).toBe(BROKEN_LINE);
    expect(shown.font).toMatch(/mono/i);
    expect(shown.srcHidden, 'the line itself is read out').toBe(false);
    expect(shown.caretHidden, 'the caret line is drawing, hidden from screen readers').toBe(true);
    expect(Math.abs(shown.caretX - shown.endX), `caret at ${shown.caretX}px, column at ${shown.endX}px`).toBeLessThan(1);
    // what a screen reader gets: the location in words, the message and the line, no caret
    const spoken = await item.evaluate((li) => {
      const clone = li.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
      return clone.textContent!.replace(/\s+/g, ' ');
    });
    expect(spoken).toContain(`line 4, column ${COLUMN}`);
    expect(spoken).toContain('"name": "名前 ✓ Plate"');
    expect(spoken).not.toContain('^');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a long line is clipped around the caret and scrolls sideways, and only then is a tab stop', async () => {
    const long = `  "description": "${'A plate for a desk. '.repeat(12)}", "version": 1,`;
    const text = `{\n  "format": "atelier-model/1",\n  "id": "plate",\n  "name": "Plate",\n${long}\n  "units": "inch",\n  "parameters": [],\n  "parts": [{ "name": "P", "material": "pla-white", "solid": { "type": "box", "size": [1, 1, 1] } }]\n}\n`;
    const file = path.join(RESULTS, 'long-line.model.json');
    writeFileSync(file, text);
    await page.setViewportSize({ width: 640, height: 800 });
    await page.getByRole('button', { name: /Leave designer mode/ }).click();
    await page.waitForSelector('[data-product]');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(file);
    const list = page.getByTestId('designer-problems');
    await expect.poll(() => list.textContent()).toContain('long-line.model.json');
    const excerpts = list.getByTestId('problem-excerpt');
    await expect.poll(() => excerpts.count()).toBe(2);
    const info = await excerpts.evaluateAll((pres) =>
      pres.map((pre) => ({ text: pre.querySelector('.src')!.textContent!, tab: pre.getAttribute('tabindex'), scrolls: pre.scrollWidth > pre.clientWidth })),
    );
    const [version, units] = info;
    expect(version!.text, 'clipped to 100 characters around the caret').toMatch(/^….*"version": 1,$/);
    expect(Array.from(version!.text).length).toBe(101);
    expect(version!.scrolls).toBe(true);
    expect(version!.tab).toBe('0');
    expect(units!.text).toBe('  "units": "inch",');
    expect(units!.tab, 'a line that fits is no tab stop').toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });
});
