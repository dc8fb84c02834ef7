// Host for the plain web page (dev server, `atelier serve`, end-to-end tests): the catalog by fetch from
// ./assets/, designs through file pickers and downloads, recent designs in localStorage (names only; a browser
// cannot reopen a path). Imports core/ types only; DOM APIs allowed.
import type { CatalogEntry, Host, HostCatalogData, HostInfo, MenuCommand, ModelSource, OpenedFile, RecentItem, SaveRequest, SaveResult, SliceAnswer, SliceRequest } from '../../core/host';
import { pickFile, pickFileHandle, saveBytes, type FileHandleLike } from './web-files';
import { isSafeRelativePath, meshPaths } from '../../core/model/paths';

const RECENT_KEY = 'atelier.recent';
const MAX_FETCH_BYTES = 128 * 1024 * 1024;

interface CatalogIndexEntry { id: string; name?: string; description?: string; translations?: CatalogEntry['translations']; tags?: string[]; file?: string; thumbnail?: string }
/** dist/web/catalog-index.json, written by the build (see renderer/catalog-index.ts). */
interface CatalogIndex { models: CatalogIndexEntry[]; printers: string[] }

function assetUrl(rel: string): string {
  return new URL(`assets/${rel}`, document.baseURI).href;
}

async function fetchBytes(rel: string): Promise<Uint8Array> {
  const r = await fetch(assetUrl(rel));
  if (!r.ok) throw new Error(`Could not load ${rel} (HTTP ${r.status}).`);
  const b = new Uint8Array(await r.arrayBuffer());
  if (b.byteLength > MAX_FETCH_BYTES) throw new Error(`${rel} is larger than ${MAX_FETCH_BYTES} bytes.`);
  return b;
}
const fetchText = async (rel: string) => new TextDecoder().decode(await fetchBytes(rel));

/** Mesh files a model references, to fetch beside it (none outside its folder); core's parser reports a syntax error. */
function meshFiles(text: string): string[] {
  try {
    return meshPaths(JSON.parse(text)).filter(isSafeRelativePath);
  } catch {
    return [];
  }
}

export class WebHost implements Host {
  private index: Promise<CatalogIndex> | null = null;
  private readonly listeners = { command: new Set<(c: MenuCommand) => void>(), open: new Set<(f: OpenedFile) => void>(), model: new Set<(s: ModelSource) => void>() };
  private watched: { handle: FileHandleLike; lastModified: number; timer: number } | null = null;
  /** Whether the serving process slices: `atelier serve` says so in a header on every answer (X-Atelier-Slicer). */
  private canSlice = false;
  private slicing: AbortController | null = null;

  info(): Promise<HostInfo> {
    return Promise.resolve({ kind: 'web', appVersion: import.meta.env.VITE_APP_VERSION ?? '0.1.0', platform: navigator.platform, kiosk: false });
  }

  private fullIndex(): Promise<CatalogIndex> {
    this.index ??= fetch(new URL('catalog-index.json', document.baseURI).href)
      .then((r) => {
        if (!r.ok) throw new Error(`The catalog index is missing (HTTP ${r.status}); rebuild the web app.`);
        this.canSlice = r.headers.get('x-atelier-slicer') === 'prusa-slicer';
        return r.json() as Promise<CatalogIndex>;
      })
      .then((v) => ({ models: (v.models ?? []).filter((e) => typeof e?.id === 'string'), printers: (v.printers ?? []).filter((p) => typeof p === 'string') }));
    return this.index;
  }

  private async catalogIndex(): Promise<CatalogIndexEntry[]> {
    return (await this.fullIndex()).models;
  }

  async listCatalog(): Promise<CatalogEntry[]> {
    return (await this.catalogIndex()).map((e) => ({
      id: e.id,
      name: e.name ?? e.id,
      description: e.description ?? '',
      ...(e.translations ? { translations: e.translations } : {}),
      tags: e.tags ?? [],
      thumbnailUrl: e.thumbnail ? assetUrl(`models/${e.thumbnail}`) : '',
    }));
  }

  async loadCatalogModel(id: string): Promise<ModelSource> {
    const e = (await this.catalogIndex()).find((x) => x.id === id);
    if (!e) throw new Error(`There is no product "${id}" in the catalog.`);
    const file = e.file ?? `${id}/${id}.model.json`;
    const text = await fetchText(`models/${file}`);
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const assets: Record<string, Uint8Array> = {};
    for (const rel of meshFiles(text)) assets[rel] = await fetchBytes(`models/${dir}${rel}`).catch(() => new Uint8Array(0));
    for (const k of Object.keys(assets)) if (assets[k]!.byteLength === 0) delete assets[k];
    return { origin: `catalog:${id}`, text, assets };
  }

