// Gestures on the AR DOM overlay: a tap (short and still), a one-finger drag and a two-finger twist, from pointer
// events only (touch on phones, mouse on desktops). Buttons and elements marked data-ar-ui keep their own clicks.
// DOM only; no Babylon.
import { dragYaw, TAP_SLOP_PX, twistYaw, type Point } from './placement';

/** Tap (short, still), one-finger drag and two-finger twist on an element; pointer events only. */
export function overlayGestures(el: HTMLElement, on: { tap: () => void; turn: (radians: number) => void }): { dispose(): void } {
  const down = new Map<number, { start: Point; last: Point }>();
  let moved = false;
  const interactive = (t: EventTarget | null) => t instanceof Element && t.closest('button, a, input, select, [data-ar-ui]') !== null;
  const pointerdown = (e: PointerEvent) => {
    if (interactive(e.target)) return;
    down.set(e.pointerId, { start: { x: e.clientX, y: e.clientY }, last: { x: e.clientX, y: e.clientY } });
    if (down.size === 1) moved = false;
    else moved = true; // a second finger: a twist, never a tap
  };
  const pointermove = (e: PointerEvent) => {
    const p = down.get(e.pointerId);
    if (!p) return;
    const now = { x: e.clientX, y: e.clientY };
    if (Math.hypot(now.x - p.start.x, now.y - p.start.y) > TAP_SLOP_PX) moved = true;
    if (down.size === 1) {
      if (moved) on.turn(dragYaw(now.x - p.last.x, el.clientWidth));
    } else if (down.size === 2) {
      const [a, b] = [...down.entries()];
      const other = a![0] === e.pointerId ? b![1] : a![1];
      const mine0 = p.last;
      on.turn(a![0] === e.pointerId ? twistYaw(mine0, other.last, now, other.last) : twistYaw(other.last, mine0, other.last, now));
    }
    p.last = now;
  };
  const pointerup = (e: PointerEvent) => {
    if (!down.has(e.pointerId)) return;
    down.delete(e.pointerId);
    if (down.size === 0 && !moved && e.type === 'pointerup') on.tap();
  };
  el.addEventListener('pointerdown', pointerdown);
  el.addEventListener('pointermove', pointermove);
  el.addEventListener('pointerup', pointerup);
  el.addEventListener('pointercancel', pointerup);
  return {
    dispose() {
      el.removeEventListener('pointerdown', pointerdown);
      el.removeEventListener('pointermove', pointermove);
      el.removeEventListener('pointerup', pointerup);
      el.removeEventListener('pointercancel', pointerup);
    },
  };
}
