// How the app restarts itself into (or out of) kiosk mode: the options for Electron's app.relaunch().
// Inside an AppImage, process.execPath is the binary in the temporary squashfs mount, which is gone once
// we quit: relaunch the AppImage file itself (electron-builder#1727, #4650). Pure; no Electron import.

export interface RelaunchOptions {
  args: string[];
  execPath?: string;
}

/**
 * `argv` is process.argv, `env` process.env. Turning kiosk mode off drops a `--kiosk` given on the command
 * line (staff left kiosk mode); turning it on keeps the arguments (the setting itself starts the kiosk).
 */
export function relaunchOptions(argv: readonly string[], env: Record<string, string | undefined>, kioskEnabled: boolean): RelaunchOptions {
  const args = argv.slice(1).filter((a) => kioskEnabled || a !== '--kiosk');
  const appImage = env.APPIMAGE;
  if (!appImage) return { args };
  // argv[1] inside an AppImage is the app's own arguments already (argv[0] is the mounted binary).
  return { args, execPath: appImage };
}
