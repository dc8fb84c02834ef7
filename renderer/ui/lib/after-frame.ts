// Work that should wait until the page has shown its next frame: requestAnimationFrame runs just before the frame is
// drawn, so the task queued from it runs after. Used to keep layout-forcing or mounting work out of the task that
// changes the view (the software renderer makes that task long enough already).

/** Runs `fn` in a task of its own after the next frame; returns a cancel (an effect's cleanup). */
export function afterFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
