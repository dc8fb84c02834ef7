// The application's state and actions: catalog, the open product, builds in the worker. Framework-light: runes
// hold what the components show; engine objects are $state.raw. Parts live beside it, each a small class or
// functions over a narrow interface of this state (no import circle): document.svelte.ts (the open design, its undo
// history, unsaved changes), policy.ts (what this session may do: a desktop asks before leaving, keeps drafts and
// an autosave, uses files and the address; a kiosk does none of it and exports only to its folder), files.ts
// (Open…, Save, screenshot), build.ts (a preview build and its answer), navigation.ts (the address, Back/Forward),
// crash-safety.ts (page close, restore offer), design-rules.ts and rules.svelte.ts (rule fixes, ranges, printer
// choice), ahead.ts (the preview, numbers and catalog models made ready while the gallery shows),
// leave.svelte.ts (the leave prompt, drafts), catalog-data.ts (printers, kiosk reload), messages.ts (errors in
// words), outputs.ts (export, phone hand-off). The kiosk's own screens and timers are ../kiosk/kiosk.svelte.ts;
// its reset asks wipeDesign() here. `kiosk` stays a plain flag for the components that show kiosk UI.
import type { CatalogEntry, Host, HostInfo, KioskSettings, ModelSource, RecentItem } from '../../../core/host';
import type { Design, MaterialCatalog, Parameter, ParameterValue, ProductModel } from '../../../core/model/types';
import { DESIGN_FORMAT } from '../../../core/model/types';
import type { Problem } from '../../../core/errors';
import { defaultValues, isParameterVisible, parseMaterialCatalog, presetValues } from '../../../core/model/index';
import { prepareDesign, valueContextFor } from '../../../core/pipeline';
import { FontLibrary } from '../../../core/text/index';
import type { ValidRange } from '../../../core/fix/index';
import { suitedPrinter, type RuleFix } from './design-rules';
import { DesignRules } from './rules.svelte';
import type { PreviewShot } from './files';
import { GeometryClient, type BuildOutcome } from '../lib/geometry-client';
import { baseName } from '../lib/design-files';
import type { LengthUnit } from '../lib/units';
import { t } from '../i18n/index.svelte';
import { messageOf, problemsOf, safe } from './messages';
import * as files from './files';
import * as crash from './crash-safety';
import * as nav from './navigation';
import * as outputs from './outputs';
import { requestBuild } from './build';
import { printersFrom, reloadCatalog as reloadCatalogData, type Printer } from './catalog-data';
import { readUnit, saveUnit } from './prefs';
import { AUTOSAVE_DELAY_MS, clearAutosave, readAutosave, writeAutosave, type AutosaveRecord } from './autosave';
import { kioskUrlOptions } from '../kiosk/kiosk-config';
import type { KioskState } from '../kiosk/kiosk.svelte';
import { kioskHost } from '../kiosk/kiosk-host';
import { LeaveGuard, productInHash, type Draft } from './leave.svelte';
import * as leaving from './leave.svelte';
import { DesignDocument } from './document.svelte';
import { sessionPolicy, type SessionPolicy } from './policy';
import { Ahead, warmPreview } from './ahead';

export { messageOf, type Printer, type RuleFix };

type Scope = ReadonlyMap<string, ParameterValue>;

export class AppState {
  info = $state.raw<HostInfo | null>(null);
  fatal = $state<string | null>(null);
  ready = $state(false);
  catalog = $state.raw<CatalogEntry[]>([]);
  /** The gallery's search text (cleared by the kiosk reset). */
  galleryQuery = $state('');
  materials = $state.raw<MaterialCatalog>({ currency: 'USD', materials: [] });
  printers = $state.raw<Printer[]>([]);
  printerId = $state<string | null>(null);
  /** The customer chose a printer: opening a product no longer picks one that suits its materials. */
  private printerPicked = false;
  unit = $state<LengthUnit>(readUnit());
  showDimensions = $state(true);
  recent = $state.raw<RecentItem[]>([]);

  view = $state<'gallery' | 'product' | 'designer-errors'>('gallery');
  model = $state.raw<ProductModel | null>(null);
  /** The open design and its undo history (./document.svelte.ts); the members below read and edit it. */
  readonly doc = new DesignDocument();
  get design(): Design | null {
    return this.doc.design;
  }
  get canUndo(): boolean {
    return this.doc.canUndo;
  }
  get canRedo(): boolean {
    return this.doc.canRedo;
  }
  get dirty(): boolean {
    return this.doc.dirty;
  }
  set dirty(v: boolean) {
    this.doc.dirty = v;
  }
  savedPath = $state<string | null>(null);
  valueProblems = $state.raw<Problem[]>([]);
  constraintProblems = $state.raw<Problem[]>([]);
  private readonly rules = new DesignRules();
  /** Each broken rule with the fields it names and its one-click fix (core/fix). */
  get ruleFixes(): RuleFix[] {
    return this.rules.fixes;
  }
  /** The valid range of each number a rule names, for the current other values (sliders mark the rest). */
  get validRanges(): Record<string, ValidRange> {
    return this.rules.ranges;
  }
  scope = $state.raw<Scope>(new Map());

