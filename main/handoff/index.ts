// The hand-off as the Host offers it: one running hand-off at a time (a new one replaces the old), on the
// LAN address chosen from the settings, with its QR code. Node only; the IPC layer calls start/stop.
import { networkInterfaces } from 'node:os';
import { UserError } from '../../core/errors';
import type { HandoffInfo, HandoffRequest } from '../../core/host';
import { pickLanAddress } from './interfaces';
import { qrSvg } from './qr';
import { startHandoffServer, type HandoffServer } from './server';

export { pickLanAddress } from './interfaces';
export { qrMatrix, qrPngDataUrl, qrSvg } from './qr';
export { DEFAULT_EXPIRY_MS, startHandoffServer, type HandoffServer } from './server';

export interface HandoffConfig {
  expiryMinutes: number;
  /** Interface name or address; null chooses automatically. */
  interface: string | null;
}

export class HandoffManager {
  private current: HandoffServer | undefined;

  constructor(
    private readonly config: () => HandoffConfig,
    private readonly interfaces: typeof networkInterfaces = networkInterfaces,
  ) {}

  async start(req: HandoffRequest): Promise<HandoffInfo> {
    await this.stop();
    const c = this.config();
    const lan = pickLanAddress(this.interfaces(), c.interface);
    if (!lan) throw new UserError('This computer is not connected to a local network, so a phone cannot reach it. Connect to Wi-Fi or Ethernet and try again.');
    this.current = await startHandoffServer({ title: req.title, glb: req.glb, usdz: req.usdz }, { host: lan.address, expiryMs: c.expiryMinutes * 60_000 });
    return { url: this.current.url, qrSvg: await qrSvg(this.current.url), expiresAt: this.current.expiresAt };
  }

  async stop(): Promise<void> {
    const s = this.current;
    this.current = undefined;
    await s?.stop();
  }
}
