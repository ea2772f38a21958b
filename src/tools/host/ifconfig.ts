// Layer tools (host): net-tools 2.10 `ifconfig` (lib/interface.c ife_print_long/short): interfaces that are
// up (all with -a) sorted by name, the primary IPv4 address, the IPv6 addresses, the link line and the
// counters with KiB/MiB scaling; `-s` for the short table; `ifconfig IF up|down|mtu N|ADDR [netmask M]`.

import { formatIpv4, formatMac, ipv4, netmask, parseIpv4, type Ipv4Cidr } from '../../addr/index.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Netns } from '../../net/netns.js';
import { NetlinkError } from '../../net/netlink-error.js';
import type { Process, Tool } from '../process.js';
import { ipv6Addrs } from '../ip/ipv6-view.js';
import { IFF, ifFlags } from '../ip/link-model.js';

const FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [IFF.UP, 'UP'],
  [IFF.BROADCAST, 'BROADCAST'],
  [IFF.LOOPBACK, 'LOOPBACK'],
  [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.RUNNING, 'RUNNING'],
  [IFF.NOARP, 'NOARP'],
  [IFF.PROMISC, 'PROMISC'],
  [IFF.ALLMULTI, 'ALLMULTI'],
  [IFF.MULTICAST, 'MULTICAST'],
];

const SHORT_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [IFF.ALLMULTI, 'A'],
  [IFF.BROADCAST, 'B'],
  [IFF.LOOPBACK, 'L'],
  [IFF.MULTICAST, 'M'],
  [IFF.PROMISC, 'P'],
  [IFF.NOARP, 'O'],
  [IFF.POINTOPOINT, 'P'],
  [IFF.RUNNING, 'R'],
  [IFF.UP, 'U'],
];

const SCOPE_ID: Readonly<Record<string, string>> = { host: '0x10<host>', link: '0x20<link>', global: '0x0<global>' };

/** print_bytes_scaled: 1024-based with one truncated decimal, "B", "KiB", "MiB", "GiB", "TiB". */
export function bytesScaled(n: number): string {
  const ext = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let intPart = n;
  let frac = 0;
  let i = 0;
  for (let k = 0; k < 4; k++) {
    if (intPart >= 1024) {
      frac = Math.floor(((intPart % 1024) * 10) / 1024);
      intPart = Math.floor(intPart / 1024);
      i++;
    }
  }
  return `${intPart}.${frac} ${ext[i]}B`;
}

/** SIOCGIFFLAGS: the low 16 bits of dev_get_flags. */
function shortFlags(dev: NetDevice): number {
  return ifFlags(dev) & 0xffff;
}

export function printLong(dev: NetDevice, nowUs: number): string {
  const f = shortFlags(dev);
  const names = FLAG_NAMES.filter(([bit]) => f & bit).map(([, n]) => n);
  let s = `${dev.name}: flags=${f}<${names.join(',')}>  mtu ${dev.mtu}\n`;
  const primary = dev.addrs.find((a) => !a.secondary);
  if (primary) {
    s += `        inet ${formatIpv4(primary.local)}  netmask ${formatIpv4(netmask(primary.prefixLen))}`;
    if (f & IFF.BROADCAST) s += `  broadcast ${formatIpv4(primary.broadcast ?? ipv4(0))}`;
    s += '\n';
  }
  for (const v6 of ipv6Addrs(dev, nowUs)) s += `        inet6 ${v6.address}  prefixlen ${v6.prefixLen}  scopeid ${SCOPE_ID[v6.scope]}\n`;
  s += dev.kind === 'loopback' ? `        loop  txqueuelen ${dev.txqlen}  (Local Loopback)\n` : `        ether ${formatMac(dev.mac)}  txqueuelen ${dev.txqlen}  (Ethernet)\n`;
  const st = dev.stats;
  s += `        RX packets ${st.rxPackets}  bytes ${st.rxBytes} (${bytesScaled(st.rxBytes)})\n`;
  s += `        RX errors ${st.rxErrors}  dropped ${st.rxDropped}  overruns 0  frame 0\n`;
  s += `        TX packets ${st.txPackets}  bytes ${st.txBytes} (${bytesScaled(st.txBytes)})\n`;
  s += `        TX errors ${st.txErrors}  dropped ${st.txDropped} overruns 0  carrier 0  collisions 0\n\n`;
  return s;
}

