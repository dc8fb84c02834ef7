// Order files and name templates against inherited-member names: {constructor} in --name is not filled from
// Object.prototype, and __proto__ (or constructor) as a parameter or part is refused as unknown, never dropped.
import { describe, expect, it } from 'vitest';
import { assignFileNames, ordersFromCsv, ordersFromJson } from './orders';

describe('inherited members', () => {
  it('leaves {constructor} and {toString} in a name template empty instead of printing native code', () => {
    const [o] = ordersFromJson(JSON.stringify([{ order: 'A1', model: 'mug', params: { width: 80 } }]), 'o.json');
    const [name] = assignFileNames([o!], '{order}{constructor}{toString}{__proto__}', 'stl');
    expect(name).toBe('A1.stl');
  });

  it('refuses params.__proto__ and constructor in a JSON order as unknown parameters', () => {
    const text = '[{"order":"A1","model":"mug","params":{"__proto__":{"x":1},"width":80}},{"order":"A2","model":"mug","params":{"constructor":"x"}},{"order":"A3","model":"mug","materials":{"__proto__":"pla"}}]';
    const [a, b, c] = ordersFromJson(text, 'o.json');
    expect(a!.error).toMatch(/unknown parameter "__proto__"/);
    expect(b!.error).toMatch(/unknown parameter "constructor"/);
    expect(c!.error).toMatch(/unknown part "__proto__"/);
  });

  it('refuses a __proto__ column in a CSV order file', () => {
    const [o] = ordersFromCsv('order,model,__proto__\nA1,mug,5\n', 'o.csv');
    expect(o!.error).toMatch(/unknown parameter "__proto__"/);
    expect(Object.getPrototypeOf(o!.params)).toBe(Object.prototype);
  });
});
