// The IPC wrapper with the real validators from core/host.ts: wrong sender frames and bad payloads are refused
// before any handler runs; handler failures come back as clean messages.
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { HOST_CHANNELS } from '../core/host';
import { cleanMessage, dispatch, isTrustedSender, registerHostIpc, type HostCall, type HostHandlers } from './ipc';

const main = { url: 'atelier://app/index.html', parent: null };

function handlers(calls: string[]): HostHandlers {
  const h = {} as Record<HostCall, (...a: unknown[]) => Promise<unknown>>;
  for (const k of Object.keys(HOST_CHANNELS) as HostCall[]) {
    h[k] = async (...a: unknown[]) => {
      calls.push(k);
      return { call: k, args: a };
    };
  }
  return h as HostHandlers;
}

describe('isTrustedSender', () => {
  it('accepts only the main frame of atelier://app', () => {
    expect(isTrustedSender(main)).toBe(true);
    expect(isTrustedSender({ url: 'atelier://app/#/product/mug', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'atelier://app/index.html', parent: main })).toBe(false);
    expect(isTrustedSender({ url: 'atelier://assets/models/x.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'atelier://app.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: '', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('dispatch', () => {
  it('runs valid calls and returns their value', async () => {
    const calls: string[] = [];
    const h = handlers(calls);
    expect(await dispatch(h, 'loadCatalogModel', main, ['mug'])).toEqual({ value: { call: 'loadCatalogModel', args: ['mug'] } });
    const req = { suggestedName: 'mug.atelier.json', bytes: new Uint8Array([1, 2]), kind: 'design' };
    expect(await dispatch(h, 'save', main, [req])).toEqual({ value: { call: 'save', args: [req] } });
    expect(calls).toEqual(['loadCatalogModel', 'save']);
  });

  it('refuses a wrong sender frame without calling the handler', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const r = await dispatch(handlers(calls), 'info', { url: 'https://evil.example/', parent: null }, [], (m) => logs.push(m));
    expect(r).toEqual({ error: 'This request did not come from the Atelier window.' });
    expect(await dispatch(handlers(calls), 'info', { url: 'atelier://app/', parent: main }, [])).toHaveProperty('error');
    expect(calls).toEqual([]);
    expect(logs[0]).toContain('evil.example');
  });

  it('refuses bad payloads with the validator message', async () => {
    const calls: string[] = [];
    const h = handlers(calls);
    const bad: [HostCall, unknown[], RegExp][] = [
      ['info', [1], /no arguments/],
      ['loadCatalogModel', ['../etc/passwd'], /model id/],
      ['loadCatalogModel', [], /model id/],
      ['loadCatalogModel', [{ toString: () => 'mug' }], /model id/],
      ['openRecent', [''], /path/],
      ['save', [{ suggestedName: '../x', bytes: new Uint8Array(1), kind: 'stl' }], /suggestedName/],
      ['save', [{ suggestedName: 'x.stl', bytes: [1, 2], kind: 'stl' }], /Uint8Array/],
      ['save', [{ suggestedName: 'x.exe', bytes: new Uint8Array(1), kind: 'exe' }], /kind/],
      ['save', [{ suggestedName: 'x.stl', bytes: new Uint8Array(1), kind: 'stl', path: 42 }], /path/],
      ['save', [null], /request object/],
      ['startHandoff', [{ title: 'Mug', glb: new Uint8Array(0), usdz: new Uint8Array(1) }], /glb/],
      ['verifyStaffPin', ['12ab'], /PIN/],
      ['updateKioskSettings', ['1234', { __proto__: null, enabled: 'yes' }], /enabled/],
      ['updateKioskSettings', ['1234', { idleSeconds: 5 }], /idleSeconds/],
      ['updateKioskSettings', ['1234', { isAdmin: true }], /unknown setting/],
      ['updateKioskSettings', ['1234', { products: ['../x'] }], /products/],
    ];
    for (const [call, args, msg] of bad) {
      const r = await dispatch(h, call, main, args);
      expect(r, `${call} ${JSON.stringify(args)}`).toHaveProperty('error');
      expect((r as { error: string }).error).toMatch(msg);
    }
    expect(calls).toEqual([]);
  });

  it('turns handler errors into clean messages without stacks', async () => {
    const h = handlers([]);
    h.loadCatalogModel = async () => {
      throw new UserError([{ message: 'mug.model.json:3:5: unknown parameter type "slidr"' }]);
    };
    h.openRecent = async () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, open '/home/a/x.atelier.json'"), { code: 'ENOENT' });
    };
    h.info = async () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    expect(await dispatch(h, 'loadCatalogModel', main, ['mug'])).toEqual({ error: 'mug.model.json:3:5: unknown parameter type "slidr"' });
    expect(await dispatch(h, 'openRecent', main, ['/home/a/x.atelier.json'])).toEqual({ error: 'The file was not found.' });
    expect(await dispatch(h, 'info', main, [])).toEqual({ error: 'Something went wrong in Atelier. The details are in its log.' });
    expect(cleanMessage(42)).toBe('Something went wrong in Atelier. The details are in its log.');
    expect(cleanMessage(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('The disk is full.');
  });
});

describe('registerHostIpc', () => {
  it('registers one handler per channel and removes them all', async () => {
    const registered = new Map<string, (e: unknown, ...a: unknown[]) => Promise<unknown>>();
    const ipc = {
      handle: (ch: string, fn: (e: unknown, ...a: unknown[]) => Promise<unknown>) => void registered.set(ch, fn),
      removeHandler: (ch: string) => void registered.delete(ch),
    };
    const dispose = registerHostIpc(ipc as never, handlers([]));
    expect([...registered.keys()].sort()).toEqual(Object.values(HOST_CHANNELS).sort());
    const r = await registered.get(HOST_CHANNELS.loadCatalogModel)!({ senderFrame: main }, 'mug');
    expect(r).toEqual({ value: { call: 'loadCatalogModel', args: ['mug'] } });
    expect(await registered.get(HOST_CHANNELS.info)!({ senderFrame: null })).toHaveProperty('error');
    dispose();
    expect(registered.size).toBe(0);
  });
});
