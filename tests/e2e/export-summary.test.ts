// The export dialog says what it wrote (issue 14, item 8): an STL is one solid whatever the design's parts, a 3MF
// keeps each part ("2 parts" for the two-colour nameplate); the heading line spaces the name from the size.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './session';

const app = useAppSession({ open: '/#product=nameplate', waitFor: 'settled', acceptDownloads: true, noPickers: ['save', 'open'], appLocale: 'en' });

async function exportAs(format: 'STL' | '3MF'): Promise<{ what: string; summary: string }> {
  const { page } = app;
  await page.locator('body').press('Control+e');
  const dialog = page.locator('[data-testid="export-dialog"]');
  await dialog.waitFor();
  const what = (await dialog.locator('.what').textContent()) ?? '';
  await dialog.getByRole('radio', { name: new RegExp(format) }).check();
  await page.locator('[data-testid="export-start"]').click();
  await page.waitForSelector('[data-testid="export-done"]', { timeout: 120_000 });
  const summary = (await dialog.locator('.sum').textContent()) ?? '';
  await page.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  return { what, summary };
}

describe('the export summary', () => {
  it('calls an STL one solid and counts a 3MF\'s parts', async () => {
    const stl = await exportAs('STL');
    expect(stl.summary).toMatch(/^One solid · [\d,]+ triangles · /);
    expect(stl.what, 'a space each side of the separator').toMatch(/^Desk nameplate · \d/);
    const mf = await exportAs('3MF');
    expect(mf.summary).toMatch(/^2 parts · [\d,]+ triangles · /);
    expect(app.errors).toEqual([]);
  });
});
