// Keyboard movement inside a group of buttons (a radio group, a menu): which item an arrow, Home or End key moves
// to. Pure: the components focus (and, for radios, select) the item this returns. No DOM, no Svelte.

/** Index of the item `key` moves to from `current` among `count` items (wrapping), or null for other keys. */
export function rovingTarget(key: string, current: number, count: number, axis: 'both' | 'vertical' = 'both'): number | null {
  if (count <= 0) return null;
  const next = axis === 'vertical' ? ['ArrowDown'] : ['ArrowDown', 'ArrowRight'];
  const prev = axis === 'vertical' ? ['ArrowUp'] : ['ArrowUp', 'ArrowLeft'];
  if (next.includes(key)) return current < 0 ? 0 : (current + 1) % count;
  if (prev.includes(key)) return current < 0 ? count - 1 : (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Radio-group keys on `group`'s [role=radio] buttons: arrows move focus to the next or previous one and select it
 * (`select` is called with its index). Returns true when the key was handled (the caller prevents its default).
 */
export function radioKey(e: KeyboardEvent, group: HTMLElement, select: (index: number) => void): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Home' || e.key === 'End') return false;
  const radios = Array.from(group.querySelectorAll<HTMLElement>('[role="radio"]'));
  const i = rovingTarget(e.key, radios.indexOf(document.activeElement as HTMLElement), radios.length);
  if (i === null) return false;
  radios[i]!.focus();
  select(i);
  return true;
}
