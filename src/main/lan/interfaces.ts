// The laptop's network addresses the facilitator can choose from. Only IPv4
// addresses phones can reach: not the loopback (except in tests and the
// harness), not link-local (169.254: no network at all). The Dutch label is a
// hint from the adapter's name and address range, so a facilitator with
// Wi-Fi, a cable and a VPN picks the right one.

import os from 'node:os';
import type { LanInterface } from '../../shared/channels/lan';

type NetworkInterfaces = ReturnType<typeof os.networkInterfaces>;

export function labelFor(name: string, address: string): string | null {
  // Address ranges the operating systems use for their own hotspots.
  if (address.startsWith('192.168.137.')) return 'hotspot van deze laptop';
  if (address.startsWith('172.20.10.')) return 'hotspot van een iPhone';
  if (address.startsWith('127.')) return 'alleen deze laptop (test)';
  const n = name.toLowerCase();
  if (/^(docker|br-|veth|virbr|vboxnet|vmnet|vethernet|utun|tun|tap|wg|zt|tailscale|ham)/.test(n) || /virtual|vpn|hyper-v/.test(n)) {
    return 'virtueel netwerk of VPN (telefoons komen hier meestal niet bij)';
  }
  if (/^(wl|wlan|wlp|wi-?fi|wireless|airport)/.test(n) || /wi-?fi|draadloos|wireless/.test(n)) return 'Wi-Fi';
  if (/^(ap\d|uap|hotspot)/.test(n) || /local area connection\*/.test(n) || /lokale verbinding\*/.test(n)) return 'hotspot van deze laptop';
  if (/^(eth|enp|eno|ens|enx)/.test(n) || /ethernet|lan-verbinding/.test(n)) return 'Ethernet (kabel)';
  // macOS: en0 is usually Wi-Fi on a laptop; other enN are adapters.
  if (n === 'en0') return 'Wi-Fi';
  if (/^en\d+$/.test(n)) return 'Ethernet of adapter';
  return null;
}

/** Pure: the choosable addresses in `interfaces`, Wi-Fi first. */
export function lanInterfaces(interfaces: NetworkInterfaces, allowLoopback = false): LanInterface[] {
  const list: LanInterface[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const a of addresses ?? []) {
      if (a.family !== 'IPv4') continue;
      if (a.internal && !(allowLoopback && a.address === '127.0.0.1')) continue;
      if (a.address.startsWith('169.254.')) continue;
      list.push({ name, address: a.address, label: labelFor(name, a.address) });
    }
  }
  const rank = (i: LanInterface) => (i.label === 'Wi-Fi' ? 0 : i.label?.startsWith('hotspot') ? 1 : i.label?.startsWith('Ethernet') ? 2 : i.label?.startsWith('alleen') ? 4 : 3);
  return list.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function systemInterfaces(allowLoopback = false): LanInterface[] {
  const found = lanInterfaces(os.networkInterfaces(), allowLoopback);
  // Some containers report no loopback in networkInterfaces(); the test address is always there.
  if (allowLoopback && !found.some((i) => i.address === '127.0.0.1')) {
    found.push({ name: 'lo', address: '127.0.0.1', label: labelFor('lo', '127.0.0.1') });
  }
  return found;
}
