// The kiosk's on-screen keyboard for every field (issue 14, item 8), in Portuguese on a touch screen: typing into
// the catalog search echoes the words on the keyboard's own line (a customer looks at the keys, not the field) and
// filters the cards; a number parameter's pad shows the allowed range in the field's unit instead of a character
// counter, with the language's decimal mark (a comma), and a value typed with it is taken.
import { describe, expect, it } from 'vitest';
import { useAppSession } from './session';
import { pickProducts } from './catalog';
import { nextBuild, settled } from './app-page';

const app = useAppSession({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR', hasTouch: true, appLocale: 'pt-BR', open: '/?kiosk=1&idle=600' });
const osk = () => app.page.locator('[data-testid="osk"]');
const key = (k: string) => osk().locator(`[data-key="${k}"]`);

describe('the kiosk keyboard', () => {
  it('echoes what is typed into the catalog search, and the search filters', async () => {
    const { page } = app;
    await page.locator('[data-testid="attract"]').tap();
    await page.waitForSelector('[data-product]');
    const all = await page.locator('[data-product]').count();
    await page.getByRole('searchbox').tap();
    await osk().waitFor();
    for (const k of ['v', 'a', 's']) await key(k).tap();
    await expect.poll(() => page.locator('[data-testid="osk-text"]').textContent()).toBe('vas');
    expect(await page.getByRole('searchbox').inputValue()).toBe('vas');
    await expect.poll(() => page.locator('[data-product]').count()).toBeLessThan(all);
    await key('done').tap();
    expect(await osk().count()).toBe(0);
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => page.locator('[data-product]').count()).toBe(all);
  });

  it('shows a number\'s allowed range on the pad, with a decimal comma that is taken', async () => {
    const { page } = app;
    const { slider } = pickProducts(app.models);
    const p = slider!.p! as { id: string; min: number; max: number };
    await page.locator(`[data-product="${slider!.m.id}"]`).tap();
    const f0 = await settled(page);
    const input = page.locator(`[data-param="${p.id}"] input.field-input`);
    await input.tap();
    await osk().waitFor();
    const range = (v: number) => v.toLocaleString('pt-BR', { maximumFractionDigits: 2 });
    expect(await page.locator('[data-testid="osk-hint"]').textContent()).toBe(`${range(p.min)}–${range(p.max)} mm`);
    expect(await key(',').count(), 'the Portuguese decimal mark').toBe(1);
    expect(await key('.').count()).toBe(0);
    const initial = await input.inputValue();
    for (let i = 0; i < initial.length; i++) await key('backspace').tap();
    // a value inside the range with a decimal comma
    const whole = Math.floor((p.min + p.max) / 2);
    for (const c of `${whole},5`) await key(c).tap();
    expect(await page.locator('[data-testid="osk-text"]').textContent()).toBe(`${whole},5`);
    await key('done').tap();
    await nextBuild(page, f0.seq);
    const v = await page.evaluate((id) => (window as unknown as { atelier: { design: { values: Record<string, unknown> } } }).atelier.design.values[id], p.id);
    expect(v).toBe(whole + 0.5);
    expect(app.errors).toEqual([]);
  });
});
