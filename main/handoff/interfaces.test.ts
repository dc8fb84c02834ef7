// Choosing the LAN address for the hand-off server from realistic interface tables.
import type { NetworkInterfaceInfo } from 'node:os';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isPrivateV4, noLanReason, pickLanAddress } from './interfaces';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/64`, scopeid: 0 });

describe('pickLanAddress', () => {
  it('prefers a real Wi-Fi/Ethernet adapter over docker, VPN and link-local', () => {
    const table = {
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      'br-5f2a': [v4('172.18.0.1')],
      utun3: [v4('100.64.0.7')],
      eth1: [v4('169.254.10.2')],
      wlp2s0: [v6('fe80::1'), v4('192.168.1.23')],
    };
    expect(pickLanAddress(table)).toEqual({ name: 'wlp2s0', address: '192.168.1.23' });
  });

  it('honours the configured interface by name or address, else falls back', () => {
    const table = { en0: [v4('10.0.0.5')], en5: [v4('192.168.50.2')] };
    expect(pickLanAddress(table, 'en5')).toEqual({ name: 'en5', address: '192.168.50.2' });
    expect(pickLanAddress(table, '10.0.0.5')).toEqual({ name: 'en0', address: '10.0.0.5' });
    expect(pickLanAddress(table, 'eth9')).toEqual({ name: 'en0', address: '10.0.0.5' });
  });

  it('returns null when only loopback or IPv6 exists', () => {
    expect(pickLanAddress({ lo: [v4('127.0.0.1', true)], en0: [v6('2001:db8::1')] })).toBeNull();
    expect(pickLanAddress({})).toBeNull();
  });

  it('works on this machine’s real table', () => {
    const r = pickLanAddress(networkInterfaces());
    if (r) expect(r.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    else expect(Object.values(networkInterfaces()).flat().every((i) => i!.internal || i!.family !== 'IPv4' || !isPrivateV4(i!.address))).toBe(true);
  });

  it('never picks a public address; takes link-local when it is the only LAN, and says why it refuses', () => {
    expect(pickLanAddress({ eth0: [v4('203.0.113.9')], wlan0: [v4('198.51.100.4')] })).toBeNull();
    expect(pickLanAddress({ eth0: [v4('8.8.4.4')] }, 'eth0')).toBeNull();
    expect(noLanReason({ eth0: [v4('8.8.4.4')] })).toBe('public-only');
    expect(noLanReason({ lo: [v4('127.0.0.1', true)] })).toBe('none');
    expect(pickLanAddress({ eth0: [v4('203.0.113.9')], eth1: [v4('169.254.10.2')] })).toEqual({ name: 'eth1', address: '169.254.10.2' });
    expect(pickLanAddress({ eth1: [v4('169.254.10.2')], eth0: [v4('10.1.2.3')] })).toEqual({ name: 'eth0', address: '10.1.2.3' });
    expect(pickLanAddress({ eth0: [v4('172.32.0.1')], eth1: [v4('100.64.0.7')] })).toBeNull();
  });
});
