// Test-only page script (bundled to an IIFE by xr-emulator.ts, injected with addInitScript; never part of the app):
// installs iwer's emulated Meta Quest 3 over the browser's own WebXR (forceInstall) with @iwer/sem's synthetic
// environment for plane hit-tests, and exposes a small handle for the test on window.__atelierXr.
import { XRDevice, metaQuest3 } from 'iwer';
import { SyntheticEnvironmentModule } from '@iwer/sem';

const device = new XRDevice(metaQuest3, { stereoEnabled: false });
device.installRuntime({ forceInstall: true });
device.installSEM(SyntheticEnvironmentModule);

const handle = {
  device,
  /** Loads a room capture (@iwer/sem's scene JSON). */
  loadRoom(json: unknown): void {
    device.sem!.loadEnvironment(json);
  },
  /** Puts the headset at `position` (global metres) with orientation `q` (x, y, z, w). */
  setPose(position: [number, number, number], q: [number, number, number, number]): void {
    device.position.set(...position);
    device.quaternion.set(...q);
    device.notifyStateChange();
  },
  /** Presses and releases the right controller's trigger: one XR `select`. */
  async select(): Promise<void> {
    const c = device.controllers.right!;
    c.updateButtonValue('trigger', 1);
    await new Promise((r) => setTimeout(r, 200));
    c.updateButtonValue('trigger', 0);
    await new Promise((r) => setTimeout(r, 200));
  },
};
(window as unknown as { __atelierXr: typeof handle }).__atelierXr = handle;
