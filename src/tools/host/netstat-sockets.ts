// Layer tools (host): netstat's Internet socket rows (netstat.c tcp_do_one, udp_do_one) from /proc/net/tcp,
// tcp6, udp and udp6 as the kernel lists them (the inet_diag walk of tcp-diag.ts / udp-diag.ts, one family at
// a time): listeners have Send-Q 0, TCP rows are picked by the peer port and UDP rows by the peer address,
// "addr:port" cut to 22 characters, and -p's "PID/argv0" of the lowest PID holding the socket (prg_cache).

import type { Ipv4Addr } from '../../addr/index.js';
import type { Machine } from '../../net/machine.js';
import type { Netns } from '../../net/netns.js';
import type { SockBinding, SockFamily } from '../../net/sock-bind.js';
import { SS_STATE_NAME, tcpDiag } from '../../net/tcp/tcp-diag.js';
import { udpDiag } from '../../net/udp-diag.js';
import type { InetNames } from './net-tools-names.js';
import type { PortNames } from './ss-addr.js';

export interface SocketRowOpts {
  readonly families: readonly SockFamily[];
  readonly tcp: boolean;
  readonly udp: boolean;
  /** flag_all, flag_lst. */
  readonly all: boolean;
  readonly listening: boolean;
  readonly numericHosts: boolean;
  readonly wide: boolean;
  readonly names: InetNames;
  readonly ports: PortNames;
  /** Socket -> "PID/Program name", when -p. */
  readonly programs: ReadonlyMap<object, string> | undefined;
}

/** prg_cache_load: /proc/PID/fd in PID order, the first process holding a socket names it (PID/argv0 basename). */
export function socketPrograms(machine: Machine | undefined): Map<object, string> {
  const out = new Map<object, string>();
  const tasks = machine ? [...machine.tasks.values()].sort((a, b) => a.pid - b.pid) : [];
  for (const t of tasks) {
    const base = t.cmdline.startsWith('/') ? t.cmdline.slice(t.cmdline.lastIndexOf('/') + 1) : t.cmdline;
    for (const sock of t.fds.values()) if (!out.has(sock)) out.set(sock, `${t.pid}/${base}`.slice(0, 19));
  }
  return out;
}

const NETSTAT_STATE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SS_STATE_NAME).map(([k, v]) => [v, k === 'CLOSED' ? 'CLOSE' : k]),
);

function addrText(o: SocketRowOpts, addr: Ipv4Addr, b: SockBinding, port: number, proto: 'tcp' | 'udp'): string {
  let host: string;
  // AF_INET6 sockets here are :: or v4-mapped, which fix_v4_address prints as IPv4.
  if (b.family === 'inet6' && addr === 0) host = o.numericHosts ? '::' : '[::]';
  else host = o.names.name(addr, { numeric: o.numericHosts });
  const sport = port === 0 ? '*' : o.ports.numeric ? String(port) : (o.ports.services[proto].get(port) ?? String(port));
  if (o.wide || host.length + sport.length <= 22) return `${host}:${sport}`;
  const portLen = Math.min(sport.length, 18);
  return `${host.slice(0, 22 - portLen)}:${sport.slice(0, portLen)}`;
}

function tail(o: SocketRowOpts, socket: object): string {
  return o.programs ? ` ${(o.programs.get(socket) ?? '-').padEnd(20)}\n` : '\n';
}

export function socketRows(ns: Netns, o: SocketRowOpts): string {
  let out = '';
  for (const family of o.tcp ? o.families : []) {
    const proto = family === 'inet' ? 'tcp' : 'tcp6';
    for (const d of tcpDiag(ns, family)) {
      if (!o.all && (o.listening ? d.peerPort !== 0 : d.peerPort === 0)) continue;
      const local = addrText(o, d.localAddr, d.binding, d.localPort, 'tcp');
      const peer = addrText(o, d.peerAddr, d.binding, d.peerPort, 'tcp');
      const sendQ = d.state === 'LISTEN' ? 0 : d.sendQ;
      out += `${proto.padEnd(4)}  ${String(d.recvQ).padStart(6)} ${String(sendQ).padStart(6)} ${local.padEnd(23)} ${peer.padEnd(23)} ${(NETSTAT_STATE[d.state] ?? '').padEnd(11)}${tail(o, d.socket)}`;
    }
  }
  for (const family of o.udp ? o.families : []) {
    const proto = family === 'inet' ? 'udp' : 'udp6';
    for (const d of udpDiag(ns, family)) {
      const connected = d.peerAddr !== 0;
      if (!o.all && connected === o.listening) continue;
      const local = addrText(o, d.localAddr, d.binding, d.localPort, 'udp');
      const peer = addrText(o, d.peerAddr, d.binding, d.peerPort, 'udp');
      const state = d.state === 'ESTAB' ? 'ESTABLISHED' : '';
      out += `${proto.padEnd(5)} ${String(d.recvQ).padStart(6)} ${String(d.sendQ).padStart(6)} ${local.padEnd(23)} ${peer.padEnd(23)} ${state.padEnd(11)}${tail(o, d.socket)}`;
    }
  }
  return out;
}
