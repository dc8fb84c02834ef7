// Electron glue: the one BrowserWindow and its session, hardened (isolation, sandbox, no Node, CSP via the
// protocol, navigation/new windows/webviews refused, permissions and network denied by allow-list).
// Logic lives in permissions.ts, protocol-resolver.ts and window-state.ts; this file only wires Electron.
import { BrowserWindow, protocol, screen, type Session } from 'electron';
import { APP_ORIGIN, APP_SCHEME, serveAtelierRequest, type ProtocolRoots } from './protocol-resolver';
import { isNavigationAllowed, isPermissionAllowed, isRequestAllowed, originOf } from './permissions';
import { clampWindowState, MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-state';

/**
 * Must run before `app` is ready: atelier:// behaves like https (secure context, fetch, workers, wasm).
 * CORS-enabled so the app (atelier://app) can fetch catalog files from atelier://assets, which allows it by header.
 */
export function registerAtelierScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true, stream: true } },
  ]);
}

/** Serves atelier:// on the session and locks the session down. */
export function hardenSession(ses: Session, roots: ProtocolRoots): void {
  ses.protocol.handle(APP_SCHEME, async (req) => {
    const r = await serveAtelierRequest(req.url, roots, req.method);
    return new Response(r.body.byteLength || r.status !== 200 ? Buffer.from(r.body) : null, { status: r.status, headers: r.headers });
  });
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(isPermissionAllowed(permission, originOf(wc.getURL()))));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (e, _d, cb) => (e.preventDefault(), cb('')));
  ses.on('select-serial-port', (e, _p, _wc, cb) => (e.preventDefault(), cb('')));
  ses.on('select-usb-device', (e, _d, cb) => (e.preventDefault(), cb()));
  // Screen capture is refused: cb(null) is Electron's refusal (cb({}) throws inside Electron).
  ses.setDisplayMediaRequestHandler((_req, cb) => cb(null as unknown as Parameters<typeof cb>[0]));
  ses.on('will-download', (e) => e.preventDefault());
  // Nothing is fetched at run time: any http(s)/ws/file request is cancelled.
  ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !isRequestAllowed(details.url) }));
}

export interface WindowOptions {
  preload: string;
  state: WindowState;
  kiosk: boolean;
  dev: boolean;
  icon?: string;
}

export function createMainWindow(o: WindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const s = clampWindowState(o.state, areas);
  const win = new BrowserWindow({
    ...(s.x !== undefined && s.y !== undefined ? { x: s.x, y: s.y } : {}),
    width: s.width,
    height: s.height,
    minWidth: Math.min(MIN_WIDTH, s.width),
    minHeight: Math.min(MIN_HEIGHT, s.height),
    show: false,
    title: 'Atelier',
    backgroundColor: '#f4f2ee',
    kiosk: o.kiosk,
    fullscreen: o.kiosk || s.fullScreen,
    autoHideMenuBar: o.kiosk,
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // middle-click would try to open a new window (refused anyway by the window-open handler)
      disableBlinkFeatures: 'Auxclick',
      devTools: o.dev && !o.kiosk,
    },
  });
  if (s.maximized && !o.kiosk) win.maximize();
  const wc = win.webContents;
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-navigate', (e, url) => {
    if (!isNavigationAllowed(url)) e.preventDefault();
  });
  wc.on('will-redirect', (e, url) => {
    if (!isNavigationAllowed(url)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.on('will-frame-navigate', (e) => {
    if (!e.isMainFrame && !isNavigationAllowed(e.url)) e.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** The state to remember when the window closes. */
export function currentWindowState(win: BrowserWindow): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}
