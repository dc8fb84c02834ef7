// What `npm start` tells a person when Electron cannot run: pure functions over Node's version and the
// tail of Electron's stderr, so tests can feed them the messages real systems print. No side effects.
// Never suggests --no-sandbox: the fix for a broken sandbox is to repair it, not to turn it off.

/** Compares dotted versions: -1, 0 or 1. */
function compare(a, b) {
  const x = a.split('.').map(Number), y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

/** A sentence if this Node cannot download and run Electron (`range` is ">=22.12" from package.json), else ''. */
export function desktopNodeProblem(nodeVersion, range) {
  const m = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(String(range ?? '').trim());
  if (!m || compare(nodeVersion, m[1]) >= 0) return '';
  return `getting and running Electron needs Node ${m[1]} or newer, and this is Node ${nodeVersion}. ` +
    'Install a newer Node (https://nodejs.org) for the desktop app; the command line, the tests and the web app work on this one.';
}

/** A sentence naming why Electron stopped, from the end of its stderr, or '' if it is not recognised. */
export function electronFailure(stderrTail) {
  const t = String(stderrTail);
  const suid = /The SUID sandbox helper binary was found, but is not configured correctly[^\n]*?(?:make sure that (\S+) is owned by root and has mode 4755)?/s.exec(t);
  const helper = suid?.[1] ?? /make sure that (\S+) is owned by root and has mode 4755/.exec(t)?.[1];
  if (suid || /No usable sandbox!/.test(t)) {
    const sandbox = helper ?? 'node_modules/electron/dist/chrome-sandbox';
    return (
      "Electron's sandbox could not start. Ubuntu 23.10 and newer (and some other systems) forbid the user namespaces " +
      'it uses unless an AppArmor profile allows them (electron/electron#42510). Fix it once, either way:\n' +
      `    sudo chown root:root ${sandbox} && sudo chmod 4755 ${sandbox}\n` +
      '  or allow Electron in AppArmor (see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md).\n' +
      'Installed packages (.deb, AppImage) set this up themselves.'
    );
  }
  if (/Missing X server|cannot open display|Failed to connect to Wayland|ozone_platform/i.test(t)) return 'Electron found no usable display.';
  const lib = /error while loading shared libraries: ([^:]+)/.exec(t);
  if (lib) return `Electron needs a system library that is missing (${lib[1]}).`;
  return '';
}