export function printShort(dev: NetDevice): string {
  const st = dev.stats;
  const f = shortFlags(dev);
  const flags = f === 0 ? '[NO FLAGS]' : SHORT_FLAGS.filter(([bit]) => f & bit).map(([, c]) => c).join('');
  const col = (n: number, w: number) => String(n).padStart(w);
  return `${dev.name.slice(0, 15).padEnd(15)} ${col(dev.mtu, 5)} ${col(st.rxPackets, 8)} ${col(st.rxErrors, 6)} ${col(st.rxDropped, 6)} ${'0'.padEnd(6)} ${col(st.txPackets, 8)} ${col(st.txErrors, 6)} ${col(st.txDropped, 6)} ${col(0, 6)} ${flags}\n`;
}

const SHORT_HEADER = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

export const ifconfig: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const args = p.argv.slice(1);
  let all = false;
  let short = false;
  while (args[0]?.startsWith('-')) {
    const o = args.shift();
    if (o === '-a') all = true;
    else if (o === '-s') short = true;
    else if (o !== '-v') return badOption(p, o ?? '');
  }
  const [name, ...ops] = args;
  if (name === undefined) {
    const devs = [...ns.devices.values()].filter((d) => all || d.isUp).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    p.out(short ? SHORT_HEADER + devs.map(printShort).join('') : devs.map((d) => printLong(d, ns.now)).join(''));
    return 0;
  }
  const dev = ns.dev(name);
  if (ops.length === 0) {
    if (!dev) {
      p.err(`${name}: error fetching interface information: Device not found\n`);
      return 1;
    }
    p.out(short ? SHORT_HEADER + printShort(dev) : printLong(dev, ns.now));
    return 0;
  }
  if (!dev) {
    p.err(`SIOCSIFFLAGS: No such device\n`);
    return 255;
  }
  return configure(p, ns, dev, ops);
};

/** `ifconfig IF [ADDR [netmask M]] [mtu N] [up|down]`, in argument order as ifconfig applies them. */
function configure(p: Process, ns: Netns, dev: NetDevice, ops: string[]): number {
  let pending: Ipv4Cidr | undefined;
  for (let i = 0; i < ops.length; i++) {
    const w = ops[i] ?? '';
    if (w === 'up') ns.setUp(dev, true);
    else if (w === 'down') ns.setUp(dev, false);
    else if (w === 'mtu') {
      const v = Number(ops[++i]);
      if (!Number.isInteger(v) || v < 68 || v > 65535) {
        p.err('SIOCSIFMTU: Invalid argument\n');
        return 255;
      }
      dev.mtu = v;
    } else if (w === 'netmask') {
      const m = parseIpv4(ops[++i] ?? '');
      if (m === undefined || !pending) return badOption(p, w);
      const len = 32 - Math.log2(2 ** 32 - (m >>> 0));
      pending = { addr: pending.addr, prefixLen: Number.isInteger(len) ? len : 32 };
    } else {
      const a = parseIpv4(w);
      if (a === undefined) {
        p.err(`${w}: Unknown host\nifconfig: \`--help' gives usage information.\n`);
        return 1;
      }
      const cls = a >>> 24 < 128 ? 8 : a >>> 24 < 192 ? 16 : 24;
      pending = { addr: a, prefixLen: cls };
    }
  }
  if (pending) setPrimary(ns, dev, pending);
  return 0;
}

/** SIOCSIFADDR replaces the primary address (and its prefix route). */
function setPrimary(ns: Netns, dev: NetDevice, c: Ipv4Cidr): void {
  const old = dev.addrs.find((a) => !a.secondary);
  if (old) ns.delAddr(dev, { addr: old.local, prefixLen: old.prefixLen });
  try {
    ns.addAddr(dev, c);
  } catch (e) {
    if (!(e instanceof NetlinkError)) throw e;
  }
}

function badOption(p: Process, o: string): number {
  p.err(`ifconfig: option \`${o}' not recognised.\nifconfig: \`--help' gives usage information.\n`);
  return 1;
}
