// Picks the host the renderer runs in: Electron's preload bridge if present, the browser host otherwise.
// The UI reaches files, catalog and menus only through the Host returned here.
import type { Host } from '../../core/host';
import { createElectronHost, electronBridge } from './electron-host';
import { WebHost } from './web';

export function createHost(): Host {
  const bridge = electronBridge();
  return bridge ? createElectronHost(bridge) : new WebHost();
}
export type { Host };
