// Layer tools (host): net-tools 2.10 `netstat` (netstat.c main): -r (the routing table, MSS columns unless
// -e), -i (the interface table, long with -e), and TCP/UDP sockets (-t -u -l -a -n -p -W -4 -6) under the
// "Active Internet connections" header, then the UNIX section when no protocol was named (the model has no
// UNIX sockets: its header only). Statistics (-s), timers (-o), -e on sockets and -c are not modelled.

import type { SockFamily } from '../../net/sock-bind.js';
import type { Process, Tool } from '../process.js';
import { printLong, printShort } from './ifconfig.js';
import { getoptLong } from './net-tools-args.js';
import { inetNames } from './net-tools-names.js';
import { AF_LIST, NETSTAT_USAGE, printUsage } from './net-tools-usage.js';
import { socketPrograms, socketRows } from './netstat-sockets.js';
import { routeTableText } from './route-table.js';
import { portNames } from './ss-addr.js';

const LONGS = {
  inet: ['4', false], inet6: ['6', false], unix: ['x', false], interfaces: ['i', false], help: ['h', false], route: ['r', false],
  masquerade: ['M', false], protocol: ['A', true], tcp: ['t', false], sctp: ['S', false], udp: ['u', false], udplite: ['U', false],
  raw: ['w', false], listening: ['l', false], all: ['a', false], timers: ['o', false], continuous: ['c', false], extend: ['e', false],
  programs: ['p', false], verbose: ['v', false], statistics: ['s', false], wide: ['W', false], numeric: ['n', false],
  'numeric-hosts': ['!', false], 'numeric-ports': ['@', false], 'numeric-users': ['#', false], symbolic: ['N', false],
  cache: ['C', false], fib: ['F', false], groups: ['g', false],
} as const;

const NO_PROGRAMS = '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n';

function notModelled(p: Process, what: string): number {
  p.err(`netstat: ${what} is not modelled by ciliumlab\n`);
  return 1;
}

export const netstat: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const g = getoptLong('netstat', p.argv.slice(1), 'A:CFMacdeghilnNoprsStuUvWw2fx64!@#', LONGS);
  if (g.error !== undefined) {
    p.err(`${g.error}\n`);
    return printUsage(p, NETSTAT_USAGE, AF_LIST, 3);
  }
  const count = (c: string) => g.opts.filter(([o]) => o === c).length;
  const has = (c: string) => count(c) > 0;
  if (has('h')) return printUsage(p, NETSTAT_USAGE, AF_LIST, 0);
  if (['i', 'r', 'M', 's'].filter(has).length > 1) return printUsage(p, NETSTAT_USAGE, AF_LIST, 3);
  for (const [c, what] of [['s', 'netstat -s'], ['M', 'netstat -M'], ['c', 'netstat -c'], ['o', 'netstat -o'], ['g', 'netstat -g']] as const) if (has(c)) return notModelled(p, what);
  const families = new Set(g.opts.flatMap(([o, v]) => (o === '4' ? ['inet'] : o === '6' ? ['inet6'] : o === 'x' ? ['unix'] : o === 'A' ? (v ?? '').split(',') : [])));
  const numericHosts = has('n') || has('!');
  const exp = 1 + count('e');
  if (has('r')) {
    const ext = (exp === 2 ? 1 : exp === 1 ? 2 : exp) & 3;
    p.out(routeTableText(ns, inetNames(p), { ext, numeric: numericHosts, cache: has('C') && !has('F') }));
    return 0;
  }
  if (has('i')) {
    const devs = [...ns.devices.values()].filter((d) => has('a') || d.isUp).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const short = exp < 2;
    p.out(`Kernel Interface table\n${short ? 'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n' : ''}${devs.map((d) => (short ? printShort(d) : printLong(d, ns.now))).join('')}`);
    return 0;
  }
  if (exp > 1) return notModelled(p, 'netstat -e on sockets');
  const inetAf = families.has('inet') || families.has('inet6');
  const anyProto = ['t', 'S', 'u', 'U', 'w'].some(has) || inetAf;
  const tcp = has('t') || (inetAf && !['S', 'u', 'U', 'w'].some(has));
  const udp = has('u') || (inetAf && !['t', 'S', 'U', 'w'].some(has));
  const unix = families.has('unix');
  const protoArg = anyProto || unix;
  const sockFamilies: SockFamily[] = inetAf ? (['inet', 'inet6'] as const).filter((f) => families.has(f)) : ['inet', 'inet6'];
  const all = has('a');
  const listening = has('l');
  const which = all ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  const isRoot = p.host.user === 'root';
  const programs = has('p') ? (isRoot ? socketPrograms(p.host.machine) : new Map<object, string>()) : undefined;
  if (programs && !isRoot) p.err(NO_PROGRAMS);
  const pid = programs ? ` ${'PID/Program name'.padEnd(20)}` : '';
  let out = '';
  if (!protoArg || anyProto) {
    const ports = portNames(p.host.readFile('/etc/services'), [0, -1], has('n') || has('@'));
    out += `Active Internet connections ${which}\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ${pid}\n`;
    out += socketRows(ns, { families: sockFamilies, tcp: !protoArg || tcp, udp: !protoArg || udp, all, listening, numericHosts, wide: has('W'), names: inetNames(p), ports, programs });
  }
  if (!protoArg || unix) out += `Active UNIX domain sockets ${which}\nProto RefCnt Flags       Type       State         I-Node  ${pid} Path\n`;
  p.out(out);
  return 0;
};
