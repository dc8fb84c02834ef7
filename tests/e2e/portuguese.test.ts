// The app in Brazilian Portuguese, end to end in Chromium: after choosing "Português" the gallery card, the
// product's description, parameter labels and groups, option labels, material names, a printability finding and the
// numbers (decimal comma, "pol" for inches) are all in Portuguese, from the model file's { en, pt-BR } texts and
// core's message codes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { nextBuild, openProduct, figures } from './app-page';
import { useAppSession } from './session';

const MODELS = path.resolve(import.meta.dirname, '../../assets/models');
type Text = string | Record<string, string>;
interface RawModel {
  id: string; name: Text; description: Text;
  parameters: { id: string; type: string; label: Text; help?: Text; group?: Text; options?: { label: Text }[] }[];
  presets?: { name: Text }[]; constraints?: { message: Text }[];
}
/** The Portuguese of a model text (the test fails on English where the file has none). */
const pt = (t: Text): string => (typeof t === 'string' ? t : (t['pt-BR'] ?? t.en!));
const allTexts = (m: RawModel): Text[] => [m.name, m.description, ...m.parameters.flatMap((p) => [p.label, p.help, p.group, ...(p.options ?? []).map((o) => o.label)]), ...(m.presets ?? []).map((p) => p.name)].filter((t): t is Text => t !== undefined);

let server: StaticServer;
let browser: Browser;
let page: Page;

const app = useAppSession({ deviceScaleFactor: 1, appLocale: 'en', appLocaleOnce: true, open: '/', waitFor: 'gallery' });
beforeAll(() => void ({ server, browser, page } = app));
const errors = app.errors;

const text = (sel: string) => page.locator(sel).first().innerText();

