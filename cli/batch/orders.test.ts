// Unit tests for order files and output names: CSV/JSON rows, bad rows kept as errors, templates, unique safe names.
import { describe, expect, it } from 'vitest';
import { assignFileNames, checkTemplate, ordersFromCsv, ordersFromJson, safeFileStem } from './orders';

describe('ordersFromCsv', () => {
  it('reads parameters, quantity and material:<part> columns', () => {
    const o = ordersFromCsv('\uFEFFOrder,model,quantity,name,width,material:letters\r\n7,nameplate,2,Zoë,80,pla-red\r\n8,keychain,,Ω,,\r\n', 'o.csv');
    expect(o[0]).toMatchObject({ row: 2, order: '7', model: 'nameplate', quantity: 2, params: { name: 'Zoë', width: '80' }, materials: { letters: 'pla-red' } });
    expect(o[0]!.error).toBeUndefined();
    expect(o[1]).toMatchObject({ row: 3, order: '8', quantity: 1, params: { name: 'Ω' }, materials: {} });
  });
  it('keeps bad rows as errors and refuses a file without order/model columns', () => {
    const o = ordersFromCsv('order,model,quantity\n1,nameplate,zero\n,nameplate,1\n3,nameplate\n', 'o.csv');
    expect(o.map((x) => x.error)).toEqual([expect.stringMatching(/quantity "zero"/), 'the order column is empty', 'row has 2 fields but the header has 3']);
    expect(() => ordersFromCsv('id,model\n1,x\n', 'o.csv')).toThrow(/needs columns "order" and "model"/);
    expect(() => ordersFromCsv('', 'o.csv')).toThrow(/empty/);
  });
});

describe('ordersFromJson', () => {
  it('reads typed params and refuses what is not an array', () => {
    const o = ordersFromJson('[{"order":1,"model":"keychain","params":{"name":"ł","width":40},"materials":{"body":"pla-white"}},{"model":"x"},5]', 'o.json');
    expect(o[0]).toMatchObject({ order: '1', params: { name: 'ł', width: 40 }, materials: { body: 'pla-white' } });
    expect(o[1]!.error).toMatch(/order is missing/);
    expect(o[2]!.error).toMatch(/not an object/);
    expect(() => ordersFromJson('{"order":1}', 'o.json')).toThrow(/must be an array/);
    expect(() => ordersFromJson('[', 'o.json')).toThrow(/not valid JSON/);
  });
});

describe('file names', () => {
  it('makes unicode-preserving safe stems', () => {
    expect(safeFileStem('a/b\\c:d*e?"<>|')).toBe('a_b_c_d_e_____');
    expect(safeFileStem('..hidden')).toBe('hidden');
    expect(safeFileStem('Łódź Ωmega')).toBe('Łódź Ωmega');
    expect(new TextEncoder().encode(safeFileStem('ä'.repeat(400))).length).toBeLessThanOrEqual(150);
  });
  it('never gives two orders the same file, also case-insensitively', () => {
    const base = { quantity: 1, params: {}, materials: {} };
    const orders = [
      { ...base, row: 2, order: '1', model: 'm' },
      { ...base, row: 3, order: '1', model: 'm' },
      { ...base, row: 4, order: 'A', model: 'm' },
      { ...base, row: 5, order: 'a', model: 'm' },
    ];
    expect(assignFileNames(orders, '{order}-{model}', '3mf')).toEqual(['1-m.3mf', '1-m-2.3mf', 'A-m.3mf', 'a-m-2.3mf']);
  });
  it('checks templates', () => {
    expect(() => checkTemplate('{order')).toThrow(/malformed/);
    expect(() => checkTemplate('x/{order}')).toThrow(/must not contain/);
    expect(() => checkTemplate('{order}_{name}')).not.toThrow();
  });
});
