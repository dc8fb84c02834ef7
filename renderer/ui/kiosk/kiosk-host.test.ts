import { describe, expect, it } from 'vitest';
import type { Host, SaveRequest } from '../../../core/host';
import { kioskHost } from './kiosk-host';

/** A host whose every call is recorded; a class, like the web host, so methods live on the prototype. */
class FakeHost {
  calls: string[] = [];
  openDesign() { this.calls.push('openDesign'); return Promise.resolve({ path: 'x', name: 'x', bytes: new Uint8Array() }); }
  openRecent() { this.calls.push('openRecent'); return Promise.resolve({ path: 'x', name: 'x', bytes: new Uint8Array() }); }
  openModelFile() { this.calls.push('openModelFile'); return Promise.resolve({ origin: 'x', text: '', assets: {} }); }
  save(r: SaveRequest) { this.calls.push(`save:${r.suggestedName}`); return Promise.resolve({ path: `/usb/${r.suggestedName}` }); }
  listCatalog() { this.calls.push('listCatalog'); return Promise.resolve([]); }
  startHandoff() { this.calls.push('startHandoff'); return Promise.resolve({ url: 'http://x', qrSvg: '', expiresAt: 0 }); }
}

const req: SaveRequest = { suggestedName: 'mug.3mf', bytes: new Uint8Array([1]), kind: '3mf' };

describe('kiosk host guard', () => {
  it('opens no file dialogs', async () => {
    const fake = new FakeHost();
    const h = kioskHost(fake as unknown as Host, { canSave: () => true, inUse: () => true, refusal: () => 'no' });
    expect(await h.openDesign()).toBeNull();
    expect(await h.openRecent('/home/x.atelier.json')).toBeNull();
    expect(await h.openModelFile()).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('saves only while the kiosk has an export folder, and says why not otherwise', async () => {
    const fake = new FakeHost();
    let folder = false;
    const h = kioskHost(fake as unknown as Host, { canSave: () => folder, inUse: () => true, refusal: () => 'Files are not saved on this kiosk.' });
    await expect(h.save(req)).rejects.toThrow('Files are not saved on this kiosk.');
    folder = true;
    expect(await h.save(req)).toEqual({ path: '/usb/mug.3mf' });
    expect(fake.calls).toEqual(['save:mug.3mf']);
  });

  it('saves and hands off nothing between customers (an export finishing after a reset)', async () => {
    const fake = new FakeHost();
    let inUse = false;
    const h = kioskHost(fake as unknown as Host, { canSave: () => true, inUse: () => inUse, refusal: () => 'no' });
    const glb = new Uint8Array([1]);
    await expect(h.save(req)).rejects.toThrow('no');
    await expect(h.startHandoff!({ title: 'x', glb, usdz: glb })).rejects.toThrow('no');
    inUse = true;
    await h.save(req);
    expect((await h.startHandoff!({ title: 'x', glb, usdz: glb })).url).toBe('http://x');
    expect(fake.calls).toEqual(['save:mug.3mf', 'startHandoff']);
  });

  it('passes other calls through, bound to the host, and keeps absent optional calls absent', async () => {
    const fake = new FakeHost();
    const h = kioskHost(fake as unknown as Host, { canSave: () => false, inUse: () => true, refusal: () => 'no' });
    const list = h.listCatalog;
    expect(await list()).toEqual([]);
    expect(fake.calls).toEqual(['listCatalog']);
    const bare = kioskHost({ info: () => Promise.resolve(null) } as unknown as Host, { canSave: () => true, inUse: () => true, refusal: () => 'no' });
    expect(typeof bare.startHandoff).toBe('undefined');
    expect(typeof bare.kioskReset).toBe('undefined');
  });
});
