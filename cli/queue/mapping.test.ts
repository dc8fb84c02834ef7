import { describe, expect, it } from 'vitest';
import { isUserError } from '../../core/errors';
import { applyMapping, missingParameters, parseMapping, readOptions } from './mapping';

const m = parseMapping(
  JSON.stringify({
    options: { Name: { param: 'name' }, Size: { values: { Large: { params: { width: 30 } } } } },
    models: { keychain: { Colour: { values: { Navy: { params: { tag_material: 'pla-navy' }, materials: { Tag: 'pla-navy' } } } } } },
  }),
  'm.json',
);
const keychain = (p: string): boolean => ['name', 'width', 'tag_material'].includes(p);
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isUserError(e)) return e.problems.map((p) => `${p.path ?? ''} ${p.message}`).join('; ');
    throw e;
  }
  throw new Error('expected a UserError');
};

describe('order intake mapping', () => {
  it('turns options into parameters and materials', () => {
    const out = applyMapping(m, 'keychain', keychain, { Name: 'Zoë', Colour: 'Navy', Size: 'Large' });
    expect({ ...out.params }).toEqual({ name: 'Zoë', tag_material: 'pla-navy', width: 30 });
    expect({ ...out.materials }).toEqual({ Tag: 'pla-navy' });
  });

  it('names an unknown option, an unknown value and a parameter the model lacks', () => {
    expect(message(() => applyMapping(m, 'keychain', keychain, { Engraving: 'x' }))).toMatch(/unknown option "Engraving" for model keychain; the mapping knows: Colour, Name, Size/);
    expect(message(() => applyMapping(m, 'keychain', keychain, { Colour: 'Mauve' }))).toMatch(/cannot be "Mauve"; the mapping allows: Navy/);
    expect(message(() => applyMapping(m, 'mug', (p) => p === 'name', { Size: 'Large' }))).toMatch(/option "Size: Large" sets parameter "width", which model mug does not have/);
    expect(missingParameters(m.models.keychain!, 'keychain', () => false)).toEqual(['option "Colour: Navy" sets parameter "tag_material", which model keychain does not have']);
  });

  it('refuses malformed mapping files with the place of the problem', () => {
    expect(message(() => parseMapping('{', 'm.json'))).toMatch(/not valid JSON/);
    expect(message(() => parseMapping('{"colours": {}}', 'm.json'))).toMatch(/"options".*"models"/);
    expect(message(() => parseMapping('{"options": {"Colour": {"Navy": {}}}}', 'm.json'))).toMatch(/\$\.options\["Colour"\] must be \{"param"/);
    expect(message(() => parseMapping('{"options": {"C": {"values": {"N": {"colour": 1}}}}}', 'm.json'))).toMatch(/values\["N"\] must be/);
    expect(message(() => parseMapping('{"options": {"__proto__": {"param": "x"}}}', 'm.json'))).toMatch(/reserved/);
  });

  it('reads options as an object or as "Name: value" texts', () => {
    expect({ ...(readOptions(['Colour: Navy', 'Size:Large']) as object) }).toEqual({ Colour: 'Navy', Size: 'Large' });
    expect({ ...(readOptions({ Colour: 'Navy', Qty: 2 }) as object) }).toEqual({ Colour: 'Navy', Qty: '2' });
    expect(readOptions(['Navy'])).toMatch(/"Name: value"/);
    expect(readOptions('Colour: Navy')).toMatch(/object/);
    expect(readOptions({ constructor: 'x' })).toMatch(/reserved/);
  });
});
