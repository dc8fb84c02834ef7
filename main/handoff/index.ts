// The hand-off as the Host offers it: one running hand-off at a time (a new one replaces the old), on the
// LAN address chosen from the settings, with its QR code. Starts and stops run one after another, so two starts
// never leave an orphan server and a stop during a start closes what that start opened. Node only.
import { networkInterfaces } from 'node:os';
import { hostError } from '../messages';
import type { HandoffInfo, HandoffRequest } from '../../core/host';
import { noLanReason, pickLanAddress } from './interfaces';
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
  private queue: Promise<unknown> = Promise.resolve();
  /** Raised by every start and stop: a start that is no longer the latest request gives up its server. */
  private generation = 0;

  constructor(
    private readonly config: () => HandoffConfig,
    private readonly interfaces: typeof networkInterfaces = networkInterfaces,
  ) {}

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async closeCurrent(): Promise<void> {
    const s = this.current;
    this.current = undefined;
    await s?.stop();
  }

  start(req: HandoffRequest): Promise<HandoffInfo> {
    const gen = ++this.generation;
    return this.serial(async () => {
      await this.closeCurrent();
      const cancelled = () => hostError('handoffCancelled', 'The phone link was closed before it was ready.');
      if (gen !== this.generation) throw cancelled();
      const c = this.config();
      const table = this.interfaces();
      const lan = pickLanAddress(table, c.interface);
      if (!lan)
        throw noLanReason(table) === 'public-only'
          ? hostError('handoffPublicOnly', 'This computer is only on a public network address, and the phone link is served only on a private (home, shop or office) network. Connect to such a Wi-Fi or Ethernet network and try again.')
          : hostError('handoffNoLan', 'This computer is not connected to a local network, so a phone cannot reach it. Connect to Wi-Fi or Ethernet and try again.');
      const server = await startHandoffServer({ title: req.title, glb: req.glb, usdz: req.usdz }, { host: lan.address, expiryMs: c.expiryMinutes * 60_000 });
      if (gen !== this.generation) {
        await server.stop();
        throw cancelled();
      }
      this.current = server;
      return { url: server.url, qrSvg: await qrSvg(server.url), expiresAt: server.expiresAt };
    });
  }

  stop(): Promise<void> {
    this.generation++;
    return this.serial(() => this.closeCurrent());
  }
}
