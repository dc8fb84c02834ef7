// The address bar and the app's views: the open product in #product=, Back and Forward, an edited address.
// Functions of the app state (./app.svelte.ts delegates; an interface here, so no import circle).
import type { CatalogEntry } from '../../../core/host';
import type { ProductModel } from '../../../core/model/types';
import { t } from '../i18n/index.svelte';
import { hrefFor, productInHash } from './leave.svelte';
import type { SessionPolicy } from './policy';

export interface NavApp {
  readonly policy: SessionPolicy;
  readonly ready: boolean;
  readonly view: string;
  readonly designerFile: string | null;
  readonly model: ProductModel | null;
  readonly catalog: CatalogEntry[];
  leaveForGallery(): void;
  confirmLeave(): Promise<boolean>;
  openProduct(id: string): Promise<void>;
  notify(text: string, kind?: 'info' | 'error'): void;
}

/** Puts the open product (or the catalog) in the address, as a new history entry, so Back returns here. */
export function syncLocation(tracksAddress: boolean, product: string | null): void {
  if (!tracksAddress || typeof history === 'undefined') return;
  if (productInHash(location.hash) === product) return;
  history.pushState(null, '', hrefFor(location, product));
}

/** Back, Forward or an edited address: show what it names, keeping the design being left as a draft. */
export async function followLocation(app: NavApp): Promise<void> {
  if (!app.ready || !app.policy.tracksAddress) return;
  const id = productInHash(location.hash);
  if (id === null) {
    if (app.view === 'product' && !app.designerFile) app.leaveForGallery();
    return;
  }
  if (app.view === 'product' && app.model?.id === id && !app.designerFile) return;
  if (!app.catalog.some((c) => c.id === id)) {
    app.notify(t('error.generic', { message: t('nav.noProduct', { id }) }), 'error');
    return;
  }
  if (app.designerFile && !(await app.confirmLeave())) return;
  await app.openProduct(id);
}
