// Layer tools (ip): `ip neigh` (ip/ipneigh.c): show/list and flush of the ARP table with dev/to/nud filters
// (NOARP entries hidden unless asked for, as iproute2's default state mask does), and add/del/change/replace
// of static entries; lines as print_neigh prints them: "A dev D lladdr M [router] STATE".

import { contains, formatIpv4, formatMac, parseMac } from '../../addr/index.js';
import type { NeighEntry, NeighState } from '../../net/neigh-table.js';
import { NetlinkError } from '../../net/netlink-error.js';
import { Args, getAddr, getPrefix, matches, type Prefix } from './ip-args.js';
import { newPrinter, type IpCtx } from './ip-context.js';
import { invarg, IpExit, kernelError, nodev } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';

const STATES: readonly NeighState[] = ['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED', 'NOARP', 'PERMANENT'];

function nudState(v: string): NeighState | 'all' | undefined {
  if (v === 'all') return 'all';
  const s = v.toUpperCase();
  return STATES.find((x) => x === s);
}

export function doIpNeigh(ctx: IpCtx, argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return showNeigh(ctx, [], false);
  if (matches(cmd, 'add')) return modifyNeigh(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return modifyNeigh(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return modifyNeigh(ctx, rest, 'replace');
  if (matches(cmd, 'delete')) return modifyNeigh(ctx, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return showNeigh(ctx, rest, false);
  if (matches(cmd, 'flush')) return showNeigh(ctx, rest, true);
  if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('neigh'));
  throw new IpExit(255, `Command "${cmd}" is unknown, try "ip neigh help".\n`);
}

interface NeighFilter {
  dev?: string;
  to?: Prefix;
  states: Set<NeighState> | undefined;
}

function parseNeighFilter(ctx: IpCtx, argv: readonly string[]): NeighFilter {
  const a = new Args(argv);
  const f: NeighFilter = { states: undefined };
  while (!a.done) {
    const w = a.take();
    if (w === 'dev') f.dev = a.next();
    else if (w === 'nud') {
      const v = a.next();
      const s = nudState(v);
      if (!s) invarg('nud state is bad', v);
      f.states ??= new Set();
      for (const x of s === 'all' ? STATES : [s]) f.states.add(x);
    } else if (w === 'proxy' || w === 'unused' || w === 'nomaster') continue;
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('neigh'));
      f.to = getPrefix(v, ctx.opts.family);
    }
  }
  if (f.dev !== undefined && !ctx.ns.dev(f.dev)) nodev(f.dev);
  return f;
}

function neighMatches(ctx: IpCtx, e: NeighEntry, f: NeighFilter, flush: boolean): boolean {
  if (f.dev !== undefined && e.dev !== ctx.ns.dev(f.dev)) return false;
  if (f.to && !contains(f.to.cidr, e.ip)) return false;
  if (f.states) return f.states.has(e.state);
  if (e.state === 'NOARP') return false;
  return !(flush && e.state === 'PERMANENT');
}

function showNeigh(ctx: IpCtx, argv: readonly string[], flush: boolean): number {
  if (flush && argv.length === 0) throw new IpExit(1, 'Flush requires arguments.\n');
  const f = parseNeighFilter(ctx, argv);
  const entries = ctx.ns.neigh.list().filter((e) => neighMatches(ctx, e, f, flush)).sort((x, y) => x.dev.ifindex - y.dev.ifindex);
  if (flush) {
    for (const e of entries) ctx.ns.neigh.delete(e.dev, e.ip);
    return 0;
  }
  const pr = newPrinter(ctx);
  pr.begin();
  for (const e of entries) {
    pr.openObject();
    pr.string('any', 'dst', '%s ', formatIpv4(e.ip), 'inet');
    if (f.dev === undefined) {
      pr.fp('dev ');
      pr.string('any', 'dev', '%s ', e.dev.name, 'ifname');
    }
    if (e.lladdr !== undefined) {
      pr.fp('lladdr ');
      pr.string('any', 'lladdr', '%s ', formatMac(e.lladdr), 'mac');
    }
    if (e.isRouter) pr.null('any', 'router', 'router ');
    pr.openArray('json', 'state');
    pr.string('any', null, '%s ', e.state);
    pr.closeArray('json', '');
    pr.fp('\n');
    pr.closeObject();
  }
  ctx.p.out(pr.finish());
  return 0;
}

function modifyNeigh(ctx: IpCtx, argv: readonly string[], cmd: 'add' | 'change' | 'replace' | 'del'): number {
  const a = new Args(argv);
  let dev: string | undefined;
  let dst: string | undefined;
  let lladdr: string | undefined;
  let state: NeighState = 'PERMANENT';
  while (!a.done) {
    const w = a.take();
    if (w === 'lladdr') lladdr = a.next();
    else if (w === 'nud') {
      const v = a.next();
      const s = nudState(v);
      if (!s || s === 'all') invarg('nud state is bad', v);
      state = s;
    } else if (w === 'dev') dev = a.next();
    else if (w === 'router' || w === 'use' || w === 'managed' || w === 'extern_learn') continue;
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('neigh'));
      dst = v;
    }
  }
  if (dev === undefined || dst === undefined) throw new IpExit(255, 'Device and destination are required arguments.\n');
  const ip = getAddr(dst, ctx.opts.family);
  const d = ctx.ns.dev(dev);
  if (!d) nodev(dev);
  const mac = lladdr === undefined ? undefined : parseMac(lladdr);
  if (lladdr !== undefined && mac === undefined) throw new IpExit(255, `"${lladdr}" is invalid lladdr.\n`);
  const existing = ctx.ns.neigh.get(d, ip);
  if (cmd === 'del') {
    if (!existing) kernelError(new NetlinkError('ENOENT'));
    ctx.ns.neigh.delete(d, ip);
    return 0;
  }
  if (existing && cmd === 'add') kernelError(new NetlinkError('EEXIST'));
  if (!existing && cmd === 'change') kernelError(new NetlinkError('ENOENT'));
  if (existing) ctx.ns.neigh.delete(d, ip);
  if (state === 'PERMANENT' || state === 'NOARP') ctx.ns.neigh.addPermanent(d, ip, mac, state);
  else if (mac !== undefined) ctx.ns.neigh.update(d, ip, mac, { confirmed: state === 'REACHABLE', create: true });
  return 0;
}
