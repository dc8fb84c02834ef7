// The host as a kiosk customer may use it: no file dialogs of any kind (open, recent, designer mode), and saving
// only when the kiosk has an export folder (the desktop host then writes there without asking). Every component
// reaches files through AppState.host, so this one wrapper covers them all, including ones added later.
import type { Host } from '../../../core/host';

const NO_DIALOG = new Set<PropertyKey>(['openDesign', 'openRecent', 'openModelFile']);

export function kioskHost(host: Host, canSave: () => boolean, refusal: () => string): Host {
  return new Proxy(host, {
    get(target, prop) {
      if (NO_DIALOG.has(prop)) return () => Promise.resolve(null);
      if (prop === 'save') return canSave() ? target.save.bind(target) : () => Promise.reject(new Error(refusal()));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