  async catalogData(): Promise<HostCatalogData> {
    // fonts, materials and printers side by side: startup waits for the slowest, not for their sum
    const fontsP = fetchText('fonts/fonts.json').then((t) => {
      const list = JSON.parse(t) as { id: string; name?: string; license?: string; file: string }[];
      return Promise.all(list.map(async (f) => ({ id: f.id, name: f.name ?? f.id, license: f.license ?? '', bytes: await fetchBytes(`fonts/${f.file}`) })));
    });
    const materialsP = fetchText('materials/materials.json');
    const printersP = this.fullIndex().then((ix) => Promise.all(ix.printers.map((f) => fetchText(`printers/${f}`))));
    const [fonts, materialsJson, printersJson] = await Promise.all([fontsP, materialsP, printersP]);
    return { fonts, materialsJson, printersJson };
  }

  async openDesign(): Promise<OpenedFile | null> {
    const f = await pickFile('.json,.atelier.json,.3mf');
    if (!f) return null;
    this.remember(f.name);
    return { path: f.name, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
  }

  openRecent(path: string): Promise<OpenedFile | null> {
    // A browser cannot reopen a file by name without the user picking it again.
    void path;
    return this.openDesign();
  }

  recentDesigns(): Promise<RecentItem[]> {
    try {
      const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as RecentItem[];
      return Promise.resolve(Array.isArray(v) ? v.slice(0, 10) : []);
    } catch {
      return Promise.resolve([]);
    }
  }

  private remember(name: string): void {
    try {
      const list = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as RecentItem[];
      const next = [{ path: name, name, openedAt: Date.now() }, ...list.filter((r) => r.path !== name)].slice(0, 10);
      localStorage.setItem(RECENT_KEY, JSON.stringify(next));
    } catch {
      // storage may be unavailable (private mode); recent designs are a convenience
    }
  }

  async save(req: SaveRequest): Promise<SaveResult> {
    const name = await saveBytes(req.path ?? req.suggestedName, req.bytes, req.kind, req.path === undefined);
    if (name && req.kind === 'design') this.remember(name);
    return { path: name };
  }

  async openModelFile(): Promise<ModelSource | null> {
    const picked = await pickFileHandle('.json');
    if (!picked) return null;
    const file = await picked.getFile();
    this.watch(picked, file.lastModified);
    return { origin: file.name, text: await file.text(), assets: {} };
  }

  /**
   * Designer mode in a browser: polls the picked file. With the File System Access API the handle yields the
   * file's current contents; a plain <input type=file> snapshot cannot see later edits (Chromium refuses to read it).
   */
  private watch(handle: FileHandleLike, lastModified: number): void {
    if (this.watched) clearInterval(this.watched.timer);
    const w = { handle, lastModified, timer: 0 };
    w.timer = window.setInterval(() => {
      void w.handle
        .getFile()
        .then(async (f) => {
          if (f.lastModified === w.lastModified) return;
          w.lastModified = f.lastModified;
          const text = await f.text();
          this.listeners.model.forEach((cb) => cb({ origin: f.name, text, assets: {} }));
        })
        .catch(() => undefined);
    }, 1000);
    this.watched = w;
  }

  /**
   * The slicer's figures from the serving process (`atelier serve`: POST api/slice), or `no-slicer` where it has no
   * slicer or no such endpoint (a static server). A newer call supersedes an older one still waiting.
   */
  async slicerAvailable(): Promise<boolean> {
    await this.fullIndex().catch(() => undefined);
    return this.canSlice;
  }

  async sliceDesign(req: SliceRequest): Promise<SliceAnswer> {
    this.slicing?.abort();
    if (!(await this.slicerAvailable())) return { status: 'no-slicer' };
    const mine = new AbortController();
    this.slicing = mine;
    const url = new URL('api/slice', document.baseURI);
    url.searchParams.set('printer', req.printerId);
    url.searchParams.set('filaments', JSON.stringify(req.filaments));
    let r: Response;
    try {
      r = await fetch(url.href, { method: 'POST', headers: { 'Content-Type': 'model/3mf' }, body: req.bytes as Uint8Array<ArrayBuffer>, signal: mine.signal });
    } catch (e) {
      if (mine.signal.aborted) return { status: 'superseded' };
      throw new Error('The slicer could not be reached.', { cause: e });
    } finally {
      if (this.slicing === mine) this.slicing = null;
    }
    if (r.status === 503) return { status: 'no-slicer' };
    if (!(r.headers.get('content-type') ?? '').startsWith('application/json')) {
      // not our endpoint (404/405 from a static server, a dev server's page): this server cannot slice
      this.canSlice = false;
      return { status: 'no-slicer' };
    }
    const body = (await r.json().catch(() => null)) as (SliceAnswer & { error?: string }) | null;
    if (!r.ok || !body || typeof body.status !== 'string') throw new Error(body?.error ?? `The slicer answered HTTP ${r.status}.`);
    return body;
  }

  onCommand(cb: (cmd: MenuCommand) => void): () => void {
    this.listeners.command.add(cb);
    return () => this.listeners.command.delete(cb);
  }
  onOpenFile(cb: (file: OpenedFile) => void): () => void {
    this.listeners.open.add(cb);
    return () => this.listeners.open.delete(cb);
  }
  onModelFileChanged(cb: (src: ModelSource) => void): () => void {
    this.listeners.model.add(cb);
    return () => this.listeners.model.delete(cb);
  }
}
