// A recording stand-in for the `electron` module, and a runner that loads a built bundle with it.
// Used by main-bundle.test.ts in a child process: `node electron-stand-in.cjs BUNDLE USERDATA APPROOT SCENARIO`
// loads BUNDLE (dist/main/main.cjs or preload.cjs) with `require('electron')` resolved to this stand-in,
// plays SCENARIO ('main' or 'preload'), and prints one JSON line of what happened. Not a fake of our code:
// the real bundle runs; only Electron's API, which cannot exist here, is recorded.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { EventEmitter } = require('node:events');

const [bundle, userData, appRoot, scenario] = process.argv.slice(2);
const rec = { requires: [], loadError: null, calls: [], ipc: [], windows: [], schemesBeforeReady: null, errorBoxes: [], relaunch: [] };
let ready = false;
let resolveReady;
const whenReady = new Promise((r) => (resolveReady = r));

const appEvents = new EventEmitter();
const app = Object.assign(appEvents, {
  setName: (n) => rec.calls.push(['app.setName', n]),
  getName: () => 'Atelier',
  getVersion: () => '0.1.0',
  getLocale: () => process.env.STAND_IN_LOCALE || 'en-US',
  getAppPath: () => appRoot,
  getPath: (name) => (name === 'userData' ? userData : path.join(userData, name)),
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  whenReady: () => whenReady,
  isReady: () => ready,
  relaunch: (o) => rec.relaunch.push(o ?? null),
  exit: (c) => rec.calls.push(['app.exit', c]),
  quit: () => rec.calls.push(['app.quit']),
});

