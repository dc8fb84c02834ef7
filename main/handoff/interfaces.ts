// Chooses the local-network address the phone hand-off server binds to, from os.networkInterfaces().
// Pure function over the interface table: IPv4 on a private (RFC 1918) or link-local network only, never a
// public address; private before link-local, real adapters before virtual ones.
import type { NetworkInterfaceInfo } from 'node:os';

export interface LanAddress {
  name: string;
  address: string;
}

/** Names of adapters that a phone on the same Wi-Fi cannot reach (containers, VMs, VPN tunnels). */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|tailscale|zt|wg|lxc|lxd|cni|flannel|podman|awdl|llw|ham|vEthernet)/i;

/** RFC 1918 (and loopback, which only this machine reaches). */
export function isPrivateV4(a: string): boolean {
  const [x, y] = a.split('.').map(Number) as [number, number];
  return x === 10 || x === 127 || (x === 192 && y === 168) || (x === 172 && y >= 16 && y <= 31);
}

export function isLinkLocalV4(a: string): boolean {
  return a.startsWith('169.254.');
}

/** Why no address was chosen: nothing at all, or only public addresses (which the hand-off never binds). */
export function noLanReason(table: Record<string, NetworkInterfaceInfo[] | undefined>): 'none' | 'public-only' {
  const v4 = Object.values(table).flatMap((l) => l ?? []).filter((i) => i.family === 'IPv4' && !i.internal);
  return v4.length > 0 ? 'public-only' : 'none';
}

function score(name: string, info: NetworkInterfaceInfo): number {
  let s = 0;
  if (!VIRTUAL.test(name)) s += 4;
  if (isPrivateV4(info.address)) s += 8; // a private LAN before a link-local one
  if (/^(en|eth|wl|wlan|Wi-?Fi|Ethernet)/i.test(name)) s += 1;
  return s;
}

/**
 * The best address for phones on the LAN, or null if there is none. `preferred` (an interface name or an
 * IPv4 address from settings) wins when it exists; otherwise the highest-scoring candidate, in table order.
 */
export function pickLanAddress(table: Record<string, NetworkInterfaceInfo[] | undefined>, preferred?: string | null): LanAddress | null {
  const candidates: (LanAddress & { info: NetworkInterfaceInfo })[] = [];
  for (const [name, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      if (!isPrivateV4(info.address) && !isLinkLocalV4(info.address)) continue; // public: never serve there
      candidates.push({ name, address: info.address, info });
    }
  }
  if (preferred) {
    const hit = candidates.find((c) => c.name === preferred || c.address === preferred);
    if (hit) return { name: hit.name, address: hit.address };
  }
  let best: (typeof candidates)[number] | undefined;
  for (const c of candidates) if (!best || score(c.name, c.info) > score(best.name, best.info)) best = c;
  return best ? { name: best.name, address: best.address } : null;
}
