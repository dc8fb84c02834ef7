// Recent designs: the last 10 opened or saved design files, newest first, persisted as recent.json in userData.
// Node only (no Electron): the menu and the Host's recentDesigns() read it.
import path from 'node:path';
import type { RecentItem } from '../core/host';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';

export const MAX_RECENT = 10;

/** Pure: `item` moved to the front, duplicates (same path) removed, at most MAX_RECENT kept. */
export function addRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...list.filter((r) => r.path !== item.path)].slice(0, MAX_RECENT);
}

/** Pure: keeps only well-formed entries from whatever was on disk. */
export function sanitizeRecent(data: unknown): RecentItem[] {
  const items = isRecord(data) && Array.isArray(data.items) ? data.items : [];
  const out: RecentItem[] = [];
  for (const r of items) {
    if (!isRecord(r) || typeof r.path !== 'string' || r.path.length === 0 || r.path.length > 4096) continue;
    if (typeof r.openedAt !== 'number' || !Number.isFinite(r.openedAt)) continue;
    if (out.some((o) => o.path === r.path)) continue;
    out.push({ path: r.path, name: typeof r.name === 'string' ? r.name : path.basename(r.path), openedAt: r.openedAt });
  }
  return out.slice(0, MAX_RECENT);
}

export class RecentDesigns {
  private items: RecentItem[] = [];
  private constructor(private readonly file: string) {}

  static async load(userDataDir: string): Promise<RecentDesigns> {
    const r = new RecentDesigns(path.join(userDataDir, 'recent.json'));
    r.items = sanitizeRecent(await readJsonFile(r.file));
    return r;
  }

  list(): RecentItem[] {
    return this.items.map((i) => ({ ...i }));
  }

  async add(filePath: string, now = Date.now()): Promise<RecentItem[]> {
    this.items = addRecent(this.items, { path: filePath, name: path.basename(filePath), openedAt: now });
    await this.persist();
    return this.list();
  }

  async remove(filePath: string): Promise<RecentItem[]> {
    this.items = this.items.filter((i) => i.path !== filePath);
    await this.persist();
    return this.list();
  }

  async clear(): Promise<void> {
    this.items = [];
    await this.persist();
  }

  private persist(): Promise<void> {
    return writeJsonFile(this.file, { version: 1, items: this.items });
  }
}
