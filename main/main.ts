// Electron main process entry (bundled to dist/main/main.cjs): single instance, kiosk switch, the window,
// the menu, IPC and files opened from the OS. Only wiring lives here; every decision is in a tested module.
// Geometry never runs in this process.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, session } from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { HOST_EVENTS, type MenuCommand } from '../core/host';
import { electronDialogs } from './dialogs';
import { HandoffManager } from './handoff/index';
import { createHostService, type HostService } from './host-service';
import { cleanMessage, registerHostIpc } from './ipc';
import { buildMenuTemplate } from './menu-template';
import { filesFromArgv, hasKioskFlag, OpenQueue } from './open-files';
import { RecentDesigns } from './recent';
import { SettingsStore } from './settings';
import { createMainWindow, currentWindowState, hardenSession, registerAtelierScheme } from './window';
import { crashPageUrl, RendererCrashPolicy } from './crash-policy';
import { relaunchOptions } from './relaunch';
import { loadWindowState, saveWindowStateSync } from './window-state';

const log = (msg: string) => console.error(`[atelier] ${msg}`);
process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

// Same name (menu, userData folder) whether run from a checkout or installed.
app.setName('Atelier');
registerAtelierScheme();
const queue = new OpenQueue();
let win: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv, cwd) => {
    filesFromArgv(argv, cwd).forEach((f) => queue.push(f));
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS delivers double-clicked files as events, possibly before `ready`.
  app.on('open-file', (e, file) => {
    e.preventDefault();
    queue.push(file);
  });
  filesFromArgv(process.argv, process.cwd()).forEach((f) => queue.push(f));
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log(`could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      dialog.showErrorBox('Atelier could not start', cleanMessage(e));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const userData = app.getPath('userData');
  const roots = { app: path.join(appPath, 'dist', 'web'), assets: path.join(appPath, 'assets') };
  const dev = !app.isPackaged;
  const [settings, recent, state] = await Promise.all([SettingsStore.load(userData), RecentDesigns.load(userData), loadWindowState(userData)]);
  const kiosk = hasKioskFlag(process.argv) || settings.get().kiosk.enabled;
  const tempDir = path.join(userData, 'tmp');
  await mkdir(tempDir, { recursive: true });
  hardenSession(session.defaultSession, roots);

  const send = (channel: string, payload: unknown) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
  };
  const command = (cmd: MenuCommand) => send(HOST_EVENTS.command, cmd);
  const service: HostService = createHostService({
    assetsDir: roots.assets,
    assetsUrl: 'atelier://app/assets',
    appVersion: app.getVersion(),
    platform: process.platform,
    kiosk: () => kiosk,
    dialogs: electronDialogs(() => win),
    recent,
    settings,
    handoff: new HandoffManager(() => settings.get().handoff),
    modelFileChanged: (src) => send(HOST_EVENTS.modelFileChanged, src),
    recentChanged: () => setMenu(),
    kioskChanged: (enabled) => {
      // Restart into (or out of) kiosk mode; --kiosk from the command line is dropped when staff leave it.
      app.relaunch(relaunchOptions(process.argv, process.env, enabled));
      quitting = true;
      app.exit(0);
    },
    wipeSession: async () => {
      const ses = session.defaultSession;
      await ses.clearStorageData();
      await ses.clearCache();
      await ses.clearAuthCache();
      clipboard.clear();
      win?.webContents.navigationHistory.clear();
    },
    tempDir,
  });
  registerHostIpc(ipcMain, service.handlers, log);

  const setMenu = () => {
    const t = buildMenuTemplate(
      { platform: process.platform, recent: recent.list(), kiosk, dev, appName: app.getName() },
      {
        command,
        openRecent: (file) => queue.push(file),
        clearRecent: () => void recent.clear().then(setMenu),
      },
    );
    Menu.setApplicationMenu(t ? Menu.buildFromTemplate(t) : null);
  };
  setMenu();

  const open = () => {
    win = createMainWindow({ preload: path.join(__dirname, 'preload.cjs'), state, kiosk, dev });
    win.webContents.once('did-finish-load', () =>
      queue.ready((file) => {
        if (kiosk) return log(`kiosk: ignored file ${file}`); // customers never open files
        service.openFromOs(file).then(
          (opened) => send(HOST_EVENTS.openFile, opened),
          (e: unknown) => void dialog.showMessageBox({ type: 'warning', message: `Atelier could not open ${path.basename(file)}.`, detail: cleanMessage(e) }),
        );
      }),
    );
    win.on('close', (e) => {
      if (kiosk && !quitting) return e.preventDefault(); // a customer cannot close the kiosk
      // Synchronous: the process may quit right after this event, and nothing would await a promise.
      if (!kiosk && win) {
        try {
          saveWindowStateSync(userData, currentWindowState(win));
        } catch (err) {
          log(`could not save the window position: ${String(err)}`);
        }
      }
    });
    win.on('closed', () => {
      queue.pause();
      win = null;
    });
    // A crashed renderer comes back after a growing pause; one that keeps crashing gets a page saying so
    // instead of a hot reload loop (a kiosk would spin for ever).
    const crashes = new RendererCrashPolicy();
    let reloadTimer: NodeJS.Timeout | undefined;
    win.webContents.on('render-process-gone', (_e, d) => {
      log(`renderer gone: ${d.reason}`);
      if (d.reason === 'clean-exit') return;
      const next = crashes.crashed(Date.now());
      clearTimeout(reloadTimer);
      if (next.action === 'reload') {
        reloadTimer = setTimeout(() => {
          if (win && !win.isDestroyed()) win.webContents.reload();
        }, next.delayMs);
      } else if (next.action === 'give-up') {
        log('renderer keeps crashing: showing the crash page');
        void win?.loadURL(crashPageUrl(app.getLocale(), d.reason)).catch((err: unknown) => log(String(err)));
      }
    });
    win.on('unresponsive', () => log('window unresponsive'));
  };
  // No other web contents may be created (webviews are refused; this also catches anything else).
  app.on('web-contents-created', (_e, wc) => {
    wc.setWindowOpenHandler(() => ({ action: 'deny' }));
    wc.on('will-attach-webview', (ev) => ev.preventDefault());
  });
  open();

  app.on('activate', () => {
    if (!win) open();
  });
  app.on('before-quit', () => {
    quitting = true;
    void service.dispose();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || kiosk) app.quit();
  });
}