  built = $state.raw<BuildOutcome | null>(null);
  buildSeq = $state(0);
  frameNext = false;
  building = $state(false);
  buildError = $state<string | null>(null);

  designerFile = $state<string | null>(null);
  /** The designer's file is watched (Open model file…) rather than read once (a model file picked with Open…). */
  designerWatched = $state(true);
  /** The model file whose problems are shown (designer mode or a broken catalog model). */
  problemsFile = $state<string | null>(null);
  designerProblems = $state.raw<Problem[]>([]);
  toast = $state<{ text: string; kind: 'info' | 'error' } | null>(null);
  exportOpen = $state(false);

  /** Showroom kiosk: the host says so (Electron --kiosk) or, in the web build, `?kiosk=1`. */
  kiosk = $state(false);
  /** The host's kiosk settings (Electron); null in the web build, where defaults apply. */
  kioskSettings = $state.raw<KioskSettings | null>(null);
  /** What this session may do (ask before leaving, drafts, autosave, files, the address, exports): ./policy.ts. */
  readonly policy: SessionPolicy = $derived(sessionPolicy(this.kiosk, this.info?.kind, this.kioskSettings));
  /** An unsaved design left by the last session, offered for restoring. */
  restoreOffer = $state.raw<AutosaveRecord | null>(null);
  /** The kiosk's UI state (attract screen, idle timer, on-screen keyboard) while App shows kiosk mode. */
  kioskUi = $state.raw<KioskState | null>(null);
  private autosaveTimer = 0;

  /** The preview's screenshot, lent by components/Viewport.svelte while it shows one (it alone creates, feeds and
   *  disposes the Babylon preview). */
  preview: PreviewShot | null = null;
  fonts: FontLibrary | null = null;
  /** The font ids models may name (from the catalog data). */
  fontIds: string[] = [];
  private readonly ahead = new Ahead(this);
  client: GeometryClient | null = null;
  /** The open model's file (designer mode re-reads it; a design of the same model re-opens on it). */
  modelSource: ModelSource | null = null;
  /** Changes with every model shown (./build.ts drops answers for an earlier one). */
  modelKey = 0;
  private toastTimer = 0;
  private readonly disposers: (() => void)[] = [];

  private kioskGuard: Host | null = null;

  /** The question before a step that would drop unsaved changes (components/LeavePrompt.svelte answers it). */
  readonly leave = new LeaveGuard();
  /** Designs of catalog products left for the catalog in this session: coming back shows them as they were. */
  readonly drafts = new Map<string, Draft>();
  /** Counts steps that change what is shown, so a slow product load that was overtaken shows nothing. */
  private navSeq = 0;

  constructor(private readonly hostImpl: Host, private readonly wasmUrl: string) {}

  /** The host; on a kiosk, one that opens no file dialogs and saves only to the kiosk's export folder. */
  get host(): Host {
    return this.kioskGuard ?? this.hostImpl;
  }

  /** The 3D preview made ready before a product opens, at the size it will have when known (./ahead.ts). */
  readonly warmPreview = warmPreview;

