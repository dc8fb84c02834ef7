// Parts that stand apart are separate prints (issue 11): the plant pot and its saucer each fit a small bed, so the
// product is printable there although its whole box is not, and its 3MF keeps them as two objects the slicer arranges
// (no one-object slicer project); parts that belong together (letters on a nameplate) stay one object, and a part
// that is too big alone is still too big.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrintability, type PrinterProfile } from '../../core/check';
import { encodeDesign } from '../../core/export';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { defaultValues, evaluateScope } from '../../core/model';
import { valueContextFor } from '../../core/pipeline';
import { ASSETS, assetReader, loadCatalog } from './catalog-support';

const cat = loadCatalog();
const ctx = valueContextFor(cat.materials, cat.fonts);
const printer = (id: string) => JSON.parse(readFileSync(path.join(ASSETS, 'printers', `${id}.json`), 'utf8')) as PrinterProfile;
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

function built(id: string, set: Record<string, number> = {}) {
  const { model, dir } = cat.models.find((m) => m.model.id === id)!;
  const values = { ...defaultValues(model), ...set };
  const scope = evaluateScope(model, values, ctx);
  return { model, scope, values, build: k.build({ model, scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) }) };
}

describe('separate prints', () => {
  it('the pot and its saucer fit a small bed one after the other', () => {
    const { model, scope, build } = built('plant-pot');
    const mini = printer('bambu-a1-mini');
    const whole = build.bbox.max[0]! - build.bbox.min[0]!;
    expect(whole, 'side by side they are wider than the bed').toBeGreaterThan(mini.buildVolume.x);
    const r = checkPrintability(build, model, scope, mini, cat.materials);
    const fits = r.items.find((i) => i.id === 'fits')!;
    expect(fits).toMatchObject({ ok: true, code: 'check.fitsSeparately' });
    expect(fits.message).toMatch(/^Each part fits the Bambu Lab A1 mini on its own \('Pot', 'Saucer'\)/);
    expect(r.printable).toBe(true);
  });

  it('a 3MF keeps parts that stand apart as their own objects, and letters on a plate as one project', () => {
    const host = { application: 'Atelier test', solid: () => { throw new Error('not for 3MF'); } };
    const pot = built('plant-pot');
    const potFile = unzipSync(encodeDesign('3mf', { ...pot, design: { format: 'atelier-design/1', model: { id: 'plant-pot', version: pot.model.version }, values: pot.values }, materials: cat.materials, printer: printer('prusa-mk4') }, host));
    expect(Object.keys(potFile)).not.toContain('Metadata/Slic3r_PE_model.config');
    expect(strFromU8(potFile['3D/3dmodel.model']!).match(/<item /g)).toHaveLength(2);
    const plate = built('nameplate');
    const plateFile = unzipSync(encodeDesign('3mf', { ...plate, design: { format: 'atelier-design/1', model: { id: 'nameplate', version: plate.model.version }, values: plate.values }, materials: cat.materials, printer: printer('prusa-mk4') }, host));
    expect(Object.keys(plateFile)).toContain('Metadata/Slic3r_PE_model.config');
    expect(strFromU8(plateFile['3D/3dmodel.model']!).match(/<item /g)).toHaveLength(1);
  });

  it('a product whose parts touch is still too big when its box is', () => {
    const widest = cat.models.find((m) => m.model.id === 'nameplate')!.model.parameters.find((p) => p.id === 'width') as { max: number };
    const { model, scope, build } = built('nameplate', { width: widest.max });
    const r = checkPrintability(build, model, scope, printer('elegoo-saturn-3'), cat.materials);
    expect(r.items.find((i) => i.id === 'fits')).toMatchObject({ ok: false });
  });
});
