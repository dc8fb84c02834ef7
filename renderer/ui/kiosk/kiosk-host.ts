// The host as a kiosk customer may use it: no file dialogs of any kind (open, recent, designer mode), and saving
// only when the kiosk has an export folder (the desktop host then writes there without asking). Between customers
// (attract screen, reset) nothing is saved or handed off, so an export still running when the kiosk reset cannot
// leave the previous customer's design behind. Every component reaches files through AppState.host, so this one
// wrapper covers them all, including ones added later.
import type { Host } from '../../../core/host';

const NO_DIALOG = new Set<PropertyKey>(['openDesign', 'openRecent', 'openModelFile']);

export interface KioskHostRules {
  /** The kiosk has an export folder. */
  canSave(): boolean;
  /** A customer is using the kiosk (not the attract screen, not resetting). */
  inUse(): boolean;
  /** The message when saving is refused. */
  refusal(): string;
}

export function kioskHost(host: Host, rules: KioskHostRules): Host {
  return new Proxy(host, {
    get(target, prop) {
      if (NO_DIALOG.has(prop)) return () => Promise.resolve(null);
      if (prop === 'save') return rules.canSave() && rules.inUse() ? target.save.bind(target) : () => Promise.reject(new Error(rules.refusal()));
      const v: unknown = Reflect.get(target, prop, target);
      if (prop === 'startHandoff' && typeof v === 'function') {
        return (...a: unknown[]) => (rules.inUse() ? (v as (...x: unknown[]) => unknown).apply(target, a) : Promise.reject(new Error(rules.refusal())));
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
