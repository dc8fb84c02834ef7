// The host's messages reach the window in the customer's language (issue 15's new kiosk and hand-off messages
// among them): every code main/ sends (hostError, main/ipc.ts) has a sentence in English and Portuguese with the
// same placeholders; a coded failure crosses IPC with its code and params, the preload bridge and the renderer's
// host keep them, and the UI says it in Portuguese with the locale's numbers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/ui/i18n/en';
import { ptBR } from '../../renderer/ui/i18n/pt-BR';
import { cleanMessage, dispatch, type HostHandlers } from '../../main/ipc';
import { hostError } from '../../main/messages';
import { createElectronHost, hostFailure } from '../../renderer/host/electron-host';
import { formatMessage, type Words } from '../../renderer/ui/i18n/format-message';
import { hostSentenceCode } from '../../renderer/ui/i18n/host-en';
import { HOST_CHANNELS, type Host } from '../../core/host';

const MAIN = path.resolve(import.meta.dirname, '../../main');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function mainCodes(): Set<string> {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = readFileSync(f, 'utf8');
        for (const m of text.matchAll(/hostError\(\s*'([\w.]+)'/g)) out.add(`host.${m[1]}`);
        for (const m of text.matchAll(/hostError\(\s*[^'][^,]*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g)) out.add(`host.${m[1]}`).add(`host.${m[2]}`);
        for (const m of text.matchAll(/'(host\.[\w.]+)'/g)) out.add(m[1]!);
      }
    }
  };
  walk(MAIN);
  return out;
}

const words = (cat: Record<string, string>, locale: string): Words => ({
  locale,
  say: (k, vars) => (k in cat ? cat[k]!.replace(/\{(\w+)\}/g, (m, n: string) => vars?.[n] ?? m) : null),
});

describe('host messages in every language', () => {
  it('every code main/ sends has an English and a Portuguese sentence with the same placeholders', () => {
    const codes = mainCodes();
    expect(codes.size).toBeGreaterThanOrEqual(18);
    expect(codes).toContain('host.kioskNoPin');
    expect(codes).toContain('host.handoffPublicOnly');
    const cEn = en as Record<string, string>;
    const cPt = ptBR as Record<string, string>;
    for (const c of codes) {
      expect(cEn[c], `${c} in en.ts`).toBeTypeOf('string');
      expect(cPt[c], `${c} in pt-BR.ts`).toBeTypeOf('string');
      expect(placeholders(cPt[c]!), c).toEqual(placeholders(cEn[c]!));
    }
  });

  it('a coded failure keeps its code across IPC, the bridge and the renderer host, and is said in Portuguese', async () => {
    const h = {} as Record<string, () => Promise<unknown>>;
    for (const k of Object.keys(HOST_CHANNELS)) h[k] = () => Promise.reject(hostError('pinLocked', 'Too many wrong PINs. Try again in 30 s.', { seconds: 30 }));
    const reply = await dispatch(h as unknown as HostHandlers, 'verifyStaffPin', { url: 'atelier://app/index.html', parent: null }, ['1234']);
    expect(reply).toEqual({ error: 'Too many wrong PINs. Try again in 30 s.', code: 'host.pinLocked', params: { seconds: 30 } });
    // what main/preload.ts rejects with for a coded reply (plain data: it survives the context bridge)
    const r = reply as { error: string; code: string; params: Record<string, unknown> };
    const bridge = { verifyStaffPin: () => Promise.reject({ message: r.error, code: r.code, params: r.params }) } as unknown as Host;
    const host = createElectronHost({ ...bridge, info: () => Promise.resolve(), listCatalog: () => Promise.resolve() } as unknown as Host);
    const err = (await host.verifyStaffPin!('1234').catch((e: unknown) => e)) as Error & { problems: { message: string; code: string }[] };
    expect(err).toBeInstanceOf(Error);
    expect(err.problems[0]!.code).toBe('host.pinLocked');
    expect(formatMessage(err.problems[0]!, 'mm', words(ptBR as Record<string, string>, 'pt-BR'))).toBe('PINs errados demais. Tente de novo em 30 s.');
    expect(formatMessage(err.problems[0]!, 'mm', words(en as Record<string, string>, 'en'))).toBe('Too many wrong PINs. Try again in 30 s.');
  });

  it('an uncoded or an internal failure still reads as a sentence, in Portuguese where the host always says it the same way', async () => {
    expect(hostFailure(new Error('x')).message).toBe('x');
    for (const errno of ['ENOENT', 'EACCES', 'ENOSPC', 'EISDIR']) {
      expect(hostSentenceCode(cleanMessage(Object.assign(new Error('raw'), { code: errno }))), `${errno}: the window knows the sentence`).toMatch(/^host\./);
    }
    expect(hostFailure({ message: 'y' }).message).toBe('y');
    const h = { info: () => Promise.reject(new TypeError('boom at line 3')) } as unknown as HostHandlers;
    const reply = await dispatch(h, 'info', { url: 'atelier://app/index.html', parent: null }, []);
    expect(reply).toEqual({ error: 'Something went wrong in Atelier. The details are in its log.' });
    // the fixed sentences go without a code (the reply keeps its shape) and the renderer knows them by their words
    expect(hostSentenceCode((reply as { error: string }).error)).toBe('host.internal');
    const refused = (await dispatch(h, 'info', { url: 'https://evil.example/', parent: null }, [])) as { error: string };
    const said = formatMessage({ message: refused.error, code: hostSentenceCode(refused.error)! }, 'mm', words(ptBR as Record<string, string>, 'pt-BR'));
    expect(said).toBe('Este pedido não veio da janela do Atelier.');
  });
});
