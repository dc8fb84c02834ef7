// Menu templates for each platform, with and without recent designs, in kiosk mode; clicking items sends commands.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/host';
import { buildMenuTemplate, type MenuOptions } from './menu-template';

type Item = MenuItemConstructorOptions;
const base: MenuOptions = { platform: 'linux', recent: [], kiosk: false, dev: false, appName: 'Atelier' };

function setup(o: Partial<MenuOptions> = {}) {
  const sent: (MenuCommand | string)[] = [];
  const t = buildMenuTemplate({ ...base, ...o }, {
    command: (c) => sent.push(c),
    openRecent: (p) => sent.push(`recent:${p}`),
    clearRecent: () => sent.push('clear-recent'),
  });
  return { t, sent };
}
const sub = (i: Item | undefined) => (i?.submenu ?? []) as Item[];
const find = (items: Item[], label: string) => items.find((i) => i.label === label);
const click = (i: Item | undefined) => (i!.click as () => void)();
/** All items, flattened. */
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(sub(i))]);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Help with the usual shortcuts on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { t, sent } = setup({ platform });
      expect(t!.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'help']);
      const file = sub(t![0]);
      const acc = Object.fromEntries(file.filter((i) => i.label).map((i) => [i.label, i.accelerator]));
      expect(acc).toMatchObject({ 'New Design': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', Save: 'CmdOrCtrl+S', 'Save As…': 'CmdOrCtrl+Shift+S', 'Export…': 'CmdOrCtrl+E' });
      expect(find(sub(t![1]), 'Redo')!.accelerator).toBe('Ctrl+Y');
      expect(file.at(-1)).toMatchObject({ role: 'quit' });
      for (const label of ['New Design', 'Open…', 'Save', 'Save As…', 'Export…', 'Open Model File…']) click(find(file, label));
      click(find(sub(t![1]), 'Undo'));
      click(find(sub(t![1]), 'Redo'));
      click(sub(t![3])[0]);
      expect(sent).toEqual(['new', 'open', 'save', 'save-as', 'export', 'open-model-file', 'undo', 'redo', 'about']);
    }
  });

  it('adds the app menu and Window menu on macOS, with Cmd+Shift+Z for redo', () => {
    const { t } = setup({ platform: 'darwin' });
    expect(t!.map((i) => i.label ?? i.role)).toEqual(['Atelier', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(sub(t![0]).map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(find(sub(t![2]), 'Redo')!.accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(sub(t![1]).at(-1)).toMatchObject({ role: 'close' });
  });

  it('lists recent designs, opens them and clears the list', () => {
    const recent = [
      { path: '/home/ada/mug.atelier.json', name: 'mug.atelier.json', openedAt: 2 },
      { path: '/home/ada/plate.3mf', name: 'plate.3mf', openedAt: 1 },
    ];
    const { t, sent } = setup({ recent });
    const open = sub(find(sub(t![0]), 'Open Recent'));
    expect(open.map((i) => i.label ?? i.type)).toEqual(['mug.atelier.json', 'plate.3mf', 'separator', 'Clear Recently Opened']);
    click(open[1]);
    click(open[3]);
    expect(sent).toEqual(['recent:/home/ada/plate.3mf', 'clear-recent']);
    const empty = sub(find(sub(setup().t![0]), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Designs', enabled: false }]);
  });

  it('has developer tools only in development builds', () => {
    expect(all(setup().t!).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(all(setup({ dev: true }).t!).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('has no menu in kiosk mode', () => {
    expect(setup({ kiosk: true }).t).toBeNull();
    expect(setup({ kiosk: true, platform: 'darwin' }).t).toBeNull();
  });

  it('uses no accelerator twice', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const accs = all(setup({ platform }).t!).map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accs).size, platform).toBe(accs.length);
    }
  });
});
