// Layer tools (ip): `ip addr add|change|replace|del` (ipaddr_modify) and `ip addr flush`: the IFADDR words,
// iproute2's checks (dev required, broadcast +/-, lifetimes), the default scope (host for 127/8), then the
// kernel's answer. Without `brd` iproute2 sends no broadcast, so the address shows none (unlike netplan's).

import { formatIpv4, isLoopback, network, type Ipv4Addr, type Ipv4Cidr } from '../../addr/index.js';
import type { AddrScope, IfAddr } from '../../net/if-addr.js';
import { NetlinkError } from '../../net/netlink-error.js';
import type { NetDevice } from '../../net/net-device.js';
import { Args, getAddr, getPrefix, matches, parseUnsigned, scopeId } from './ip-args.js';
import type { IpCtx } from './ip-context.js';
import { duparg, duparg2, invarg, IpExit, kernelError, netlink, nodev } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { parseAddrFilter } from './addr-list.js';
import { inetEntry } from './addr-info.js';

type AddrCmd = 'add' | 'change' | 'replace' | 'del';

interface AddrRequest {
  local: Ipv4Cidr | undefined;
  hasLen: boolean;
  dev: string | undefined;
  brd: Ipv4Addr | '+' | '-' | undefined;
  scope: AddrScope | undefined;
  label: string | undefined;
  metric: number | undefined;
  validLft: number | undefined;
  preferredLft: number | undefined;
  noPrefixRoute: boolean;
}

const MUTABLE_FLAGS = ['nodad', 'optimistic', 'home', 'mngtmpaddr', 'noprefixroute', 'autojoin'];
const READONLY_FLAGS = ['secondary', 'temporary', 'dadfailed', 'deprecated', 'tentative', 'permanent', 'stable-privacy'];
const V6_ONLY = ['nodad', 'optimistic', 'home', 'mngtmpaddr'];

function lifetime(text: string, what: string): number | undefined {
  if (text === 'forever') return undefined;
  const v = parseUnsigned(text);
  if (v === undefined) invarg(`${what} value`, text);
  return v;
}

function parseRequest(ctx: IpCtx, argv: readonly string[]): AddrRequest {
  const a = new Args(argv);
  const r: AddrRequest = { local: undefined, hasLen: false, dev: undefined, brd: undefined, scope: undefined, label: undefined, metric: undefined, validLft: undefined, preferredLft: undefined, noPrefixRoute: false };
  let sawValid = false;
  let sawPreferred = false;
  while (!a.done) {
    const w = a.take();
    if (matches(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      if (r.brd !== undefined) duparg('broadcast', v);
      r.brd = v === '+' || v === '-' ? v : getAddr(v, ctx.opts.family);
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeId(v);
      if (!s || s === 'nowhere') invarg('invalid scope value.', v);
      r.scope = s;
    } else if (w === 'dev') r.dev = a.next();
    else if (w === 'label') r.label = a.next();
    else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const v = a.next();
      r.metric = parseUnsigned(v);
      if (r.metric === undefined) invarg('"metric" value is invalid\n', v);
    } else if (matches(w, 'valid_lft')) {
      if (sawValid) duparg('valid_lft', w);
      sawValid = true;
      r.validLft = lifetime(a.next(), 'valid_lft');
    } else if (matches(w, 'preferred_lft')) {
      if (sawPreferred) duparg('preferred_lft', w);
      sawPreferred = true;
      r.preferredLft = lifetime(a.next(), 'preferred_lft');
    } else if (READONLY_FLAGS.includes(w)) ctx.p.err(`Warning: ${w} option is not mutable from userspace\n`);
    else if (MUTABLE_FLAGS.includes(w)) {
      if (V6_ONLY.includes(w)) ctx.p.err(`Warning: ${w} option can be set only for IPv6 addresses\n`);
      else if (w === 'noprefixroute') r.noPrefixRoute = true;
    } else {
      const v = w === 'local' ? a.next() : w;
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('address'));
      if (r.local) duparg2('local', v);
      const p = getPrefix(v, ctx.opts.family);
      r.local = p.cidr;
      r.hasLen = p.hasLen;
    }
  }
  return r;
}