  async start(): Promise<void> {
    // Started at once, in parallel: the catalog data, the geometry worker (it compiles the manifold WebAssembly while
    // the fonts load) and, for a deep link, the 3D preview's code and WebGL engine.
    const wasmUrl = new URL(this.wasmUrl, document.baseURI).href;
    const dataP = this.hostImpl.catalogData();
    const infoP = this.hostImpl.info();
    const initP = Promise.all([dataP, infoP]).then(([data, info]) => ({ wasmUrl, fonts: data.fonts.map((f) => ({ id: f.id, name: f.name, bytes: f.bytes })), materialsJson: data.materialsJson, printersJson: data.printersJson, appVersion: info.appVersion }));
    initP.catch(() => undefined); // reported below, where the data is awaited
    this.client = new GeometryClient(initP, { buildTimeoutMs: 20_000, exportTimeoutMs: 120_000, wasmUrl });
    // A failed start is reported once the catalog is in (if that failed, the start failure says so).
    void this.client.start().catch((e: unknown) => void initP.then(() => this.notify(t('error.generic', { message: messageOf(e) }), 'error'), () => undefined));
    const deep = productInHash(location.hash);
    if (deep) this.warmPreview();
    try {
      this.disposers.push(this.host.onModelFileChanged((src) => void this.loadModelSource(src, true)));
      this.disposers.push(this.host.onOpenFile((f) => void (this.policy.opensFiles ? this.confirmLeave().then((go) => (go ? this.openBytes(f.path, f.bytes) : undefined)) : undefined)));
      const info = await infoP;
      this.kiosk = info.kiosk || (info.kind === 'web' && kioskUrlOptions(location.search).kiosk);
      // The web host does not know about ?kiosk=1: say kiosk to every component that asks the host's info.
      this.info = this.kiosk && !info.kiosk ? { ...info, kiosk: true } : info;
      if (!this.policy.autosaves) clearAutosave(); // nothing of a customer persists on a kiosk
      if (this.kiosk) {
        this.kioskGuard = kioskHost(this.hostImpl, {
          canSave: () => this.policy.exports === 'folder',
          inUse: () => this.kioskUi !== null && !this.kioskUi.attract && !this.kioskUi.resetting,
          refusal: () => t('kiosk.noFiles'),
        });
        this.kioskSettings = (await this.host.kioskSettings?.().catch(() => null)) ?? null;
      }
      const data = await dataP;
      performance.mark('atelier:catalog-data');
      this.materials = parseMaterialCatalog(data.materialsJson);
      this.printers = printersFrom(data.printersJson);
      this.printerId = this.printers[0]?.id ?? null;
      this.fontIds = data.fonts.map((f) => f.id);
      this.fonts = new FontLibrary(data.fonts.map((f) => ({ id: f.id, name: f.name, bytes: f.bytes })));
      this.catalog = await this.host.listCatalog();
      this.recent = await this.host.recentDesigns().catch(() => []);
      if (this.policy.autosaves) {
        const rec = readAutosave();
        if (rec && this.catalog.some((c) => c.id === rec.design.model.id)) this.restoreOffer = rec;
        else if (rec) clearAutosave();
      }
      this.ready = true;
      // Fetch the 3D preview's code, create its WebGL engine and compile its shaders while the user looks at the
      // gallery: linking a shader blocks the main thread for hundreds of ms under a software renderer, which is a
      // stall when it happens on opening a product (bench/long-tasks.bench.ts).
      this.warmPreview();
      this.ahead.start();
      // Deep link: #product=<id> opens that product directly (bookmarks, kiosk attract screen, benchmarks).
      if (this.policy.tracksAddress) {
        // Back and Forward move between the catalog and products; a changed #product= opens that product.
        const follow = () => void nav.followLocation(this);
        window.addEventListener('popstate', follow);
        window.addEventListener('hashchange', follow);
        this.disposers.push(() => (window.removeEventListener('popstate', follow), window.removeEventListener('hashchange', follow)));
      }
      // An unsaved design waiting to be restored comes first: Restore opens its product, Discard the catalog.
      if (deep && !this.restoreOffer && this.catalog.some((c) => c.id === deep)) await this.openProduct(deep);
    } catch (e) {
      this.fatal = t('app.startFailed', { message: messageOf(e) });
    }
  }

