// Crash safety's steps that outlive a page: what the autosave keeps when the page closes, and the restore offer's
// two answers. Functions of the app state (./app.svelte.ts delegates; an interface here, so no import circle).
import type { Design, ProductModel } from '../../../core/model/types';
import { clearAutosave, writeAutosave, type AutosaveRecord } from './autosave';
import { hrefFor, productInHash, type Draft } from './leave.svelte';
import type { SessionPolicy } from './policy';

export interface CrashApp {
  readonly policy: SessionPolicy;
  readonly view: string;
  readonly design: Design | null;
  dirty: boolean;
  restoreOffer: AutosaveRecord | null;
  unsavedDesigns(): Draft[];
  flushAutosave(): void;
  cancelAutosave(): void;
  openProduct(id: string, design?: Design): Promise<void>;
}

/** The page is closing: a design with unsaved changes stays for the next start; otherwise it is a clean close. */
export function pageHide(app: CrashApp): void {
  const unsaved = app.unsavedDesigns().at(-1);
  if (app.dirty && app.design) app.flushAutosave();
  else if (unsaved && app.policy.autosaves) {
    app.cancelAutosave();
    writeAutosave({ savedAt: Date.now(), name: unsaved.name, savedPath: unsaved.savedPath, design: unsaved.design });
  } else {
    app.cancelAutosave();
    clearAutosave();
  }
}

export async function restore(app: CrashApp): Promise<void> {
  const rec = app.restoreOffer;
  app.restoreOffer = null;
  if (!rec) return;
  await app.openProduct(rec.design.model.id, rec.design);
  // Still not saved: the autosave stays until it is. Save asks where (a desktop host lets Save overwrite only
  // files opened or saved in this session).
  if (app.design?.model.id === rec.design.model.id) app.dirty = true;
}

export function discard(app: CrashApp): void {
  app.restoreOffer = null;
  clearAutosave();
  if (app.policy.tracksAddress && app.view === 'gallery' && productInHash(location.hash) !== null) history.replaceState(null, '', hrefFor(location, null));
}

/** The record the autosave writes for the open design. */
export const autosaveRecord = (model: ProductModel, design: Design, savedPath: string | null): Omit<AutosaveRecord, 'v'> => ({ savedAt: Date.now(), name: model.name, savedPath, design });