const handlers = {};
const protocolHandlers = {};
const session = {
  defaultSession: {
    protocol: { handle: (scheme, fn) => (protocolHandlers[scheme] = fn) },
    setPermissionRequestHandler: (fn) => (handlers.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (handlers.permissionCheck = fn),
    setDevicePermissionHandler: (fn) => (handlers.devicePermission = fn),
    setDisplayMediaRequestHandler: (fn) => (handlers.displayMedia = fn),
    on: (ev, fn) => (handlers[`session:${ev}`] = fn),
    webRequest: { onBeforeRequest: (fn) => (handlers.beforeRequest = fn) },
    clearStorageData: async () => {},
    clearCache: async () => {},
    clearAuthCache: async () => {},
  },
};

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.loads = [];
    this.reloads = 0;
    this.sent = [];
    this.navigationHistory = { clear() {} };
  }
  setWindowOpenHandler(fn) { this.windowOpen = fn; }
  loadURL(url) { this.loads.push(url); return Promise.resolve(); }
  reload() { this.reloads++; }
  send(ch, p) { this.sent.push([ch, p]); }
  getURL() { return this.loads.at(-1) ?? ''; }
}
class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.opts = opts;
    this.webContents = new WebContents(this);
    this.destroyed = false;
    rec.windows.push(this);
  }
  loadURL(url) { return this.webContents.loadURL(url); }
  isDestroyed() { return this.destroyed; }
  isMinimized() { return false; }
  isMaximized() { return false; }
  isFullScreen() { return false; }
  getNormalBounds() { return { x: 40, y: 50, width: 1200, height: 800 }; }
  maximize() {}
  restore() {}
  focus() {}
  show() {}
}

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const electron = {
  app,
  session,
  BrowserWindow,
  protocol: { registerSchemesAsPrivileged: (s) => { rec.schemesBeforeReady = !ready; rec.calls.push(['protocol.registerSchemesAsPrivileged', s]); } },
  ipcMain: { handle: (ch) => rec.ipc.push(ch), removeHandler: () => {} },
  screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
  Menu: { buildFromTemplate: (t) => ({ t }), setApplicationMenu: () => rec.calls.push(['Menu.setApplicationMenu']) },
  dialog: { showErrorBox: (t, m) => rec.errorBoxes.push([t, m]), showMessageBox: async () => ({ response: 0 }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
  clipboard: { clear() {} },
  shell: { openExternal: async () => {} },
  nativeTheme: { shouldUseDarkColors: false, on() {} },
  contextBridge: { exposeInMainWorld: (name, api) => { rec.exposed = { name, methods: Object.keys(api).sort() }; } },
  ipcRenderer: { invoke: async () => ({ value: null }), on() {}, removeListener() {} },
};

// Record every module the bundle itself requires, and resolve `electron` to the stand-in.
const standIn = path.join(__dirname, '.electron-stand-in-module.cjs');
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (parent && parent.filename === bundle) rec.requires.push(request);
  if (request === 'electron') return standIn;
  return origResolve.call(this, request, parent, ...rest);
};
require.cache[standIn] = Object.assign(new Module(standIn), { filename: standIn, loaded: true, exports: electron });

const out = () => process.stdout.write(JSON.stringify(rec, (k, v) => (k === 'win' ? undefined : v)) + '\n');
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function serve(url) {
  const res = await protocolHandlers.atelier({ url, method: 'GET' });
  const body = Buffer.from(await res.arrayBuffer());
  return { url, status: res.status, type: res.headers.get('content-type'), csp: !!res.headers.get('content-security-policy'), bytes: body.length, head: body.subarray(0, 4).toString('hex') };
}

async function playMain() {
  ready = true;
  resolveReady();
  appEvents.emit('ready');
  for (let i = 0; i < 100 && rec.windows.length === 0; i++) await tick(20);
  const win = rec.windows[0];
  rec.window = win ? { options: { ...win.opts, webPreferences: { ...win.opts.webPreferences, preload: path.basename(win.opts.webPreferences.preload) } }, loads: [...win.webContents.loads] } : null;
  rec.protocolSchemes = Object.keys(protocolHandlers);
  // The protocol serves the real dist/web: index, a script chunk, the worker, the wasm.
  const index = await serve('atelier://app/index.html');
  const files = fs.readdirSync(path.join(appRoot, 'dist/web/app'));
  const pick = (re) => files.find((f) => re.test(f));
  rec.served = [index];
  for (const f of [pick(/^index-.*\.js$/) ?? pick(/\.js$/), pick(/worker.*\.js$/), pick(/\.wasm$/)]) rec.served.push(f ? await serve(`atelier://app/app/${f}`) : { missing: true });
  rec.permission = {
    checkWithSlash: handlers.permissionCheck(null, 'fullscreen', 'atelier://app/'),
    checkCamera: handlers.permissionCheck(null, 'media', 'atelier://app/'),
    checkOther: handlers.permissionCheck(null, 'fullscreen', 'https://example.com/'),
  };
  try {
    let answer;
    handlers.displayMedia({}, (a) => (answer = a));
    rec.displayMedia = { threw: false, answer: answer === undefined ? 'undefined' : answer };
  } catch (e) {
    rec.displayMedia = { threw: true, message: String(e) };
  }
  // Closing the window: its position must be on disk before the event handler returns.
  win.emit('close', { preventDefault() {} });
  rec.windowStateOnDiskAtClose = fs.existsSync(path.join(userData, 'window-state.json'));
  // A renderer that keeps crashing while loading: a growing pause, then a page instead of a loop.
  const wc = win.webContents;
  const before = wc.loads.length;
  for (let i = 0; i < 6; i++) wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  await tick(50);
  rec.crash = { reloadsRightAway: wc.reloads, pages: wc.loads.slice(before).map((u) => u.slice(0, 40)), page: wc.loads.slice(before)[0] ? decodeURIComponent(wc.loads.slice(before)[0]) : '' };
  out();
  process.exit(0);
}

process.on('uncaughtException', (e) => { rec.loadError = String(e && e.stack || e); out(); process.exit(1); });
try {
  require(bundle);
} catch (e) {
  rec.loadError = String(e && e.message || e);
  out();
  process.exit(1);
}
if (scenario === 'main') playMain().catch((e) => { rec.loadError = String(e && e.stack || e); out(); process.exit(1); });
else { out(); process.exit(0); }
