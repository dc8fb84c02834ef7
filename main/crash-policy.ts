// What to do when the renderer process dies: reload after a growing pause, and after too many crashes in a
// short time stop and show a page that says what happened (a kiosk must not hot-loop on a renderer that
// crashes while loading). Pure: the clock and the page's language are passed in; no Electron import.

/** `give-up` comes once (show the crash page); after it, `stay` (leave that page alone). */
export type CrashAction = { action: 'reload'; delayMs: number } | { action: 'give-up' } | { action: 'stay' };

export interface CrashPolicyOptions {
  /** Crashes within `windowMs` that make us give up. */
  maxCrashes?: number;
  windowMs?: number;
  /** First pause before a reload; doubled for each further crash in the window. */
  firstDelayMs?: number;
}

export class RendererCrashPolicy {
  private times: number[] = [];
  private gaveUp = false;
  private readonly max: number;
  private readonly windowMs: number;
  private readonly firstDelay: number;

  constructor(o: CrashPolicyOptions = {}) {
    this.max = o.maxCrashes ?? 4;
    this.windowMs = o.windowMs ?? 120_000;
    this.firstDelay = o.firstDelayMs ?? 1_000;
  }

  /** Called on each crash (`now` in ms): reload after the returned pause, or give up. */
  crashed(now: number): CrashAction {
    if (this.gaveUp) return { action: 'stay' };
    this.times = this.times.filter((t) => now - t < this.windowMs);
    this.times.push(now);
    if (this.times.length >= this.max) {
      this.gaveUp = true;
      return { action: 'give-up' };
    }
    return { action: 'reload', delayMs: this.firstDelay * 2 ** (this.times.length - 1) };
  }
}

const WORDS = {
  en: {
    lang: 'en',
    title: 'Atelier stopped',
    body: 'The Atelier window stopped working several times in a row, so it was not restarted again.',
    what: 'Quit Atelier and open it again. If this keeps happening, restart the computer or ask the staff.',
    detail: 'Reason reported by the system:',
  },
  'pt-BR': {
    lang: 'pt-BR',
    title: 'O Atelier parou',
    body: 'A janela do Atelier parou de funcionar várias vezes seguidas e por isso não foi reiniciada de novo.',
    what: 'Feche o Atelier e abra-o novamente. Se continuar acontecendo, reinicie o computador ou chame a equipe.',
    detail: 'Motivo informado pelo sistema:',
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page shown after giving up, in the system's language (Portuguese for any `pt*`, else English). */
export function crashPageHtml(locale: string, reason: string): string {
  const w = /^pt\b/i.test(locale) ? WORDS['pt-BR'] : WORDS.en;
  return `<!doctype html><html lang="${w.lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${w.title}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;background:#f4f2ee;color:#1d1b18;display:grid;place-items:center;min-height:100vh;margin:0}main{max-width:36em;padding:2em}h1{font-size:1.6em}code{background:#e6e1d8;padding:.1em .3em}</style></head>
<body><main><h1>${w.title}</h1><p>${w.body}</p><p>${w.what}</p><p>${w.detail} <code>${escape(reason)}</code></p></main></body></html>`;
}

/** The page as a URL the window can load without the app's protocol (which may be what is failing). */
export function crashPageUrl(locale: string, reason: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(crashPageHtml(locale, reason))}`;
}
