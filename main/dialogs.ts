// Electron glue: the OS open/save dialogs behind HostDialogs. Never used in kiosk mode (host-service refuses first).
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import path from 'node:path';
import type { SaveRequest } from '../core/host';
import type { HostDialogs } from './host-service';

const SAVE_FILTERS: Record<SaveRequest['kind'], FileFilter> = {
  design: { name: 'Atelier design', extensions: ['atelier.json'] },
  stl: { name: 'STL mesh', extensions: ['stl'] },
  '3mf': { name: '3MF print job', extensions: ['3mf'] },
  glb: { name: 'glTF binary', extensions: ['glb'] },
  usdz: { name: 'USDZ (AR Quick Look)', extensions: ['usdz'] },
  png: { name: 'PNG image', extensions: ['png'] },
};

export function electronDialogs(win: () => BrowserWindow | null): HostDialogs {
  const first = (r: Electron.OpenDialogReturnValue) => (r.canceled ? null : (r.filePaths[0] ?? null));
  const parent = () => win() ?? undefined;
  return {
    async openDesign() {
      const opts: Electron.OpenDialogOptions = {
        title: 'Open Design',
        properties: ['openFile'],
        filters: [{ name: 'Atelier designs (.atelier.json, .3mf)', extensions: ['json', '3mf'] }],
      };
      const w = parent();
      return first(w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts));
    },
    async openModelFile() {
      const opts: Electron.OpenDialogOptions = { title: 'Open Model File', properties: ['openFile'], filters: [{ name: 'Atelier model (.model.json)', extensions: ['json'] }] };
      const w = parent();
      return first(w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts));
    },
    async saveAs(suggestedName, kind) {
      const opts: Electron.SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [SAVE_FILTERS[kind]] };
      const w = parent();
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
