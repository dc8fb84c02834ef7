import { describe, expect, it } from 'vitest';
import { relaunchOptions } from './relaunch';

describe('relaunchOptions', () => {
  it('relaunches the AppImage file itself, not the binary in its temporary mount', () => {
    const argv = ['/tmp/.mount_AtelierXYZ/atelier', '--kiosk'];
    expect(relaunchOptions(argv, { APPIMAGE: '/home/ana/Atelier-0.1.0-x86_64.AppImage' }, false)).toEqual({ args: [], execPath: '/home/ana/Atelier-0.1.0-x86_64.AppImage' });
    expect(relaunchOptions(argv, { APPIMAGE: '/opt/Atelier.AppImage' }, true)).toEqual({ args: ['--kiosk'], execPath: '/opt/Atelier.AppImage' });
  });

  it('outside an AppImage lets Electron use its own executable and drops --kiosk when leaving kiosk mode', () => {
    expect(relaunchOptions(['/usr/lib/atelier/atelier', '--kiosk', 'a.3mf'], {}, false)).toEqual({ args: ['a.3mf'] });
    expect(relaunchOptions(['/usr/lib/atelier/atelier'], {}, true)).toEqual({ args: [] });
  });
});
