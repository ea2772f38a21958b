// Layer tools (host): net-tools 2.10 `arp` (arp.c arp_show over /proc/net/arp, as arp_seq_show writes the
// neighbour table without NOARP entries): the Linux table (default, -e) or BSD lines (-a), -n, -i DEV, -v and
// one host; PERMANENT is flags CM, other valid states C, INCOMPLETE and FAILED "(incomplete)". Adding,
// deleting and files (-s, -d, -f) are not modelled: they say so and fail.

import { formatIpv4, formatMac, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { NeighEntry } from '../../net/neigh-table.js';
import type { Process, Tool } from '../process.js';
import { lookupHost } from './host-names.js';
import { getoptLong } from './net-tools-args.js';
import { inetNames } from './net-tools-names.js';
import { ARP_USAGE, HW_LIST, printUsage } from './net-tools-usage.js';

const LONGS = {
  verbose: ['v', false], all: ['a', false], delete: ['d', false], file: ['f', false], numeric: ['n', false], set: ['s', false],
  protocol: ['A', true], 'hw-type': ['H', true], device: ['i', true], help: ['h', false], 'use-device': ['D', false], symbolic: ['N', false],
} as const;

const ATF_COM = 0x02;
const ATF_PERM = 0x04;

function arpFlags(e: NeighEntry): number {
  if (e.state === 'PERMANENT') return ATF_PERM | ATF_COM;
  return e.state === 'INCOMPLETE' || e.state === 'FAILED' ? 0 : ATF_COM;
}

/** arp_disp_2: the Linux-style table row. */
function linuxRow(name: string, flags: number, hwa: string, dev: string): string {
  const f = `${flags & ATF_COM ? 'C' : ''}${flags & ATF_PERM ? 'M' : ''}`;
  const hw = flags & ATF_COM ? `${'ether'.padEnd(8)}${hwa.padEnd(20)}` : `${''.padEnd(8)}${'(incomplete)'.padEnd(20)}`;
  return `${name.slice(0, 23).padEnd(23)}  ${hw}${f.padEnd(6)}${''.padEnd(15)} ${dev}\n`;
}

/** arp_disp: "name (ip) at hwa [ether] PERM on dev". */
function bsdRow(name: string, ip: string, flags: number, hwa: string, dev: string): string {
  const at = flags & ATF_COM ? `${hwa} [ether] ` : '<incomplete> ';
  return `${name} (${ip}) at ${at}${flags & ATF_PERM ? 'PERM ' : ''}on ${dev}\n`;
}

/** INET_resolve without the host-first flag: a dotted quad, else a hosts-file name. */
function resolveHost(p: Process, name: string): Ipv4Addr | undefined {
  return parseIpv4(name) ?? lookupHost(p, name);
}

export const arp: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const g = getoptLong('arp', p.argv.slice(1), 'A:H:adfp:nsei:t:vhDN', LONGS);
  if (g.error !== undefined) {
    p.err(`${g.error}\n`);
    return printUsage(p, ARP_USAGE, HW_LIST, 3);
  }
  const has = (c: string) => g.opts.some(([o]) => o === c);
  if (has('h')) return printUsage(p, ARP_USAGE, HW_LIST, 0);
  const bad = g.opts.find(([o, v]) => ((o === 'H' || o === 't') && v !== 'ether') || ((o === 'A' || o === 'p') && v !== 'inet'));
  if (bad) {
    p.err(bad[0] === 'H' || bad[0] === 't' ? `arp: ${bad[1]}: unknown hardware type.\n` : `arp: ${bad[1]}: unknown address family.\n`);
    return 255;
  }
  if (has('s') || has('d') || has('f')) {
    p.err('arp: -s, -d and -f are not modelled by ciliumlab (use ip neigh)\n');
    return 1;
  }
  const device = g.opts.filter(([o]) => o === 'i').map(([, v]) => v ?? '').pop() ?? '';
  const numeric = has('n');
  const bsd = has('a') && !has('e');
  const arg = g.operands[0];
  let host = '';
  if (arg !== undefined) {
    const addr = resolveHost(p, arg);
    if (addr === undefined) {
      p.err(`${arg}: Unknown host\n`);
      return 255;
    }
    host = formatIpv4(addr);
  }
  const names = inetNames(p);
  const entries = ns.neigh.list().filter((e) => e.state !== 'NOARP').sort((x, y) => x.dev.ifindex - y.dev.ifindex);
  const shown = entries.filter((e) => (!host || formatIpv4(e.ip) === host) && (!device || e.dev.name === device));
  let out = shown.length > 0 && !bsd ? 'Address                  HWtype  HWaddress           Flags Mask            Iface\n' : '';
  for (const e of shown) {
    const ip = formatIpv4(e.ip);
    const name = numeric ? '?' : names.name(e.ip, { numeric: false, defaultName: true });
    const hostname = name === ip ? '?' : name;
    const hwa = e.lladdr !== undefined ? formatMac(e.lladdr) : '00:00:00:00:00:00';
    out += bsd ? bsdRow(hostname, ip, arpFlags(e), hwa, e.dev.name) : linuxRow(hostname === '?' ? ip : hostname, arpFlags(e), hwa, e.dev.name);
  }
  if (has('v')) out += `Entries: ${entries.length}\tSkipped: ${entries.length - shown.length}\tFound: ${shown.length}\n`;
  if (shown.length === 0) {
    if (host && !has('a')) out += `${arg} (${host}) -- no entry\n`;
    else if (host || device) out += `arp: in ${entries.length} entries no match found.\n`;
  }
  p.out(out);
  return 0;
};
