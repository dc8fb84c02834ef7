// Work done while the gallery shows, so opening a product does not do it: the 3D preview's engine and shaders, the
// page's first number format, and each catalog model parsed with its default design checked. Only a head start: what fails here is met again, and
// reported, when the product opens. A narrow view of the app state (no import circle).
import type { CatalogEntry, ModelSource } from '../../../core/host';
import type { MaterialCatalog, ProductModel } from '../../../core/model/types';
import { defaultValues, parseModel } from '../../../core/model/index';
import { prepareDesign, valueContextFor } from '../../../core/pipeline';
import type { FontLibrary } from '../../../core/text/index';
import { baseName } from '../lib/design-files';
import { fmt } from '../i18n/index.svelte';

export interface AheadApp {
  readonly catalog: CatalogEntry[];
  readonly view: string;
  readonly materials: MaterialCatalog;
  readonly fonts: FontLibrary | null;
  readonly fontIds: string[];
  readonly host: { loadCatalogModel(id: string): Promise<ModelSource> };
}

/** Parses a model file as opening it does. */
export function parseSource(app: AheadApp, src: ModelSource): ProductModel {
  return parseModel(src.text, { file: baseName(src.origin), materials: app.materials, fontIds: app.fontIds });
}

/**
 * Fetches the 3D preview's code, makes its WebGL engine and compiles its shaders before a product opens (see
 * scene/index.ts warmUp), at the size the preview will have when that is known (ProductView's layout twin).
 */
export function warmPreview(size?: { width: number; height: number }): void {
  void import('../../scene/index').then((m) => m.warmUp(size)).catch(() => undefined);
}

export class Ahead {
  /** Catalog models parsed while the gallery idled, by source text: opening one skips the parse. */
  private readonly parsed = new Map<string, ProductModel>();

  constructor(private readonly app: AheadApp) {}

  /** The model of this source: parsed ahead, or now. */
  model(src: ModelSource): ProductModel {
    return this.parsed.get(src.text) ?? parseSource(this.app, src);
  }

  start(): void {
    // The page's first number format loads the locale's data (about 50 ms in Chromium).
    void idle().then(() => void fmt(0));
    void this.prepare();
  }

  /**
   * One step per idle moment: each catalog product's model is fetched and parsed, and its default design checked,
   * which parses the fonts its text uses (13–22 ms a face).
   */
  private async prepare(): Promise<void> {
    for (const entry of this.app.catalog) {
      try {
        await idle();
        if (this.app.view !== 'gallery') return;
        const src = await this.app.host.loadCatalogModel(entry.id);
        await idle();
        const model = parseSource(this.app, src);
        this.parsed.set(src.text, model);
        await idle();
        if (this.app.fonts) prepareDesign(model, defaultValues(model), valueContextFor(this.app.materials, this.app.fonts));
      } catch {
        // said when the product opens
      }
    }
  }
}

/** Resolves when the page is idle (the next idle period; a task later where the browser has no idle callbacks). */
function idle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve()) : setTimeout(resolve, 0)));
}
