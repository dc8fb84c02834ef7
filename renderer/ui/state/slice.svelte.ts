// The slicer's figures for the figures bar: after a build settles (and a pause, so a slider drag slices once), the
// geometry worker writes the slicer input (core/export/slice-input.ts, what `check --slice` slices) and the host
// slices it (Electron's main process, or `atelier serve` for the web build). Latest wins; figures of an older build
// are never shown as the current ones; where the host cannot slice there are none. Runes; no DOM.
import type { Host, SliceDesignFigures } from '../../../core/host';
import type { Design } from '../../../core/model/types';
import type { GeometryClient } from '../lib/geometry-client';

/** Pause after a build settles before slicing, ms: a customer typing or dragging does not start a slicer per step. */
export const SLICE_DELAY_MS = 700;

export type SlicePhase = 'off' | 'waiting' | 'slicing' | 'done' | 'failed';

/** What the slicer needs from the app, read when a build settles. */
export interface SliceSource {
  host: Host;
  client: GeometryClient | null;
  design: Design | null;
  printerId: string | null;
  /** The chosen printer's process ('fdm' slices; resin printers have no filament). */
  process: string | null;
  /** Changes whenever a build settles. */
  buildSeq: number;
  building: boolean;
  /** The last build failed: there is nothing to slice. */
  failed: boolean;
}

export class SliceState {
  phase = $state<SlicePhase>('off');
  figures = $state.raw<SliceDesignFigures | null>(null);
  /** Why the last slice gave no figures: 'timeout' or 'failed' (a one-line note, never a dialog). */
  note = $state<'timeout' | 'failed' | null>(null);
  /** Wall time of the last slice (worker + slicer), ms. */
  ms = $state(0);
  /** Whether the host slices at all (asked once; null until it answered). Read it where update is called. */
  available = $state<boolean | null>(null);
  private asked = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private run = 0;
  private key = '';
  /** Printers the host said it cannot slice for (none at all, or not that printer). */
  private readonly unsliceable = new Set<string>();

  constructor(private readonly delayMs = SLICE_DELAY_MS) {}

  /** Call whenever the source changes: schedules a slice for a settled build, drops figures that went stale. */
  update(s: SliceSource): void {
    const printer = s.printerId;
    const can = !!s.host.sliceDesign && !!s.client && !!s.design && printer !== null && s.process === 'fdm' && !this.unsliceable.has(printer);
    const key = `${s.buildSeq}|${printer ?? ''}`;
    if (!can || this.available !== true) {
      if (can && !this.asked) this.ask(s.host);
      return this.stop('off');
    }
    if (s.failed) return this.stop('off');
    if (s.building) {
      // the design is changing: what is shown, scheduled or slicing belongs to an older build
      if (this.phase !== 'off') this.stop('waiting');
      this.key = '';
      return;
    }
    if (key === this.key) return;
    this.stop('waiting');
    this.key = key;
    const run = this.run;
    this.timer = setTimeout(() => void this.slice(run, s, printer), this.delayMs);
  }

  private ask(host: Host): void {
    this.asked = true;
    const q = host.slicerAvailable ? host.slicerAvailable() : Promise.resolve(true);
    void q.then((yes) => (this.available = yes), () => (this.available = false));
  }

  private async slice(run: number, s: SliceSource, printerId: string): Promise<void> {
    this.timer = null;
    if (run !== this.run || !s.client || !s.design || !s.host.sliceDesign) return;
    this.phase = 'slicing';
    const t0 = performance.now();
    try {
      const d = s.design;
      const input = await s.client.sliceInput({ values: d.values, quality: 'final', printerId, design: d, ...(d.materials ? { materialOverrides: d.materials } : {}) });
      if (run !== this.run) return;
      const answer = await s.host.sliceDesign({ printerId, bytes: input.bytes, filaments: input.filaments });
      if (run !== this.run || answer.status === 'superseded') return;
      this.ms = performance.now() - t0;
      if (answer.status === 'no-slicer') {
        this.unsliceable.add(printerId);
        this.phase = 'off';
      } else if (answer.status === 'sliced') {
        this.figures = answer.figures;
        this.phase = 'done';
      } else {
        this.note = answer.reason === 'timeout' ? 'timeout' : 'failed';
        this.phase = 'failed';
      }
    } catch {
      if (run !== this.run) return;
      this.note = 'failed';
      this.phase = 'failed';
    }
  }

  private stop(phase: SlicePhase): void {
    this.run++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.figures = null;
    this.note = null;
    this.phase = phase;
    this.key = '';
  }

  dispose(): void {
    this.stop('off');
  }
}

/** Seconds as whole hours, minutes and seconds (the figures bar words them with slice.hm / slice.ms / slice.s). */
export function durationParts(seconds: number): { h: number; m: number; s: number } {
  const t = Math.round(seconds);
  return { h: Math.floor(t / 3600), m: Math.floor((t % 3600) / 60), s: t % 60 };
}
