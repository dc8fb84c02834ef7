// The app's file actions: Open… (a design, or a product model file in designer mode), Open recent, Save / Save as,
// the preview's screenshot and Open model file…. Functions of the app state (./app.svelte.ts delegates to them);
// files reach the host only through app.host, which on a kiosk refuses dialogs. No Svelte runes here.
import { t } from '../i18n/index.svelte';
import { baseName, designFromBytes, designToBytes, modelFileText, slug } from '../lib/design-files';
import { clearAutosave } from './autosave';
import { messageOf } from './messages';
import type { CatalogEntry, Host, ModelSource, RecentItem } from '../../../core/host';
import type { Design, ProductModel } from '../../../core/model/types';
import type { Preview } from '../../scene/index';
import type { SessionPolicy } from './policy';

/** What the screenshot needs of the preview (components/Viewport.svelte owns it and lends this). */
export type PreviewShot = Pick<Preview, 'screenshot'>;

/** What the file actions read and change of the app state (AppState; an interface, so no import circle). */
export interface FileApp {
  readonly policy: SessionPolicy;
  readonly host: Host;
  readonly model: ProductModel | null;
  readonly design: Design | null;
  readonly catalog: CatalogEntry[];
  readonly modelSource: ModelSource | null;
  readonly preview: PreviewShot | null;
  designerFile: string | null;
  designerWatched: boolean;
  savedPath: string | null;
  dirty: boolean;
  recent: RecentItem[];
  confirmLeave(): Promise<boolean>;
  notify(text: string, kind?: 'info' | 'error'): void;
  loadModelSource(src: ModelSource, keepValues: boolean, design?: Design): Promise<void>;
  openProduct(id: string, design?: Design): Promise<void>;
  cancelAutosave(): void;
}

export async function openDesign(app: FileApp): Promise<void> {
  if (!app.policy.opensFiles) return; // kiosk customers never see a file dialog
  if (!(await app.confirmLeave())) return;
  try {
    const f = await app.host.openDesign();
    if (f) await openBytes(app, f.path, f.bytes);
  } catch (e) {
    app.notify(messageOf(e), 'error');
  }
}

export async function openRecent(app: FileApp, path: string): Promise<void> {
  if (!app.policy.opensFiles) return;
  if (!(await app.confirmLeave())) return;
  try {
    const f = await app.host.openRecent(path);
    if (f) await openBytes(app, f.path, f.bytes);
  } catch (e) {
    app.notify(messageOf(e), 'error');
  }
}

export async function openBytes(app: FileApp, path: string, bytes: Uint8Array): Promise<void> {
  const name = baseName(path);
  const modelText = modelFileText(name, bytes);
  if (modelText !== null) {
    // a product model, not a design: the designer's view of it (problems located in the file, or the product)
    app.designerFile = name;
    app.designerWatched = false;
    await app.loadModelSource({ origin: path, text: modelText, assets: {} }, false);
    app.notify(t('designer.openedModel', { file: name }));
    return;
  }
  try {
    const d = designFromBytes(name, bytes);
    const source = app.modelSource;
    if (app.model && app.model.id === d.model.id && source) await app.loadModelSource(source, false, d);
    else if (app.catalog.some((c) => c.id === d.model.id)) await app.openProduct(d.model.id, d);
    else throw new Error(t('design.unknownModel', { id: d.model.id }));
    app.savedPath = path;
    app.dirty = false;
    app.recent = await app.host.recentDesigns().catch(() => app.recent);
    app.notify(t('design.opened', { file: name }));
  } catch (e) {
    app.notify(t('design.openFailed', { file: name, message: messageOf(e) }), 'error');
  }
}

export async function saveDesign(app: FileApp, as: boolean): Promise<void> {
  const d = app.design;
  if (!d || !app.model || !app.policy.savesFiles) return;
  try {
    const r = await app.host.save({ suggestedName: `${slug(d.name ?? app.model.name)}.atelier.json`, bytes: designToBytes(d), kind: 'design', path: as ? undefined : (app.savedPath ?? undefined) });
    if (!r.path) return;
    app.savedPath = r.path;
    app.dirty = false;
    app.cancelAutosave();
    clearAutosave();
    app.recent = await app.host.recentDesigns().catch(() => app.recent);
    app.notify(t('design.saved', { file: baseName(r.path) }));
  } catch (e) {
    app.notify(messageOf(e), 'error');
  }
}

export async function screenshot(app: FileApp): Promise<void> {
  if (!app.preview || !app.model || !app.policy.savesFiles) return;
  const png = await app.preview.screenshot();
  const r = await app.host.save({ suggestedName: `${slug(app.model.name)}.png`, bytes: png, kind: 'png' }).catch((e: unknown) => (app.notify(messageOf(e), 'error'), null));
  if (r?.path) app.notify(t('design.saved', { file: baseName(r.path) }));
}

export async function openModelFile(app: FileApp): Promise<void> {
  if (!app.policy.opensFiles) return;
  if (!(await app.confirmLeave())) return;
  try {
    const src = await app.host.openModelFile();
    if (src) {
      app.designerFile = baseName(src.origin);
      app.designerWatched = true;
      await app.loadModelSource(src, false);
    }
  } catch (e) {
    app.notify(messageOf(e), 'error');
  }
}
