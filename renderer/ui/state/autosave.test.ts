import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, clearAutosave, readAutosave, writeAutosave } from './autosave';

/** An in-memory Storage (Node has no localStorage). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const design = { format: 'atelier-design/1' as const, model: { id: 'mug', version: '1.0.0' }, values: { height: 95, name: 'Zoë' } };

describe('autosave record', () => {
  it('round-trips a design and clears it', () => {
    const s = memoryStorage();
    expect(readAutosave(s)).toBeNull();
    writeAutosave({ savedAt: 1000, name: 'Mug', savedPath: null, design }, s);
    expect(readAutosave(s)).toEqual({ v: 1, savedAt: 1000, name: 'Mug', savedPath: null, design });
    clearAutosave(s);
    expect(readAutosave(s)).toBeNull();
  });

  it('ignores what is not an autosave it wrote (other versions, broken JSON, missing design)', () => {
    const s = memoryStorage();
    for (const bad of ['{', '[]', 'null', JSON.stringify({ v: 2, savedAt: 1, name: 'x', design }), JSON.stringify({ v: 1, savedAt: 1, name: 'x' }),
      JSON.stringify({ v: 1, savedAt: 1, name: 'x', design: { ...design, values: [] } }), JSON.stringify({ v: 1, savedAt: 1, name: 'x', design: { values: {} } })]) {
      s.setItem(AUTOSAVE_KEY, bad);
      expect(readAutosave(s), bad).toBeNull();
    }
  });

  it('survives storage that throws (private mode, quota)', () => {
    const s = memoryStorage();
    s.setItem = () => { throw new Error('QuotaExceededError'); };
    s.getItem = () => { throw new Error('SecurityError'); };
    expect(() => writeAutosave({ savedAt: 1, name: 'x', savedPath: null, design }, s)).not.toThrow();
    expect(readAutosave(s)).toBeNull();
    expect(() => clearAutosave(null)).not.toThrow();
  });
});
