// Layer tools (ip): the `ip` command (ip/ip.c): global options, then the object matched by prefix in
// iproute2's table order ("a" = address, "r" = route, "n" = neighbor), its handler, and the exit status:
// usage and argument errors 255, "Object ... is unknown" and user errors 1, kernel errors 2.

import type { Machine } from '../../net/machine.js';
import type { Netns } from '../../net/netns.js';
import type { Tool } from '../process.js';
import { findNetns } from './netns-names.js';
import { matches, parseColorOpt } from './color.js';
import type { Family } from './ip-args.js';
import { DEFAULT_IP_OPTIONS, type IpCtx, type IpHandler, type IpOptions } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { doIpAddr } from './ip-address.js';
import { doIpLink } from './ip-link.js';
import { doIpRoute } from './ip-route.js';
import { doIpNeigh } from './ip-neigh.js';
import { doIpRule } from './ip-rule.js';
import { doIpNetns } from './ip-netns.js';

/** ip.c's cmds[] in order (prefix matching takes the first hit); null = not emulated. */
const OBJECTS: ReadonlyArray<readonly [string, IpHandler | null]> = [
  ['address', doIpAddr],
  ['addrlabel', null],
  ['maddress', null],
  ['route', doIpRoute],
  ['rule', doIpRule],
  ['neighbor', doIpNeigh],
  ['neighbour', doIpNeigh],
  ['ntable', null],
  ['ntbl', null],
  ['link', doIpLink],
  ['l2tp', null],
  ['fou', null],
  ['ila', null],
  ['macsec', null],
  ['tunnel', null],
  ['tunl', null],
  ['tuntap', null],
  ['tap', null],
  ['token', null],
  ['tcpmetrics', null],
  ['tcp_metrics', null],
  ['monitor', null],
  ['xfrm', null],
  ['mroute', null],
  ['mrule', null],
  ['netns', doIpNetns],
  ['netconf', null],
  ['vrf', null],
  ['sr', null],
  ['nexthop', null],
  ['mptcp', null],
  ['ioam', null],
  ['help', () => usageExit()],
  ['stats', null],
];

function usageExit(): never {
  throw new IpExit(255, ipUsage('ip'));
}

/** Ubuntu 24.04's iproute2 package and the libbpf it links. */
const IP_VERSION = 'ip utility, iproute2-6.1.0, libbpf 1.3.0\n';

const FAMILIES: Readonly<Record<string, Family>> = { inet: 'inet', inet6: 'inet6', link: 'link', '-4': 'inet', '-6': 'inet6', '-0': 'link' };

/** Parses the options before the object; returns them and the remaining words. */
export function parseGlobalOptions(argv: readonly string[]): { opts: IpOptions; rest: string[]; netns: string | undefined; version: boolean } {
  const o = { ...DEFAULT_IP_OPTIONS } as { -readonly [K in keyof IpOptions]: IpOptions[K] };
  let netns: string | undefined;
  let version = false;
  let i = 0;
  for (; i < argv.length; i++) {
    let opt = argv[i] ?? '';
    if (opt === '--') {
      i++;
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt.startsWith('--')) opt = opt.slice(1);
    const color = parseColorOpt(opt);
    if (opt === '-4' || opt === '-6' || opt === '-0') o.family = FAMILIES[opt] ?? 'unspec';
    else if (matches(opt, '-family')) {
      const v = argv[++i];
      if (v === undefined || v === 'help') usageExit();
      const fam = FAMILIES[v];
      if (!fam) throw new IpExit(255, `Error: argument "${v}" is wrong: invalid protocol family\n`);
      o.family = fam;
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) o.stats++;
    else if (matches(opt, '-details')) o.details++;
    else if (matches(opt, '-oneline')) o.oneline = true;
    else if (matches(opt, '-brief')) o.brief = true;
    else if (matches(opt, '-json')) o.json = true;
    else if (matches(opt, '-pretty')) o.pretty = true;
    else if (color) o.color = color;
    else if (matches(opt, '-help')) usageExit();
    else if (matches(opt, '-netns')) {
      netns = argv[++i];
      if (netns === undefined) throw new IpExit(255, 'Command line is not complete. Try option "help"\n');
    } else if (matches(opt, '-Numeric')) o.numeric = true;
    else if (matches(opt, '-all')) o.all = true;
    else if (matches(opt, '-force')) o.force = true;
    else if (matches(opt, '-resolve') || matches(opt, '-human') || matches(opt, '-iec')) continue;
    else if (matches(opt, '-Version')) version = true;
    else throw new IpExit(255, `Option "${opt}" is unknown, try "ip -help".\n`);
  }
  return { opts: o, rest: argv.slice(i), netns, version };
}

export const ip: Tool = async (p) => {
  try {
    const { opts, rest, netns, version } = parseGlobalOptions(p.argv.slice(1));
    if (version) {
      p.out(IP_VERSION);
      return 0;
    }
    const ns = netns === undefined ? p.host.netns : namedNetns(p.host.machine, netns);
    if (!ns) {
      p.err('ip: this host has no network namespace\n');
      return 1;
    }
    const [obj, ...args] = rest;
    if (obj === undefined) usageExit();
    const entry = OBJECTS.find(([name]) => matches(obj, name));
    if (!entry) {
      p.err(`Object "${obj}" is unknown, try "ip help".\n`);
      return 1;
    }
    const handler = entry[1];
    if (!handler) {
      p.err(`ip ${entry[0]}: not emulated by ciliumlab\n`);
      return 1;
    }
    const ctx: IpCtx = { p, ns, machine: p.host.machine, opts };
    return await handler(ctx, args);
  } catch (e) {
    if (!(e instanceof IpExit)) throw e;
    p.err(e.stderr);
    return e.status;
  }
};

/** `ip -n NAME`: netns_switch, or its error. */
function namedNetns(machine: Machine | undefined, name: string): Netns {
  const found = findNetns(machine, name);
  if (!found) throw new IpExit(255, `Cannot open network namespace "${name}": No such file or directory\n`);
  return found.ns;
}