export function modifyAddr(ctx: IpCtx, argv: readonly string[], cmd: AddrCmd): number {
  const r = parseRequest(ctx, argv);
  if (r.dev === undefined) throw new IpExit(1, 'Not enough information: "dev" argument is required.\n');
  if (cmd === 'del' && r.local && !r.hasLen) {
    ctx.p.err(
      `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${formatIpv4(r.local.addr)}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`,
    );
  }
  const dev = ctx.ns.dev(r.dev);
  if (!dev) nodev(r.dev);
  if (r.validLft !== undefined || r.preferredLft !== undefined) {
    if (r.validLft === 0) throw new IpExit(1, 'valid_lft is zero\n');
    if ((r.validLft ?? Infinity) < (r.preferredLft ?? Infinity)) throw new IpExit(1, 'preferred_lft is greater than valid_lft\n');
  }
  if (cmd === 'del') return deleteAddr(ctx, dev, r);
  const local = r.local;
  if (!local) kernelError(new NetlinkError('EOPNOTSUPP'));
  const existing = dev.addrs.find((x) => x.local === local.addr && x.prefixLen === local.prefixLen);
  // inet_rtm_newaddr: an existing address may only be updated with NLM_F_REPLACE (change, replace).
  if (existing && cmd === 'add') kernelError(new NetlinkError('EEXIST', 'ipv4: Address already assigned'));
  if (existing) netlink(() => ctx.ns.delAddr(dev, local));
  const brd = broadcastFor(local, r.brd);
  netlink(() =>
    ctx.ns.addAddr(dev, local, {
      scope: r.scope ?? (isLoopback(local.addr) ? 'host' : 'global'),
      ...(r.label !== undefined ? { label: r.label } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
      broadcast: brd ?? null,
      ...(r.validLft !== undefined ? { validLftS: r.validLft, dynamic: true } : {}),
      ...(r.preferredLft !== undefined ? { preferredLftS: r.preferredLft } : {}),
      noPrefixRoute: r.noPrefixRoute,
    }),
  );
  return 0;
}

/** `brd +` sets the host bits, `brd -` clears them; none: no IFA_BROADCAST at all. */
function broadcastFor(c: Ipv4Cidr, brd: AddrRequest['brd']): Ipv4Addr | undefined {
  if (brd === undefined || typeof brd === 'number') return brd;
  if (c.prefixLen > 30) return undefined;
  const host = c.prefixLen === 0 ? 0xffffffff : (1 << (32 - c.prefixLen)) - 1;
  return ((brd === '+' ? c.addr | host : c.addr & ~host) >>> 0) as Ipv4Addr;
}

/** inet_rtm_deladdr: the first address matching local (and the prefix length when given), label, dev. */
function deleteAddr(ctx: IpCtx, dev: NetDevice, r: AddrRequest): number {
  const local = r.local;
  const match = dev.addrs.find((x) => (!local || (x.local === local.addr && (!r.hasLen || x.prefixLen === local.prefixLen))) && (r.label === undefined || x.label === r.label));
  if (!match) kernelError(new NetlinkError('EADDRNOTAVAIL', 'ipv4: Address not found'));
  netlink(() => ctx.ns.delAddr(dev, { addr: match.local, prefixLen: match.prefixLen }));
  if (!match.secondary) deleteSecondaries(ctx, dev, match);
  return 0;
}

/**
 * Thin adapter for __inet_del_ifa: without net.ipv4.conf.*.promote_secondaries the kernel deletes a primary
 * address's secondaries with it (Netns.delAddr removes only the one address).
 */
function deleteSecondaries(ctx: IpCtx, dev: NetDevice, primary: IfAddr): void {
  if (ctx.ns.sysctl.get(`net.ipv4.conf.${dev.name}.promote_secondaries`) === '1') return;
  const net = network({ addr: primary.local, prefixLen: primary.prefixLen });
  for (const a of dev.addrs) {
    if (a.secondary && a.prefixLen === primary.prefixLen && network({ addr: a.local, prefixLen: a.prefixLen }).addr === net.addr) ctx.ns.delAddr(dev, { addr: a.local, prefixLen: a.prefixLen });
  }
}

/** `ip addr flush`: deletes every IPv4 address the selectors pick ("Flush requires arguments." without). */
export function flushAddrs(ctx: IpCtx, argv: readonly string[]): number {
  if (argv.length === 0) throw new IpExit(1, 'Flush requires arguments.\n');
  if (ctx.opts.family === 'link') throw new IpExit(1, 'Cannot flush link addresses.\n');
  const f = parseAddrFilter(ctx, argv, false);
  const devs = f.dev === undefined ? [...ctx.ns.devices.values()] : [ctx.ns.dev(f.dev)];
  if (devs[0] === undefined) throw new IpExit(1, `Device "${f.dev}" does not exist.\n`);
  let n = 0;
  for (const dev of devs) {
    if (!dev || (f.up && !dev.isUp)) continue;
    for (const a of [...dev.addrs]) {
      const e = inetEntry(a, ctx.ns.now);
      if (f.scope !== undefined && e.scope !== f.scope) continue;
      if (f.label !== undefined && a.label !== f.label) continue;
      ctx.ns.delAddr(dev, { addr: a.local, prefixLen: a.prefixLen });
      n++;
    }
  }
  if (ctx.opts.stats) ctx.p.out(n === 0 ? 'Nothing to flush.\n' : `\n*** Round 1, deleting ${n} addresses ***\n*** Flush is complete after 1 round ***\n`);
  return 0;
}
