// Which files the OS asked Atelier to open: from argv (Windows, Linux, second instance) or macOS `open-file`.
// Pure Node path logic; only `.atelier.json` designs and `.3mf` files are accepted.
import path from 'node:path';

export const OPENABLE_SUFFIXES = ['.atelier.json', '.3mf'] as const;

export function isOpenableFile(p: string): boolean {
  const lower = p.toLowerCase();
  return OPENABLE_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length);
}

/**
 * Files to open from a command line. Skips the executable and app path, switches (`--kiosk`, Chromium's
 * `--flag=value`), and anything that is not a design; resolves relative paths against `cwd`.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') || !isOpenableFile(a)) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) continue; // URLs are not files
    const abs = path.resolve(cwd, a);
    if (!out.includes(abs)) out.push(abs);
  }
  return out;
}

/** True if the command line asks for kiosk mode. */
export function hasKioskFlag(argv: readonly string[]): boolean {
  return argv.includes('--kiosk');
}

/** Holds file-open requests until the window is ready to receive them, then delivers in order. */
export class OpenQueue {
  private pending: string[] = [];
  private deliver: ((file: string) => void) | null = null;

  push(file: string): void {
    if (this.deliver) this.deliver(file);
    else this.pending.push(file);
  }

  ready(deliver: (file: string) => void): void {
    this.deliver = deliver;
    const files = this.pending;
    this.pending = [];
    files.forEach(deliver);
  }

  pause(): void {
    this.deliver = null;
  }
}
