import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { History, rename, setMaterial, setValue } from './index';

describe('History', () => {
  it('undoes and redoes single edits', () => {
    const h = new History(1);
    h.push(2);
    h.push(3);
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBe(1);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe(2);
    h.push(9);
    expect(h.canRedo).toBe(false);
  });
  it('makes a slider drag one undo step', () => {
    const h = new History(10);
    for (let v = 11; v <= 40; v++) h.push(v, { coalesce: 'param:width' });
    h.endGesture();
    h.push(50, { coalesce: 'param:width' });
    h.endGesture();
    expect(h.depth).toBe(2);
    expect(h.undo()).toBe(40);
    expect(h.undo()).toBe(10);
  });
  it('starts a new step when the key changes', () => {
    const h = new History('a');
    h.push('b', { coalesce: 'x' });
    h.push('c', { coalesce: 'y' });
    expect(h.undo()).toBe('b');
  });
  it('does not undo a reset and respects its limit', () => {
    const h = new History(0, { limit: 3 });
    for (let i = 1; i <= 10; i++) h.push(i);
    expect(h.depth).toBe(3);
    h.reset(100);
    expect(h.canUndo).toBe(false);
    expect(h.current).toBe(100);
  });
  it('notifies subscribers until they unsubscribe', () => {
    const h = new History(0);
    const seen: number[] = [];
    const off = h.subscribe((s) => seen.push(s));
    h.push(1);
    h.undo();
    off();
    h.push(5);
    expect(seen).toEqual([1, 0]);
  });
});

describe('design edits', () => {
  const d: Design = { format: 'atelier-design/1', model: { id: 'mug', version: '1.0.0' }, values: { width: 80 } };
  it('never mutates the original', () => {
    const e = setMaterial(setValue(rename(d, '  Gift  '), 'width', 90), 'Mug', 'pla-red');
    expect(d.values.width).toBe(80);
    expect(d.materials).toBeUndefined();
    expect(e).toMatchObject({ name: 'Gift', values: { width: 90 }, materials: { Mug: 'pla-red' } });
    expect(setValue(d, 'width', 80)).toBe(d);
    expect(setMaterial(e, 'Mug', null).materials).toEqual({});
  });
});