describe('Português', () => {
  it('the gallery shows product names and descriptions in Portuguese once the language is switched', async () => {
    const card = page.locator('[data-product="nameplate"]');
    expect(await card.innerText()).toContain('Desk nameplate');
    await page.selectOption('#lang', 'pt-BR');
    await expect.poll(() => card.innerText()).toContain('Placa de mesa com nome');
    expect(await card.innerText()).toContain('Digite um nome e escolha as cores.');
    // the card's accessible name is its visible text (no aria-label that hides it)
    expect(await card.getAttribute('aria-label')).toBeNull();
    expect(await page.locator('[data-product="mug"]').innerText()).toContain('Caneca personalizada');
    expect(await page.locator('[data-product="mug"] .tags span').allInnerTexts()).toEqual(['texto', 'gravado', 'cozinha']);
  });

  it('no catalog product shows English left in its panel: every label, group, help, option and preset is its pt-BR text', async () => {
    const problems: string[] = [];
    for (const file of readdirSync(MODELS).map((d) => path.join(MODELS, d, `${d}.model.json`))) {
      const m = JSON.parse(readFileSync(file, 'utf8')) as RawModel;
      await openProduct(page, m.id);
      const seen = await page.evaluate(() => {
        const txt = (e: Element | null | undefined) => (e as HTMLElement | null)?.innerText.trim() ?? '';
        return {
          params: Array.from(document.querySelectorAll('[data-param]')).map((f) => ({
            id: (f as HTMLElement).dataset.param!,
            label: txt(f.querySelector('label, .lbl, .switch span')),
            help: txt(f.querySelector('.msg-help:not(.msg-range)')),
            options: Array.from(f.querySelectorAll('[role="radio"]:not(.swatch), option')).map(txt),
          })),
          legends: Array.from(document.querySelectorAll('fieldset legend')).map((e) => e.textContent?.trim() ?? ''),
          presets: Array.from(document.querySelectorAll('.preset option')).slice(1).map(txt),
          description: txt(document.querySelector('[data-testid="product-description"]')),
          panel: txt(document.querySelector('.panel')).split('\n').map((l) => l.trim()),
        };
      });
      const want = (v: Text | undefined, what: string, got: string) => {
        if (v !== undefined && got !== pt(v)) problems.push(`${m.id} ${what}: shows "${got}", expected "${pt(v)}"`);
      };
      want(m.description, 'description', seen.description);
      for (const f of seen.params) {
        const p = m.parameters.find((x) => x.id === f.id)!;
        want(p.label, `${p.id} label`, f.label);
        if (p.help !== undefined) want(p.help, `${p.id} help`, f.help);
        if (p.type === 'choice') f.options.forEach((o, i) => want(p.options![i]!.label, `${p.id} option ${i}`, o));
      }
      const groups = [...new Set(m.parameters.filter((p) => seen.params.some((f) => f.id === p.id)).map((p) => (p.group ? pt(p.group) : 'Geral')))];
      if (seen.legends.join('|') !== groups.join('|')) problems.push(`${m.id} groups: shows ${seen.legends.join(', ')}, expected ${groups.join(', ')}`);
      (m.presets ?? []).forEach((p, i) => want(p.name, `preset ${i}`, seen.presets[i] ?? ''));
      // no line of the panel is English that has a different Portuguese text
      const english = new Set(allTexts(m).filter((t) => typeof t !== 'string' && t.en !== t['pt-BR']).map((t) => ((t as Record<string, string>).en ?? '').toLowerCase()));
      for (const line of seen.panel) if (english.has(line.toLowerCase())) problems.push(`${m.id}: English "${line}" in the panel`);
      await page.getByRole('button', { name: 'Catálogo' }).click();
      await page.waitForSelector('[data-product]');
    }
    expect(problems).toEqual([]);
  });

  it('the product view has the model’s labels, groups, help, options and materials in Portuguese', async () => {
    await openProduct(page, 'nameplate');
    expect(await text('[data-testid="product-description"]')).toBe('Uma placa de mesa com letras em relevo em uma segunda cor. Digite um nome e escolha as cores.');
    expect(await text('[data-param="width"] label')).toBe('Largura');
    expect(await text('[data-param="name"]')).toContain('Letras, números e a maioria das letras acentuadas.');
    const legends = await page.locator('fieldset legend').allInnerTexts();
    expect(legends.map((l) => l.toLowerCase())).toEqual(['texto', 'tamanho', 'materiais']);
    const options = await page.locator('[data-param="style"] [role="radio"]').allInnerTexts();
    expect(options).toEqual(['Moderno', 'Clássico']);
    expect(await page.locator('[data-param="plate_material"] [data-material="pla-white"]').innerText()).toContain('PLA branco');
    expect(await page.locator('select.field-input option').allInnerTexts()).toEqual(expect.arrayContaining(['Porta de escritório']));
  });

  it('a printability finding is in Portuguese, with lengths in the customer’s number format', async () => {
    let seq = (await figures(page)).seq;
    const width = page.locator('[data-param="width"] input.field-input');
    await width.fill('240');
    await width.press('Enter');
    seq = (await nextBuild(page, seq)).seq;
    // a resin printer narrower than the plate: too wide, and the plate's PLA is for FDM printers
    await page.locator('[data-testid="figures"] select').selectOption('elegoo-saturn-3');
    const findings = page.locator('[data-testid="findings"]');
    await expect.poll(() => findings.getAttribute('title'), { timeout: 30_000 }).toContain('é para impressoras FDM');
    const all = (await findings.getAttribute('title'))!;
    expect(all).toContain('PLA branco (peça \'Placa\') é para impressoras FDM; a Elegoo Saturn 3 (resin) é SLA.');
    expect(all).toContain('Grande demais para a Elegoo Saturn 3 (resin): 21,12 mm a mais na largura.');
    expect(all).not.toMatch(/Too big|is for FDM|part/);
    expect(seq).toBeGreaterThan(0);
  });

  it('numbers follow the locale: a decimal comma and "pol" in inches, and a typed "9,5" is understood', async () => {
    await page.getByRole('radio', { name: 'pol', exact: true }).click();
    const width = page.locator('[data-param="width"] input.field-input');
    await expect.poll(() => width.inputValue()).toMatch(/^\d+,\d+$/);
    expect(await text('[data-param="width"] .unit')).toBe('pol');
    expect(await text('[data-testid="size"]')).toMatch(/^\d+,\d\d × \d+,\d\d × \d+,\d\d pol$/);
    const seq = (await figures(page)).seq;
    await width.fill('9,5');
    await width.press('Enter');
    await nextBuild(page, seq);
    expect(await width.inputValue()).toBe('9,5');
    expect(await text('[data-testid="size"]')).toMatch(/^9,50 × /);
    // the finding follows the unit too
    expect(await page.locator('[data-testid="findings"]').getAttribute('title')).toMatch(/Grande demais .*: \d+,\d+ pol a mais na largura/);
    expect(errors).toEqual([]);
  });

  it('a value problem and a broken rule beside their fields are in Portuguese', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'pt-BR' });
    await p.addInitScript(() => localStorage.setItem('atelier.locale', 'pt-BR'));
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(server.url + '/');
    await p.waitForSelector('[data-product]');
    let seq = (await openProduct(p, 'keychain')).seq;
    const size = p.locator('[data-param="text_size"] input.field-input');
    await size.fill('16');
    await size.press('Enter');
    seq = (await nextBuild(p, seq)).seq;
    const width = p.locator('[data-param="width"] input.field-input');
    await width.fill('21');
    await width.press('Enter');
    seq = (await nextBuild(p, seq).catch(() => figures(p))).seq;
    // the rule is shown beside the first parameter it names (width), in the model's Portuguese
    await expect.poll(() => p.locator('[data-param="width"] .msg-error').allInnerTexts()).toEqual(['As letras são mais altas do que a largura do chaveiro.']);
    await p.locator('[data-param="name"] input').fill('');
    await expect.poll(() => p.locator('[data-param="name"] .msg-error').allInnerTexts()).toEqual(['Nome precisa de pelo menos 1 caractere(s).']);
    expect(seq).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await p.close();
  });
});