  notify(text: string, kind: 'info' | 'error' = 'info'): void {
    this.toast = { text, kind };
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = null), kind === 'error' ? 8000 : 3500);
  }

  setUnit(u: LengthUnit): void {
    this.unit = u;
    saveUnit(u); // the preview follows (components/Viewport.svelte)
  }

  // ---- products and designs ----

  async openProduct(id: string, design?: Design): Promise<void> {
    try {
      this.stashDraft();
      this.designerFile = null;
      const draft = design ? undefined : this.drafts.get(id);
      const seq = ++this.navSeq;
      const src = await this.host.loadCatalogModel(id);
      // a later step (another product, a file opened meanwhile, the catalog) wins over this one
      if (seq !== this.navSeq) return;
      await this.loadModelSource(src, false, design ?? draft?.design);
      if (draft && this.model?.id === id) {
        this.savedPath = draft.savedPath;
        this.dirty = draft.dirty;
      }
      if (this.view === 'product' && this.model?.id === id) nav.syncLocation(this.policy.tracksAddress, id);
    } catch (e) {
      this.notify(t('error.generic', { message: messageOf(e) }), 'error');
    }
  }

  /** Parses and shows a model; in designer mode a broken file shows its problems instead of a preview. */
  async loadModelSource(src: ModelSource, keepValues: boolean, design?: Design): Promise<void> {
    this.navSeq++;
    let model: ProductModel;
    try {
      model = this.ahead.model(src);
    } catch (e) {
      this.designerProblems = problemsOf(e);
      this.problemsFile = baseName(src.origin);
      this.view = 'designer-errors';
      return;
    }
    this.designerProblems = [];
    const previous = keepValues && this.design ? this.design.values : undefined;
    this.modelSource = src;
    this.model = model;
    this.modelKey++;
    this.client?.setModel(`m${this.modelKey}`, model, src.assets);
    const initial: Design = design ?? { format: DESIGN_FORMAT, model: { id: model.id, version: model.version }, values: { ...defaultValues(model), ...(previous ?? {}) } };
    this.doc.open(initial, () => this.onHistory());
    if (!keepValues) {
      this.savedPath = null;
      this.dirty = false;
    }
    this.built = null;
    this.frameNext = true;
    this.view = 'product';
    this.suitPrinter(model, initial.values);
    this.onHistory(false, true);
  }

  /**
   * The open design changed (an edit, Undo, Redo: `markDirty`) or was opened: check its values and build it.
   * `rulesLater`: the rules' fixes and ranges, which only the parameter panel shows (it mounts in a task of its own
   * after the preview's), are worked out in the next task, not in the one that opens the product.
   */
  private onHistory(markDirty = true, rulesLater = false): void {
    const model = this.model;
    if (!model || !this.doc.mirror(markDirty)) return;
    if (markDirty) this.scheduleAutosave();
    const values = this.doc.current!.values;
    const ctx = this.fonts ? valueContextFor(this.materials, this.fonts) : { materials: this.materials };
    const prep = prepareDesign(model, values, ctx);
    this.valueProblems = prep.problems.filter((p) => !prep.violations.includes(p));
    this.constraintProblems = prep.violations;
    if (rulesLater) this.rules.updateSoon(model, prep.values, prep.violations, ctx);
    else this.rules.update(model, prep.values, prep.violations, ctx);
    this.scope = prep.scope as Scope;
    requestBuild(this, prep.values, prep.scope);
  }

  /** Until the customer picks a printer, a product opens on one that can print its materials (./design-rules.ts). */
  private suitPrinter(model: ProductModel, values: Record<string, ParameterValue>): void {
    const id = this.printerPicked ? null : suitedPrinter(model, values, this.materials, this.printers, this.printerId);
    if (id) this.printerId = id;
  }

  /** Makes a broken rule hold with its fix: one undo step. */
  applyFix(constraint: number): void {
    const fix = this.ruleFixes.find((f) => f.constraint === constraint);
    if (fix?.changes.length) this.doc.mergeValues(Object.fromEntries(fix.changes.map((c) => [c.parameter, c.to])));
  }

  setPrinter(id: string | null): void {
    this.printerPicked = true;
    this.printerId = id;
    if (this.doc.current) this.onHistory(false);
  }

  isVisible(p: Parameter): boolean {
    return this.model ? safe(() => isParameterVisible(this.model!, p, this.scope), true) : true;
  }

  /** Changes one value. `gesture` groups a slider drag into one undo step; call endGesture() when it ends. */
  setValue(id: string, v: ParameterValue, gesture = false): void {
    this.doc.setValue(id, v, gesture);
  }

  endGesture = (): void => this.doc.endGesture();

  applyPreset(presetId: string): void {
    if (!this.doc.current || !this.model) return;
    try {
      this.doc.mergeValues(presetValues(this.model, presetId));
    } catch (e) {
      this.notify(messageOf(e), 'error');
    }
  }

  resetValues(): void {
    if (this.model) this.doc.pushValues(defaultValues(this.model));
  }

  undo(): void {
    this.doc.undo();
  }
  redo(): void {
    this.doc.redo();
  }

  /** The catalog button and Back: the design stays as a draft, so opening the product again shows it. */
  goToCatalog(): void {
    this.leaveForGallery();
    nav.syncLocation(this.policy.tracksAddress, null);
  }

  /** Back to the catalog, keeping the design as a draft. */
  leaveForGallery(): void {
    this.stashDraft();
    this.backToCatalog();
    this.dirty = false; // the draft holds it now
    this.savedPath = null;
  }

  /** Designs with changes that are in no file: the open one and drafts of other products, newest last. */
  unsavedDesigns(): Draft[] {
    return leaving.unsavedDesigns(this);
  }

  /**
   * More unsaved designs than the autosave keeps (it keeps one: the open one, or the draft last left): a closing
   * browser tab asks first. One alone is offered for restoring at the next start instead.
   */
  get unsavedBeyondAutosave(): boolean {
    return this.unsavedDesigns().length > 1;
  }

  /**
   * Asks before a step that replaces the open design while it has unsaved changes: Save (then go on if it was
   * saved), Don't save (the changes and their autosave are dropped), Cancel. True when the step may go on.
   */
  confirmLeave(): Promise<boolean> {
    return leaving.confirmLeave(this);
  }

  /** Keeps the open catalog product's design for this session (not in designer mode: that is a file of its own). */
  private stashDraft(): void {
    leaving.stashDraft(this);
  }

  backToCatalog(): void {
    this.navSeq++;
    this.view = 'gallery';
    this.designerFile = null;
    this.designerProblems = [];
    this.model = null;
    this.doc.close();
    this.built = null;
    this.modelKey++;
  }

  async newDesign(): Promise<void> {
    if (!(await this.confirmLeave())) return;
    if (this.model) {
      this.resetValues();
      this.savedPath = null;
      this.dirty = false;
      this.drafts.delete(this.model.id);
    } else this.view = 'gallery';
    this.cancelAutosave();
    clearAutosave();
  }

  // ---- crash safety (autosave) ----

  private scheduleAutosave(): void {
    if (!this.policy.autosaves) return;
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = window.setTimeout(() => this.flushAutosave(), AUTOSAVE_DELAY_MS);
  }

  cancelAutosave(): void {
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = 0;
  }

  /** Writes the open design now if it has unsaved changes (debounce elapsed, or the page is going away). */
  flushAutosave(): void {
    this.cancelAutosave();
    if (!this.policy.autosaves || !this.dirty || !this.design || !this.model) return;
    writeAutosave(crash.autosaveRecord(this.model, this.design, this.savedPath));
  }

  /** The page is closing; the restore offer's answers (./crash-safety.ts). */
  onPageHide = (): void => crash.pageHide(this);
  restoreAutosave = (): Promise<void> => crash.restore(this);
  discardAutosave = (): void => crash.discard(this);

  // ---- kiosk ----

  /** Forgets the customer's design: no undo history, no open product, no dialogs, default display options. */
  wipeDesign(): void {
    const model = this.model;
    this.galleryQuery = ''; // the next customer does not see the last one's search
    this.drafts.clear();
    this.leave.answer('cancel');
    // the design and its undo steps go, unheard: nothing to show or build for a design that is going away
    this.doc.forget(model ? { format: DESIGN_FORMAT, model: { id: model.id, version: model.version }, values: defaultValues(model) } : null);
    this.backToCatalog();
    this.cancelAutosave();
    this.exportOpen = false;
    this.toast = null;
    this.savedPath = null;
    this.valueProblems = [];
    this.constraintProblems = [];
    this.scope = new Map();
    this.buildError = null;
    this.printerId = this.printers[0]?.id ?? null;
    this.printerPicked = false;
    this.unit = 'mm';
    this.showDimensions = true;
  }

  /** Re-reads what the host shows after staff changed the kiosk settings (products, printers). */
  reloadCatalog = (): Promise<void> => reloadCatalogData(this);

  // ---- files (./files.ts) ----

  open = (): Promise<void> => files.openDesign(this);
  openRecent = (path: string): Promise<void> => files.openRecent(this, path);
  openBytes = (path: string, bytes: Uint8Array): Promise<void> => files.openBytes(this, path, bytes);
  save = (as = false): Promise<void> => files.saveDesign(this, as);
  screenshot = (): Promise<void> => files.screenshot(this);
  openModelFile = (): Promise<void> => files.openModelFile(this);

  // ---- outputs (./outputs.ts): the dialogs show them ----

  /** Builds and writes the design for printing and saves it; a printer chosen in the dialog becomes the app's. */
  exportDesign = (c: outputs.ExportChoice, onPhase: (phase: 'building' | 'writing' | 'saving') => void): Promise<outputs.ExportDone> => {
    if (c.printerId !== this.printerId) this.setPrinter(c.printerId);
    return outputs.exportForPrinting(this, c, onPhase);
  };
  /** Shares the design's phone files behind the host's link (undefined: the host has no local server). */
  startHandoff = () => outputs.startHandoff(this);
  stopHandoff = (): Promise<void> => this.host.stopHandoff?.().catch(() => undefined) ?? Promise.resolve();
  /** Saves the design's GLB or USDZ (where no hand-off server exists); the saved file's name or null. */
  savePhoneFile = (format: 'glb' | 'usdz'): Promise<string | null> => outputs.savePhoneFile(this, format);

  dispose(): void {
    this.cancelAutosave();
    this.disposers.forEach((d) => d());
    this.doc.dispose();
    this.client?.dispose();
  }
}
