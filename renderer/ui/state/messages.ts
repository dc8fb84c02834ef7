// An error as the customer reads it: coded problems (core's and the host's) in the customer's language, the
// English sentence where there is no code. Used by the app state and the dialogs; imports i18n only.
import type { Problem } from '../../../core/errors';
import { message as describe } from '../i18n/content';
import { hostSentenceCode } from '../i18n/host-en';

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && Array.isArray((e as { problems?: unknown }).problems)) {
    const ps = (e as { problems: Problem[] }).problems;
    if (ps.length) return ps.map((p) => describe(p, 'mm')).join(' ');
  }
  const text = e instanceof Error ? e.message : String(e);
  const code = hostSentenceCode(text);
  return code ? describe({ message: text, code }, 'mm') : text;
}

export function problemsOf(e: unknown): Problem[] {
  if (e && typeof e === 'object' && Array.isArray((e as { problems?: unknown }).problems)) return (e as { problems: Problem[] }).problems;
  return [{ message: messageOf(e) }];
}

export function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
