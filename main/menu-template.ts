// The application menu as a pure function of (platform, recent designs, kiosk, dev): plain Electron menu
// templates whose clicks call the given actions (which send MenuCommands to the renderer). Imports only types
// from Electron, so Node tests build and click it. Kiosk mode has no menu at all.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentItem } from '../core/host';

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: readonly RecentItem[];
  kiosk: boolean;
  /** Development build: adds Reload and Developer Tools. */
  dev: boolean;
  appName: string;
}

export interface MenuActions {
  command(cmd: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

type Item = MenuItemConstructorOptions;

/** Returns the menu template, or null when the window must have no menu (kiosk). */
export function buildMenuTemplate(o: MenuOptions, a: MenuActions): Item[] | null {
  if (o.kiosk) return null;
  const mac = o.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): Item => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => a.command(command),
  });
  const sep: Item = { type: 'separator' };

  const recentItems: Item[] = o.recent.map((r) => ({ label: r.name, sublabel: r.path, click: () => a.openRecent(r.path) }));
  const openRecent: Item = {
    label: 'Open Recent',
    submenu: recentItems.length
      ? [...recentItems, sep, { label: 'Clear Recently Opened', click: () => a.clearRecent() }]
      : [{ label: 'No Recent Designs', enabled: false }],
  };

  const file: Item = {
    label: 'File',
    submenu: [
      cmd('New Design', 'new', 'CmdOrCtrl+N'),
      cmd('Open…', 'open', 'CmdOrCtrl+O'),
      openRecent,
      cmd('Open Model File…', 'open-model-file', 'CmdOrCtrl+Shift+O'),
      sep,
      cmd('Save', 'save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      cmd('Export…', 'export', 'CmdOrCtrl+E'),
      sep,
      mac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
    ],
  };

  // Undo/Redo go to the design's history; the renderer forwards them to a focused text field instead.
  const edit: Item = {
    label: 'Edit',
    submenu: [
      cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('Redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y'),
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: Item = {
    label: 'View',
    submenu: [
      cmd('Toggle Millimetres / Inches', 'toggle-units', 'CmdOrCtrl+U'),
      cmd('Save Screenshot…', 'screenshot', 'CmdOrCtrl+Shift+P'),
      sep,
      ...(o.dev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, sep] satisfies Item[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: Item = {
    role: 'help',
    submenu: [cmd(`About ${o.appName}`, 'about')],
  };

  const template: Item[] = [file, edit, view];
  if (mac) {
    template.unshift({
      label: o.appName,
      submenu: [cmd(`About ${o.appName}`, 'about'), sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    });
    template.push({ role: 'windowMenu' });
  }
  template.push(help);
  return template;
}
