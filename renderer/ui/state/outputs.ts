// What the app writes out of a design, as actions of the app state rather than of the dialogs that show them:
// the manufacturing export (STL or 3MF, built and written by the geometry worker on the one design → bytes path,
// then saved by the host) and the phone hand-off's GLB and USDZ (shared behind the host's secret link where it can
// serve one, else saved as files). Dialogs show the phases and the results; these functions own the work.
import type { HandoffInfo, Host } from '../../../core/host';
import type { Design, ProductModel } from '../../../core/model/types';
import type { ExportOutcome, ExportRequest, GeometryClient } from '../lib/geometry-client';
import type { ExportFormat } from '../../worker/protocol';
import { baseName, slug } from '../lib/design-files';
import { tx } from '../i18n/content';
import { t } from '../i18n/index.svelte';

/** The parts of the app state an output reads. */
export interface OutputSource {
  readonly client: GeometryClient | null;
  readonly design: Design | null;
  readonly model: ProductModel | null;
  readonly host: Host;
  readonly printerId: string | null;
}

export interface ExportChoice { format: '3mf' | 'stl'; quality: 'preview' | 'final'; printerId: string | null }

/** An export that ran: the file's name where it was saved (null: the save was cancelled) and what was written. */
export interface ExportDone extends ExportOutcome { file: string | null }

/** The design's name for file names and titles: the customer's own, else the product's (in the app's language). */
export function designTitle(s: OutputSource): string {
  return s.design?.name ?? (s.model ? tx(s.model, 'name') : 'Atelier');
}

function request(s: OutputSource, format: ExportFormat, quality: 'preview' | 'final', printerId: string | null): ExportRequest {
  const d = s.design;
  if (!s.client || !d) throw new Error(t('ar.notBuilt'));
  return { values: d.values, quality, printerId: printerId ?? undefined, format, design: d, materialOverrides: d.materials };
}

/** Builds and writes the file for printing, then asks the host to save it. `onPhase` follows the work. */
export async function exportForPrinting(s: OutputSource, c: ExportChoice, onPhase: (phase: 'building' | 'writing' | 'saving') => void): Promise<ExportDone> {
  const out = await s.client!.export(request(s, c.format, c.quality, c.printerId), (stage) => onPhase(stage === 'writing' ? 'writing' : 'building'));
  onPhase('saving');
  const r = await s.host.save({ suggestedName: `${slug(designTitle(s))}.${c.format}`, bytes: out.bytes, kind: c.format });
  return { ...out, file: r.path ? baseName(r.path) : null };
}

/** The design as a GLB (Android) or USDZ (iPhone) file at final quality. */
export async function phoneFile(s: OutputSource, format: 'glb' | 'usdz'): Promise<Uint8Array> {
  return (await s.client!.export(request(s, format, 'final', s.printerId))).bytes;
}

/** Shares both phone files behind the host's secret link; undefined where the host has no local server. */
export async function startHandoff(s: OutputSource): Promise<HandoffInfo | undefined> {
  if (!s.host.startHandoff) return undefined;
  const glb = await phoneFile(s, 'glb');
  const usdz = await phoneFile(s, 'usdz');
  return s.host.startHandoff({ title: designTitle(s).slice(0, 200), glb, usdz });
}

/** Saves one phone file (hosts without a hand-off server); the saved file's name, or null if cancelled. */
export async function savePhoneFile(s: OutputSource, format: 'glb' | 'usdz'): Promise<string | null> {
  const bytes = await phoneFile(s, format);
  const r = await s.host.save({ suggestedName: `${slug(designTitle(s))}.${format}`, bytes, kind: format });
  return r.path ? baseName(r.path) : null;
}
