// Layer tools (host): net-tools 2.10's IPv4 routing table (lib/inet_gr.c rprint_fib over /proc/net/route, as
// fib_route_seq_show writes it): the main table in trie order without broadcast/multicast routes, flags
// U, G (a gateway), H (a /32), "!" for unreachable and prohibit; MSS/Window/irtt are 0 (no advmss, window or
// rtt metrics in the model). `ext` is 1 (Metric Ref Use), 2 (MSS Window irtt) or 3 (both); 0 prints no rows.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { RT_TABLE_MAIN, type Route } from '../../net/route.js';
import { maskOf, type InetNames } from './net-tools-names.js';

const COLS = 'Destination     Gateway         Genmask         ';
const HEADERS: Readonly<Record<number, string>> = {
  1: `${COLS}Flags Metric Ref    Use Iface\n`,
  2: `${COLS}Flags   MSS Window  irtt Iface\n`,
  3: `${COLS}Flags Metric Ref    Use Iface    MSS   Window irtt\n`,
};
const CACHE_HEADERS: Readonly<Record<number, string>> = {
  1: 'Source          Destination     Gateway         Flags Metric Ref    Use Iface\n',
  2: 'Source          Destination     Gateway         Flags   MSS Window  irtt Iface\n',
  3: 'Source          Destination     Gateway         Flags Metric Ref    Use Iface    MSS   Window irtt  TOS HHRef HHUptod     SpecDst\n',
};

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

function row(r: Route, ext: number, names: InetNames, numeric: boolean): string {
  const isHost = r.dst.prefixLen === 32;
  const mask = maskOf(r.dst.prefixLen);
  const dst = names.name(r.dst.addr, { numeric, defaultName: true, mask, host: isHost }).slice(0, 15);
  const gw = names.name(r.gateway ?? (0 as Ipv4Addr), { numeric, host: true }).slice(0, 15);
  const genmask = formatIpv4((mask >>> 0) as Ipv4Addr);
  const reject = r.type === 'unreachable' || r.type === 'prohibit';
  const flags = reject ? `!${isHost ? 'H' : ''}` : `U${r.gateway !== undefined ? 'G' : ''}${isHost ? 'H' : ''}`;
  const iface = r.dev?.name ?? '*';
  const head = `${pad(dst, 15)} ${reject ? '-              ' : pad(gw, 15)} ${pad(genmask, 15)} ${pad(flags, 5)}`;
  if (ext === 1) return reject ? `${head} ${pad(r.metric, 6)} -  ${lpad(0, 7)} -\n` : `${head} ${pad(r.metric, 6)} ${pad(0, 2)} ${lpad(0, 7)} ${iface}\n`;
  if (ext === 2) return reject ? `${head}     - -          - -\n` : `${head} ${lpad(0, 5)} ${pad(0, 5)} ${lpad(0, 6)} ${iface}\n`;
  if (reject) return `${head} ${pad(r.metric, 6)} -  ${lpad(0, 7)} -        -     -      -\n`;
  return `${head} ${pad(r.metric, 6)} ${pad(0, 3)} ${lpad(0, 6)} ${pad(iface.slice(0, 6), 6)}   ${pad(0, 5)} ${pad(0, 6)} 0\n`;
}

/** rprint_fib (FIB) or rprint_cache (no cache since Linux 3.6: the header only). */
export function routeTableText(ns: Netns, names: InetNames, opts: { ext: number; numeric: boolean; cache: boolean }): string {
  if (opts.cache) return `Kernel IP routing cache\n${CACHE_HEADERS[opts.ext] ?? ''}`;
  const routes = (ns.fib.tables.get(RT_TABLE_MAIN)?.list() ?? []).filter((r) => r.type !== 'broadcast');
  const ext = opts.ext;
  const body = ext === 0 ? '' : routes.map((r) => row(r, Math.min(ext, 3), names, opts.numeric)).join('');
  return `Kernel IP routing table\n${HEADERS[Math.min(ext, 3)] ?? ''}${body}`;
}
